package ws2.spi.namespace;

import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * {@code NSPV2_ROUTINE}: an NSPv2 namespace provider, registered as a DS service with its
 * {@code ws2.provider.id} or advertised by a client with {@code WSAAdvertiseProvider}. Each client
 * context is a session: {@link #startup} returns the session argument passed to every later call
 * of that client; {@link #clientSessionRundown} ends a session whose client went away without
 * {@link #cleanup}. NextEx and SetServiceEx complete through their {@link AsyncCall}.
 */
@ConsumerType
public interface NamespaceProviderV2 {
    /**
     * {@code NSPv2Startup}: a client context starts using the provider.
     *
     * @param providerId the GUID
     * @return the client session argument, may be null
     * @throws WsaException to refuse the client
     */
    default Object startup(UUID providerId) throws WsaException {
        return null;
    }

    /**
     * {@code NSPv2Cleanup}: the client context is done with the provider.
     *
     * @param providerId the GUID
     * @param session its session argument
     */
    default void cleanup(UUID providerId, Object session) {
    }

    /**
     * {@code NSPv2LookupServiceBegin}.
     *
     * @param providerId the GUID
     * @param restrictions the query ({@code WSAQUERYSET2W}: the service class is not used)
     * @param controlFlags {@code LUP_*}
     * @param session the client's session argument
     * @return the lookup's handle, passed to {@link #lookupServiceNextEx} and {@link #lookupServiceEnd}
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} when the provider has nothing for it
     */
    Object lookupServiceBegin(UUID providerId, QuerySet restrictions, int controlFlags, Object session)
            throws WsaException;

    /**
     * {@code NSPv2LookupServiceNextEx}: completes {@code call} with the next result, or fails it
     * with {@code WSA_E_NO_MORE} at the end.
     *
     * @param call how to report the outcome
     * @param lookup the handle of Begin
     * @param controlFlags {@code LUP_*}
     */
    void lookupServiceNextEx(AsyncCall<QuerySet> call, Object lookup, int controlFlags);

    /**
     * {@code NSPv2LookupServiceEnd}.
     *
     * @param lookup the handle of Begin
     */
    void lookupServiceEnd(Object lookup);

    /**
     * {@code NSPv2SetServiceEx}: registers, deregisters or deletes a service instance.
     *
     * @param call how to report the outcome
     * @param providerId the GUID
     * @param regInfo what to register
     * @param operation {@code RNRSERVICE_*}
     * @param controlFlags 0 or {@code SERVICE_MULTIPLE}
     * @param session the client's session argument
     */
    void setServiceEx(AsyncCall<Void> call, UUID providerId, QuerySet regInfo, int operation, int controlFlags,
            Object session);

    /**
     * Change notification on an NSPv2 lookup (a ws2 extension: {@code NSPV2_ROUTINE} has no
     * {@code NSPIoctl}): calls the listener once when the lookup's results change.
     *
     * @param lookup the handle of Begin
     * @param onChange told of the change, from any thread
     * @throws WsaException {@code WSAEOPNOTSUPP} by default
     */
    default void notifyChange(Object lookup, Runnable onChange) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this namespace provider does not notify changes");
    }

    /**
     * {@code NSPv2ClientSessionRundown}: the client went away without cleaning up.
     *
     * @param providerId the GUID
     * @param session its session argument
     */
    default void clientSessionRundown(UUID providerId, Object session) {
    }
}
