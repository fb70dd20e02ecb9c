package ws2.spi.namespace;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The {@code HANDLE} of {@code NSPLookupServiceBegin}: {@code NSPLookupServiceNext},
 * {@code NSPLookupServiceEnd} and {@code NSPIoctl} on one query.
 */
@ConsumerType
public interface NspLookup {
    /**
     * {@code NSPLookupServiceNext}: the next result.
     *
     * @param controlFlags {@code LUP_*}, which can only narrow what Begin asked for
     * @return the result
     * @throws WsaException {@code WSA_E_NO_MORE} at the end; {@code WSAETIMEDOUT},
     *         {@code WSATRY_AGAIN}, {@code WSANO_RECOVERY} for a namespace that failed to answer
     */
    QuerySet next(int controlFlags) throws WsaException;

    /** {@code NSPLookupServiceEnd}: frees the query; a {@link #next} blocked in another thread ends. */
    void end();

    /**
     * {@code NSPIoctl(SIO_NSP_NOTIFY_CHANGE)}: calls the listener (once) when the results of this
     * query change. Providers that cannot tell keep the default.
     *
     * @param onChange told of the change, from any thread
     * @throws WsaException {@code WSAEOPNOTSUPP} by default
     */
    default void notifyChange(Runnable onChange) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this namespace provider does not notify changes");
    }
}
