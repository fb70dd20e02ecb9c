package ws2.spi.namespace;

import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.QuerySet;
import ws2.api.ServiceClassInfo;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * {@code NSP_ROUTINE}: an NSP v1 provider's functions for one client context. ws2.core bounds every
 * call with a timeout and turns a runtime exception into {@code WSAENETDOWN}; a provider that does
 * not support a function keeps the default, which fails with {@code WSAEOPNOTSUPP}.
 */
@ConsumerType
public interface NspDispatch {
    /**
     * {@code NSPLookupServiceBegin}: starts a query. Must return quickly: the work belongs in
     * {@link NspLookup#next}.
     *
     * @param restrictions the query
     * @param classInfo the service class's schema, or null when none is installed
     * @param controlFlags {@code LUP_*}
     * @return the lookup
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} or {@code WSANO_DATA} when the provider has
     *         nothing for this query (ws2.core then asks the next provider), {@code WSAEINVAL}
     */
    NspLookup lookupServiceBegin(QuerySet restrictions, ServiceClassInfo classInfo, int controlFlags)
            throws WsaException;

    /**
     * {@code NSPSetService}: registers, deregisters or deletes a service instance.
     *
     * @param classInfo the service class's schema, or null
     * @param regInfo what to register
     * @param operation {@code RNRSERVICE_*}
     * @param controlFlags 0 or {@code SERVICE_MULTIPLE}
     * @throws WsaException {@code WSASERVICE_NOT_FOUND}, {@code WSAEINVAL}, {@code WSAEOPNOTSUPP}
     */
    default void setService(ServiceClassInfo classInfo, QuerySet regInfo, int operation, int controlFlags)
            throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this namespace provider does not register services");
    }

    /**
     * {@code NSPInstallServiceClass}.
     *
     * @param classInfo the class
     * @throws WsaException {@code WSAEALREADY}, {@code WSAEOPNOTSUPP}
     */
    default void installServiceClass(ServiceClassInfo classInfo) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this namespace provider keeps no service classes");
    }

    /**
     * {@code NSPRemoveServiceClass}.
     *
     * @param classId the class
     * @throws WsaException {@code WSATYPE_NOT_FOUND}, {@code WSAEOPNOTSUPP}
     */
    default void removeServiceClass(UUID classId) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this namespace provider keeps no service classes");
    }

    /**
     * {@code NSPGetServiceClassInfo}.
     *
     * @param classId the class
     * @return its schema
     * @throws WsaException {@code WSATYPE_NOT_FOUND}, {@code WSAEOPNOTSUPP}
     */
    default ServiceClassInfo getServiceClassInfo(UUID classId) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this namespace provider keeps no service classes");
    }

    /**
     * {@code NSPCleanup}: the client context is done with the provider.
     *
     * @throws WsaException never expected
     */
    void cleanup() throws WsaException;
}
