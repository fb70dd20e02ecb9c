package ws2.provider.registry;

import java.util.UUID;

import org.osgi.service.component.annotations.Component;

import ws2.api.LookupFlags;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.annotations.NameSpaceProvider;
import ws2.catalog.annotations.ProviderId;
import ws2.spi.namespace.AsyncCall;
import ws2.spi.namespace.NamespaceProviderV2;

/**
 * The ws2 Service Registry, an NSPv2 namespace provider ({@code NSPV2_ROUTINE}): a registry of
 * service instances shared by every client context of the runtime. A bundle registers an instance
 * with {@code WSASetService}; any bundle finds it with {@code WSALookupServiceBegin}/{@code Next}/
 * {@code End}; it goes when deleted or when the session that registered it ends.
 *
 * <h2>Namespace</h2>
 * It serves {@link #NS_REGISTRY}; query sets name that namespace or {@link NameSpaces#NS_ALL}.
 *
 * <h2>Sessions</h2>
 * Every {@link #startup NSPv2Startup} opens a new {@link Session}; the instances registered through
 * it are removed, and change listeners told, by its {@link #cleanup NSPv2Cleanup} or
 * {@link #clientSessionRundown NSPv2ClientSessionRundown}, which ws2.core calls when the client
 * context (its bundle) ends.
 *
 * <h2>Calls</h2>
 * {@link #setServiceEx} and {@link #lookupServiceNextEx} complete their {@link AsyncCall} before
 * they return, as the NSPv2 providers of Windows Vista did. Thread-safe; see {@link ServiceRegistry}.
 */
@Component(service = NamespaceProviderV2.class)
@ProviderId(RegistryProvider.ID)
@NameSpaceProvider(providerId = RegistryProvider.ID, identifier = "ws2 Service Registry",
        nameSpace = RegistryProvider.NS_REGISTRY, version = 2)
public final class RegistryProvider implements NamespaceProviderV2 {
    /** The provider GUID: the catalog entry's {@code NSProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "5e8d3b2c-1f4a-4c7e-b690-8a2d4f1e6c03";
    /**
     * {@code dwNameSpace} of the registry: {@code 0x7753}, the characters {@code "wS"}, far above
     * every {@code NS_*} value {@code winsock2.h} defines (the highest is {@code NS_NETDES}, 60).
     */
    public static final int NS_REGISTRY = 0x7753;

    /** {@link #ID} as a GUID. */
    static final UUID PROVIDER_ID = UUID.fromString(ID);

    private final ServiceRegistry registry = new ServiceRegistry();

    /** {@code NSPv2Startup}: opens a session for the client context. */
    @Override
    public Object startup(UUID providerId) {
        return new Session();
    }

    /** {@code NSPv2Cleanup}: removes the instances the session registered. */
    @Override
    public void cleanup(UUID providerId, Object session) {
        clientSessionRundown(providerId, session);
    }

    /** {@code NSPv2ClientSessionRundown}: removes the instances the session registered. */
    @Override
    public void clientSessionRundown(UUID providerId, Object session) {
        if (session instanceof Session ended) {
            registry.endSession(ended);
        }
    }

    /**
     * {@code NSPv2LookupServiceBegin}: matches the service class (none: every class), the instance
     * name without regard to case ({@code "*"} or none: every instance), the version and the
     * families and protocols of the addresses ({@code AF_UNSPEC} and protocol 0 match any).
     *
     * @throws WsaException {@code WSAEINVAL} for another namespace than {@link #NS_REGISTRY} or
     *         {@code NS_ALL}, {@code WSASERVICE_NOT_FOUND} when no registered instance matches
     */
    @Override
    public Object lookupServiceBegin(UUID providerId, QuerySet restrictions, int controlFlags, Object session)
            throws WsaException {
        requireNameSpace(restrictions.nameSpace());
        return registry.begin(Query.of(restrictions), session instanceof Session s ? s : null);
    }

    /**
     * {@code NSPv2LookupServiceNextEx}: completes with one instance (every field, whatever the
     * {@code LUP_RETURN_*} flags), then fails with {@code WSA_E_NO_MORE}.
     */
    @Override
    public void lookupServiceNextEx(AsyncCall<QuerySet> call, Object lookup, int controlFlags) {
        ((Lookup) lookup).next(call);
    }

    /** {@code NSPv2LookupServiceEnd}: frees the lookup and drops its pending change notification. */
    @Override
    public void lookupServiceEnd(Object lookup) {
        registry.end((Lookup) lookup);
    }

    /**
     * {@code NSPv2SetServiceEx}: registers, deregisters or deletes the instance named by the
     * service class and the instance name of {@code regInfo}, as the Winsock table says
     * ({@link SetOperation}), and completes {@code call}: with null, or with {@code WSAEINVAL}
     * (no class or name, another namespace, an unknown operation or flag, no session of this
     * provider) or {@code WSASERVICE_NOT_FOUND}. Listeners of lookups whose results change are told.
     */
    @Override
    public void setServiceEx(AsyncCall<Void> call, UUID providerId, QuerySet regInfo, int operation, int controlFlags,
            Object session) {
        try {
            requireNameSpace(regInfo.nameSpace());
            if ((controlFlags & ~LookupFlags.SERVICE_MULTIPLE) != 0) {
                throw new RegistryException(WsaError.WSAEINVAL,
                        "unknown set-service flags 0x" + Integer.toHexString(controlFlags));
            }
            if (!(session instanceof Session owner)) {
                throw new RegistryException(WsaError.WSAEINVAL, "the caller has no session: NSPv2Startup was not called");
            }
            registry.set(SetOperation.of(operation), ServiceInstance.of(regInfo, owner),
                    controlFlags == LookupFlags.SERVICE_MULTIPLE);
        } catch (RegistryException e) {
            call.fail(e.error(), e.sentence());
            return;
        }
        call.complete(null);
    }

    /**
     * Change notification: calls {@code onChange} once, on the thread that made the change, when
     * the lookup's results differ from those it began with or was last notified of (at once if they
     * already do). Ending the lookup, or its session, drops a pending notification silently.
     *
     * @throws WsaException {@code WSA_INVALID_HANDLE} for an ended lookup, {@code WSAEINVAL} if a
     *         notification is pending on it already
     */
    @Override
    public void notifyChange(Object lookup, Runnable onChange) throws WsaException {
        registry.watch((Lookup) lookup, onChange);
    }

    private static void requireNameSpace(int nameSpace) throws RegistryException {
        if (nameSpace != NS_REGISTRY && nameSpace != NameSpaces.NS_ALL) {
            throw new RegistryException(WsaError.WSAEINVAL, "the registry serves namespace " + NS_REGISTRY
                    + " (or NS_ALL), not " + NameSpaces.name(nameSpace));
        }
    }
}
