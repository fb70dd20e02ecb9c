package winevent;

import java.util.Objects;

/**
 * A WinEvent function failed: the Win32 code ({@code GetLastError}) and a sentence naming the bad
 * value. Unchecked: the failures are wrong arguments (an undefined event ID, a foreign hook), not
 * conditions a caller recovers from at run time.
 */
public class WinEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final WinEventError error;

    /**
     * Creates the exception.
     *
     * @param error the code
     * @param message what failed, naming the offending value
     */
    public WinEventException(WinEventError error, String message) {
        super(Objects.requireNonNull(error, "error").name() + " (" + error.code() + "): " + message);
        this.error = error;
    }

    /**
     * Returns the code.
     *
     * @return the Win32 error
     */
    public WinEventError error() {
        return error;
    }
}
