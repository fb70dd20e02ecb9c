package ws2.provider.hosts;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * A {@link WsaException} that does not record where it was thrown, for the ordinary outcomes of a
 * lookup that callers meet on every query: {@code WSASERVICE_NOT_FOUND} from
 * {@code NSPLookupServiceBegin} for each name that the file does not list (ws2.core then asks the
 * next provider) and {@code WSA_E_NO_MORE} that ends each {@code NSPLookupServiceNext} loop. Not
 * shared, as {@link WsaException#wouldBlock()}.
 */
final class StacklessWsaException extends WsaException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param error the code
     * @param message what happened
     */
    StacklessWsaException(WsaError error, String message) {
        super(error, message);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
