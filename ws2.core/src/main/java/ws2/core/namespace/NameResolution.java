package ws2.core.namespace;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import ws2.api.AddrInfo;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.Overlapped;
import ws2.api.QuerySet;
import ws2.api.ServiceClassInfo;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.spi.namespace.NspDispatch;

/**
 * The name resolution of one client context: the Java form of ws2_32's {@code WSALookupService*},
 * {@code WSASetService}, service-class and {@code WSANSPIoctl} functions over the namespace catalog.
 *
 * <p>A lookup asks the provider its query names, or every active provider of its namespace (all of
 * them for {@code NS_ALL}), in namespace-catalog order; providers are started for the context on
 * first use ({@code NSPStartup}/{@code NSPv2Startup}) and ended with it. Every provider call is
 * bounded by the call timeout ({@link NspCalls}).
 */
public final class NameResolution {
    private final NameServices services;
    private final CatalogView view;
    private final String clientName;
    private final Map<UUID, NspInstance> instances = new ConcurrentHashMap<>();
    private final Set<Lookup> lookups = ConcurrentHashMap.newKeySet();

    /**
     * Creates the name resolution of a client context.
     *
     * @param services what all contexts share
     * @param view the context's catalog view
     * @param clientName its name, for messages
     */
    public NameResolution(NameServices services, CatalogView view, String clientName) {
        this.services = services;
        this.view = view;
        this.clientName = clientName;
    }

    /**
     * {@code WSAEnumNameSpaceProvidersEx}.
     *
     * @return the context's namespace catalog, in order
     */
    public List<NamespaceInfo> providers() {
        return services.catalog().get().view(view).namespaces();
    }

    /**
     * {@code WSALookupServiceBegin}.
     *
     * @param q the query
     * @param flags {@code LUP_*}
     * @return the lookup
     * @throws WsaException see {@code Winsock.lookupServiceBegin}
     */
    public LookupHandle begin(QuerySet q, int flags) throws WsaException {
        if (q == null || q.serviceClassId() == null && q.nsProviderId() == null) {
            throw new WsaException(WsaError.WSAEINVAL, "a query set needs a service class (lpServiceClassId)");
        }
        if (q.nameSpace() < 0) {
            throw new WsaException(WsaError.WSAEINVAL, "the namespace of a query set is NS_ALL or an NS_* value, not "
                    + q.nameSpace());
        }
        ResultCache.Key key = (flags & LookupFlags.LUP_FLUSHCACHE) == 0 ? new ResultCache.Key(view, q, flags) : null;
        List<QuerySet> cached = key == null ? null : services.cache().get(key, System.nanoTime());
        if (cached != null) {
            return register(v -> new Lookup(v, this, q, flags, null, List.of(), cached, null));
        }
        return register(open(q, flags, key));
    }

    private Lookup.Maker open(QuerySet q, int flags, ResultCache.Key key) throws WsaException {
        List<Lookup.Part> parts = new ArrayList<>();
        WsaException soft = null;
        WsaException hard = null;
        for (NamespaceInfo target : targets(q)) {
            NspService s = services.registry().current().get(target.providerId());
            if (s == null) {
                soft = soft != null ? soft : new WsaException(WsaError.WSASERVICE_NOT_FOUND, "namespace provider '"
                        + target.identifier() + "' has no registered service (is its bundle " + target.path() + " stopped?)");
                continue;
            }
            try {
                parts.add(beginOn(instance(s), q, flags));
            } catch (WsaException e) {
                if (Lookup.isSoft(e)) {
                    soft = soft != null ? soft : e;
                } else {
                    hard = hard != null ? hard : e;
                }
            }
        }
        if (parts.isEmpty()) {
            throw hard != null ? hard : soft != null ? soft : new WsaException(WsaError.WSASERVICE_NOT_FOUND,
                    "no namespace provider answered");
        }
        WsaException carried = hard != null ? hard : soft;
        return v -> new Lookup(v, this, q, flags, key, parts, null, carried);
    }

    private Lookup.Part beginOn(NspInstance i, QuerySet q, int flags) throws WsaException {
        NspService s = i.service;
        if (s.isV2()) {
            Object h = services.calls().call(s, "NSPv2LookupServiceBegin",
                    () -> i.v2().lookupServiceBegin(s.id(), q, flags, i.session));
            return new Lookup.Part(i, null, h);
        }
        return new Lookup.Part(i, services.calls().call(s, "NSPLookupServiceBegin",
                () -> i.v1.lookupServiceBegin(q, null, flags)), null);
    }

    private LookupHandle register(Lookup.Maker maker) throws WsaException {
        Lookup l;
        try {
            l = services.handles().allocate(maker::make, "lookup");
        } catch (WsaException e) {
            throw new WsaException(WsaError.WSA_NOT_ENOUGH_MEMORY, e.getMessage(), e);
        }
        lookups.add(l);
        return l;
    }

