package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ws2.api.WsaError;
import ws2.spi.namespace.AsyncCall;

/**
 * An {@link AsyncCall} that records its outcome and how often it was completed.
 *
 * @param <T> the result type
 */
final class TestCall<T> implements AsyncCall<T> {
    private int completions;
    private T result;
    private WsaError error;
    private String message;

    @Override
    public void complete(T value) {
        completions++;
        result = value;
    }

    @Override
    public void fail(WsaError code, String sentence) {
        completions++;
        error = code;
        message = sentence;
    }

    /** Returns the code it failed with, or null. */
    WsaError error() {
        return error;
    }

    /** Asserts the call succeeded exactly once and returns its result. */
    T succeeded() {
        assertEquals(1, completions, "completions");
        assertNull(error, () -> "failed: " + error + " " + message);
        return result;
    }

    /** Asserts the call failed exactly once, with a sentence, and returns the code. */
    WsaError failed() {
        assertEquals(1, completions, "completions");
        assertTrue(message != null && !message.isEmpty() && !message.startsWith(String.valueOf(error)),
                () -> "sentence: " + message);
        return error;
    }
}
