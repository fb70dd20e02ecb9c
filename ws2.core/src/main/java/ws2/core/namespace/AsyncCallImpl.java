package ws2.core.namespace;

import java.util.concurrent.CompletableFuture;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.AsyncCall;

/**
 * The {@code hAsyncCall} of one NSPv2 call: {@code WSAProviderCompleteAsyncCall} completes it once;
 * the client waits for it within the call timeout.
 *
 * @param <T> the result type
 */
final class AsyncCallImpl<T> implements AsyncCall<T> {
    final CompletableFuture<T> outcome = new CompletableFuture<>();

    @Override
    public void complete(T result) {
        outcome.complete(result);
    }

    @Override
    public void fail(WsaError error, String message) {
        outcome.completeExceptionally(new WsaException(error == null ? WsaError.WSAEINVAL : error,
                message == null ? "" : message));
    }
}