    /** The namespace catalog entries a query or registration goes to, in order. */
    private List<NamespaceInfo> targets(QuerySet q) throws WsaException {
        List<NamespaceInfo> out = new ArrayList<>();
        for (NamespaceInfo n : providers()) {
            if (q.nsProviderId() != null) {
                if (n.providerId().equals(q.nsProviderId())) {
                    if (!n.active()) {
                        throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "namespace provider '" + n.identifier()
                                + "' is disabled (WSCEnableNSProvider)");
                    }
                    return List.of(n);
                }
            } else if (n.active() && (q.nameSpace() == NameSpaces.NS_ALL || n.nameSpace() == q.nameSpace())) {
                out.add(n);
            }
        }
        if (q.nsProviderId() != null) {
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "namespace provider " + q.nsProviderId()
                    + " is not in the " + view.name().toLowerCase() + " namespace catalog");
        }
        if (out.isEmpty()) {
            throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "no active namespace provider serves "
                    + NameSpaces.name(q.nameSpace()));
        }
        return out;
    }

    private NspInstance instance(NspService s) throws WsaException {
        NspInstance i = instances.get(s.id());
        if (i != null && i.service == s && !i.retired()) {
            return i;
        }
        NspInstance fresh = NspInstance.start(s, services.calls());
        NspInstance[] lost = new NspInstance[1];
        NspInstance winner = instances.compute(s.id(), (id, cur) -> {
            if (cur != null && cur.service == s && !cur.retired()) {
                lost[0] = fresh;
                return cur;
            }
            lost[0] = cur;
            return fresh;
        });
        if (lost[0] != null) {
            lost[0].retire(services.calls(), false);
        }
        return winner;
    }

    /**
     * {@code WSALookupServiceNext}.
     *
     * @param h the lookup
     * @param flags {@code LUP_*}
     * @return the next result
     * @throws WsaException see {@code Winsock.lookupServiceNext}
     */
    public QuerySet next(LookupHandle h, int flags) throws WsaException {
        return own(h).next(flags, services.calls(), services.cache());
    }

    /**
     * {@code WSALookupServiceEnd}.
     *
     * @param h the lookup
     * @throws WsaException {@code WSA_INVALID_HANDLE}
     */
    public void end(LookupHandle h) throws WsaException {
        Lookup l = own(h);
        if (lookups.remove(l)) {
            services.handles().release(l);
            l.end(services.calls());
        }
    }

    /**
     * {@code WSANSPIoctl}.
     *
     * @param h the lookup
     * @param code {@code SIO_NSP_NOTIFY_CHANGE}
     * @param overlapped null to poll
     * @throws WsaException see {@code Winsock.nspIoctl}
     */
    public void ioctl(LookupHandle h, int code, Overlapped overlapped) throws WsaException {
        Lookup l = own(h);
        if (code != LookupFlags.SIO_NSP_NOTIFY_CHANGE) {
            throw new WsaException(WsaError.WSAEINVAL, "WSANSPIoctl takes SIO_NSP_NOTIFY_CHANGE, not 0x"
                    + Integer.toHexString(code));
        }
        Lookup watched = l;
        if (l.fromCache()) {
            watched = l.watcher();
            if (watched == null) {
                watched = open(l.query, l.flags, null).make(l.value());
                l.watcher(watched);
            }
        }
        watched.notifyChange(overlapped, services.calls());
    }

    private Lookup own(LookupHandle h) throws WsaException {
        if (h instanceof Lookup && ((Lookup) h).owner == this && lookups.contains(h)) {
            return (Lookup) h;
        }
        throw new WsaException(WsaError.WSA_INVALID_HANDLE, (h == null ? "null" : "lookup " + h.value())
                + " is not an open lookup of client context '" + clientName + "'");
    }

    /**
     * {@code WSASetService}: every provider the query set names; succeeds if one accepted.
     *
     * @param q the registration
     * @param op {@code RNRSERVICE_*}
     * @param flags 0 or {@code SERVICE_MULTIPLE}
     * @throws WsaException the first refusal when none accepted
     */
    public void setService(QuerySet q, int op, int flags) throws WsaException {
        if (q == null || q.instanceName() == null || q.serviceClassId() == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSASetService needs an instance name and a service class");
        }
        if (op < LookupFlags.RNRSERVICE_REGISTER || op > LookupFlags.RNRSERVICE_DELETE) {
            throw new WsaException(WsaError.WSAEINVAL, "WSASetService takes RNRSERVICE_REGISTER, _DEREGISTER or _DELETE,"
                    + " not " + op);
        }
        forEachProvider(q, "WSASetService", i -> {
            NspService s = i.service;
            if (!s.isV2()) {
                services.calls().call(s, "NSPSetService", () -> {
                    i.v1.setService(null, q, op, flags);
                    return null;
                });
                return;
            }
            AsyncCallImpl<Void> call = new AsyncCallImpl<>();
            services.calls().call(s, "NSPv2SetServiceEx", () -> {
                i.v2().setServiceEx(call, s.id(), q, op, flags, i.session);
                return null;
            });
            services.calls().await(s, "NSPv2SetServiceEx", call.outcome);
        });
        services.cache().clear();
    }

    /** An operation on one started provider. */
    @FunctionalInterface
    private interface OnProvider {
        void apply(NspInstance i) throws WsaException;
    }

    /** Applies an operation to every provider the query set names; fails only if none accepted it. */
    private void forEachProvider(QuerySet q, String function, OnProvider op) throws WsaException {
        WsaException first = null;
        boolean done = false;
        for (NamespaceInfo n : targets(q)) {
            NspService s = services.registry().current().get(n.providerId());
            try {
                if (s == null) {
                    throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "namespace provider '" + n.identifier()
                            + "' has no registered service");
                }
                op.apply(instance(s));
                done = true;
            } catch (WsaException e) {
                first = first != null && e.error() == WsaError.WSAEOPNOTSUPP ? first : e;
            }
        }
        if (!done) {
            throw first != null ? first : new WsaException(WsaError.WSASERVICE_NOT_FOUND, function + ": no provider");
        }
    }

    /**
     * {@code WSAInstallServiceClass}: every active NSP v1 provider that keeps classes.
     *
     * @param info the class
     * @throws WsaException the refusal when none accepted
     */
    public void installServiceClass(ServiceClassInfo info) throws WsaException {
        if (info == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSAInstallServiceClass needs a class");
        }
        forEachProvider(allV1(), "WSAInstallServiceClass", i -> services.calls().call(i.service, "NSPInstallServiceClass",
                () -> {
                    v1(i).installServiceClass(info);
                    return null;
                }));
    }

    /**
     * {@code WSARemoveServiceClass}.
     *
     * @param classId the class
     * @throws WsaException {@code WSATYPE_NOT_FOUND} when no provider has it
     */
    public void removeServiceClass(UUID classId) throws WsaException {
        forEachProvider(allV1(), "WSARemoveServiceClass", i -> services.calls().call(i.service, "NSPRemoveServiceClass",
                () -> {
                    v1(i).removeServiceClass(classId);
                    return null;
                }));
    }

    /**
     * {@code WSAGetServiceClassInfo}.
     *
     * @param providerId the provider to ask
     * @param classId the class
     * @return the class
     * @throws WsaException the provider's refusal
     */
    public ServiceClassInfo getServiceClassInfo(UUID providerId, UUID classId) throws WsaException {
        ServiceClassInfo[] out = new ServiceClassInfo[1];
        forEachProvider(QuerySet.builder().nsProviderId(providerId).build(), "WSAGetServiceClassInfo",
                i -> out[0] = services.calls().call(i.service, "NSPGetServiceClassInfo", () -> v1(i).getServiceClassInfo(classId)));
        return out[0];
    }

    private static QuerySet allV1() {
        return QuerySet.builder().nameSpace(NameSpaces.NS_ALL).build();
    }

    private static NspDispatch v1(NspInstance i) throws WsaException {
        if (i.v1 == null) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "NSPv2 provider " + i.service.describe()
                    + " keeps no service classes");
        }
        return i.v1;
    }

    /**
     * {@code GetAddrInfoW}.
     *
     * @param node a host name or numeric address
     * @param service a port number
     * @param family {@code AF_UNSPEC}, {@code AF_INET} or {@code AF_INET6}
     * @param socketType 0, {@code SOCK_STREAM} or {@code SOCK_DGRAM}
     * @return the addresses
     * @throws WsaException see {@code Winsock.getAddrInfo}
     */
    public List<AddrInfo> getAddrInfo(String node, String service, int family, int socketType) throws WsaException {
        ResultCache.AddrKey key = new ResultCache.AddrKey(view, node, service, family, socketType);
        List<AddrInfo> cached = services.cache().addresses(key, System.nanoTime());
        if (cached != null) {
            return cached;
        }
        List<AddrInfo> resolved = AddressResolver.resolve(this, node, service, family, socketType);
        services.cache().addresses(key, resolved, System.nanoTime());
        return resolved;
    }

    /**
     * A provider service went away: its instance in this context is retired; lookups on it end
     * with {@code WSA_E_CANCELLED}.
     *
     * @param gone the service
     */
    public void providerGone(NspService gone) {
        NspInstance i = instances.get(gone.id());
        if (i != null && i.service == gone && instances.remove(gone.id(), i)) {
            i.retire(services.calls(), false);
        }
    }

    /**
     * Ends every lookup and provider of the context.
     *
     * @param rundown true when the client went away without {@code WSACleanup}: NSPv2 providers
     *        get {@code NSPv2ClientSessionRundown} instead of {@code NSPv2Cleanup}
     */
    public void close(boolean rundown) {
        for (Lookup l : List.copyOf(lookups)) {
            if (lookups.remove(l)) {
                services.handles().release(l);
                l.end(services.calls());
            }
        }
        for (NspInstance i : List.copyOf(instances.values())) {
            instances.remove(i.service.id(), i);
            i.retire(services.calls(), rundown);
        }
    }
}
