package ws2.core.context;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.core.catalog.CatalogKeys;
import ws2.core.catalog.CatalogStore;
import ws2.core.namespace.NameServices;
import ws2.core.namespace.NspService;
import ws2.core.provider.ProviderService;
import ws2.core.route.RouteTable;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.HandleTable;
import ws2.spi.upcall.Upcall;

/**
 * The live client contexts, and what each needs from the rest of the core: the published route
 * table, the handle table, the upcall table of each provider bundle and the application categories.
 */
public final class ContextRegistry {
    private final Supplier<RouteTable> routes;
    private final HandleTable handles;
    private final Function<Bundle, Upcall> upcalls;
    private final CatalogStore catalog;
    private final SocketEvents events;
    private final NameServices names;
    private volatile long drainTimeoutMillis;
    private ScheduledExecutorService drainer;
    private final AtomicInteger nextProcessId = new AtomicInteger(1);
    private final Map<Integer, ClientContext> contexts = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param routes the published route table
     * @param handles the handle table
     * @param upcalls the upcall table of a provider bundle
     * @param catalog the catalog, for application categories
     * @param events where socket changes are reported
     * @param names what name resolution shares
     */
    public ContextRegistry(Supplier<RouteTable> routes, HandleTable handles, Function<Bundle, Upcall> upcalls,
            CatalogStore catalog, SocketEvents events, NameServices names) {
        this.routes = Objects.requireNonNull(routes, "routes");
        this.handles = Objects.requireNonNull(handles, "handles");
        this.upcalls = Objects.requireNonNull(upcalls, "upcalls");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.events = Objects.requireNonNull(events, "events");
        this.names = Objects.requireNonNull(names, "names");
    }

    /**
     * Opens a client context.
     *
     * @param name its name (a bundle symbolic name, or given by the caller)
     * @param view the catalog it uses
     * @return the context, not yet started
     */
    public ClientContext open(String name, CatalogView view) {
        ClientContext c = new ClientContext(this, nextProcessId.getAndIncrement(), name, view);
        contexts.put(c.processId(), c);
        return c;
    }

    /**
     * Lists the live contexts.
     *
     * @return the contexts by process ID
     */
    public List<ClientContext> contexts() {
        List<ClientContext> out = new ArrayList<>(contexts.values());
        out.sort(Comparator.comparingInt(ClientContext::processId));
        return out;
    }

    /**
     * A provider service went away: every context retires its instance of it.
     *
     * @param gone the service
     */
    public void providerGone(ProviderService gone) {
        long timeout = drainTimeoutMillis;
        for (ClientContext c : contexts.values()) {
            ProviderInstance retired = c.providerGone(gone);
            if (retired != null && timeout > 0) {
                drainer().schedule(() -> c.drain(retired, timeout), timeout, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Sets the drain timeout: how long sockets may stay on a provider version that was replaced
     * or stopped before they are closed with {@code WSAECONNABORTED}.
     *
     * @param millis the timeout; 0 lets them run until their clients close them
     */
    public void drainTimeout(long millis) {
        drainTimeoutMillis = Math.max(0, millis);
    }

    private synchronized ScheduledExecutorService drainer() {
        if (drainer == null) {
            drainer = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "ws2-drain");
                t.setDaemon(true);
                return t;
            });
        }
        return drainer;
    }

    /**
     * A namespace provider service went away: every context retires its instance of it.
     *
     * @param gone the service
     */
    public void nspGone(NspService gone) {
        for (ClientContext c : contexts.values()) {
            c.names().providerGone(gone);
        }
    }

    /** The provider configuration changed: every context's {@code WSAProviderConfigChange} events are signalled. */
    public void configChanged() {
        for (ClientContext c : contexts.values()) {
            c.configChanged();
        }
    }

    /** Ends every context, as when the core stops. */
    public void closeAll() {
        synchronized (this) {
            if (drainer != null) {
                drainer.shutdownNow();
                drainer = null;
            }
        }
        for (ClientContext c : contexts()) {
            c.close();
        }
    }

    /**
     * {@code ws2:explain}: how socket creation would choose an entry for a client.
     *
     * @param view the catalog view
     * @param af address family
     * @param type socket type
     * @param protocol protocol
     * @param client the client's name (application identity), or null for an uncategorized client
     * @return the explanation, one line per entry considered
     */
    public List<String> explain(CatalogView view, int af, int type, int protocol, String client) {
        return routes().explain(view, af, type, protocol, client == null ? null : applicationCategories(client));
    }

    /**
     * Counts the sockets open through a provider: client sockets whose path (the socket and the
     * lower sockets under it) runs on an instance of that provider.
     *
     * @param providerId the provider GUID
     * @return the count
     */
    public int openSockets(UUID providerId) {
        int n = 0;
        for (ClientContext c : contexts.values()) {
            for (CoreSocket s : c.sockets()) {
                for (CoreSocket x = s; x != null; x = x.below()) {
                    CoreSocket.Adoption a = x.adoption();
                    if (a != null && a.lease() instanceof ProviderInstance
                            && ((ProviderInstance) a.lease()).service().id().equals(providerId)) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }

    /**
     * {@code ws2:trace}: the providers a socket runs through, top first, each with its bundle and
     * the version that made the socket.
     *
     * @param value a socket handle value
     * @return one line per provider
     * @throws WsaException {@code WSAENOTSOCK} if no open socket has the value
     */
    public List<String> trace(long value) throws WsaException {
        HandleTable.Handle h = handles.lookup(value);
        CoreSocket.Adoption top = h instanceof CoreSocket ? ((CoreSocket) h).top().adoption() : null;
        if (top == null || top == CoreSocket.CLOSED || !(top.owner() instanceof ClientContext)) {
            throw new WsaException(WsaError.WSAENOTSOCK, "no open client socket has handle " + value);
        }
        List<String> out = new ArrayList<>();
        out.add("socket " + ((CoreSocket) h).top().value() + " of client context '" + ((ClientContext) top.owner()).name()
                + "' on entry " + top.entry().catalogEntryId() + " '" + top.entry().protocolName() + "'");
        int depth = 1;
        for (CoreSocket s = ((CoreSocket) h).top(); s != null; s = s.below()) {
            CoreSocket.Adoption a = s.adoption();
            ProviderService p = ((ProviderInstance) a.lease()).service();
            out.add(String.format("  %d. %-28s %-16s handle %-9d %s", depth++, p.bundle().getSymbolicName(), p.version(),
                    s.value(), s.below() == null ? "base, entry " + a.entry().catalogEntryId() : "layer " + p.id()));
        }
        return out;
    }

    void closed(ClientContext c) {
        contexts.remove(c.processId(), c);
    }

    ClientContext context(int processId) {
        return contexts.get(processId);
    }

    RouteTable routes() {
        return routes.get();
    }

    HandleTable handles() {
        return handles;
    }

    Upcall upcallsFor(Bundle bundle) {
        return upcalls.apply(bundle);
    }

    NameServices names() {
        return names;
    }

    SocketEvents events() {
        return events;
    }

    Integer applicationCategories(String name) {
        return catalog.data().appCategories().get(CatalogKeys.appKey(name, ""));
    }
}
