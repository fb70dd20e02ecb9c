package ws2.core.context;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.AcceptCondition;
import ws2.api.AddrInfo;
import ws2.api.Completion;
import ws2.api.CompletionPort;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IoctlCodes;
import ws2.api.LookupHandle;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.Qos;
import ws2.api.QuerySet;
import ws2.api.Received;
import ws2.api.ServiceClassInfo;
import ws2.api.SockAddr;
import ws2.api.ShutdownHow;
import ws2.api.SockOpt;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.Winsock;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.core.namespace.NameResolution;
import ws2.core.provider.ProviderService;
import ws2.core.route.Route;
import ws2.core.route.RouteTable;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.CoreSocket.Adoption;
import ws2.core.socket.HandleTable;
import ws2.core.upcall.EventObject;
import ws2.core.upcall.ThreadState;
import ws2.core.upcall.Waits;
import ws2.spi.layer.LayeredTransportProvider;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * One client context: the Windows Sockets client API ({@link Winsock}) for one bundle or one
 * explicitly opened context, the Java counterpart of a process using {@code ws2_32.dll}.
 *
 * <h2>Data path</h2>
 * A socket call checks ownership and finds the top provider's dispatch with one volatile read of
 * the socket's adoption ({@link #own}), then makes one interface call: no lock, lookup, log call or
 * allocation. A runtime exception thrown by a provider reaches the caller as a
 * {@code WSAENETDOWN} naming the provider.
 *
 * <h2>Control path</h2>
 * Socket creation selects a catalog entry from the published {@link RouteTable}, starts the
 * provider once for this context ({@code WSPStartup}, never under a core lock) and adopts the handle
 * the provider returns.
 */
public final class ClientContext implements Winsock {
    private static final Logger LOG = LoggerFactory.getLogger(ClientContext.class);
    private static final String DESCRIPTION = "ws2 Windows Sockets 2.2 for the JVM";

    private final ContextRegistry registry;
    private final int processId;
    private final String name;
    private final CatalogView view;
    private final ConcurrentHashMap<UUID, ProviderInstance> instances = new ConcurrentHashMap<>();
    private final Set<CoreSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<EventObject> configChange = ConcurrentHashMap.newKeySet();
    private final Set<HandleTable.Handle> owned = ConcurrentHashMap.newKeySet();
    private final Set<LayerLink> links = ConcurrentHashMap.newKeySet();
    private final AsyncIo async = new AsyncIo(this);
    private final NameResolution names;
    private final Object lifecycle = new Object();
    private int startups;
    private volatile boolean started;
    private volatile Integer appCategories;

    ClientContext(ContextRegistry registry, int processId, String name, CatalogView view) {
        this.registry = registry;
        this.processId = processId;
        this.name = name;
        this.view = view;
        this.names = new NameResolution(registry.names(), view, name);
    }

    NameResolution names() {
        return names;
    }

    @Override
    public int processId() {
        return processId;
    }

    @Override
    public String name() {
        return name;
    }

    ContextRegistry registry() {
        return registry;
    }

    CatalogView catalogView() {
        return view;
    }

    Integer appCategories() {
        return appCategories;
    }

    /**
     * Returns the open sockets of this context.
     *
     * @return a snapshot
     */
    public List<CoreSocket> sockets() {
        return List.copyOf(sockets);
    }

    // ---- lifecycle --------------------------------------------------------------------------

    @Override
    public WsaData startup(int versionRequested) throws WsaException {
        int major = WsaData.major(versionRequested);
        int minor = WsaData.minor(versionRequested);
        if (major < 1) {
            throw new WsaException(WsaError.WSAVERNOTSUPPORTED, "Windows Sockets version "
                    + WsaData.format(versionRequested) + " is not supported; ws2 supports 1.0 to 2.2");
        }
        int version = major > 2 || major == 2 && minor >= 2 ? VERSION_2_2 : versionRequested;
        synchronized (lifecycle) {
            if (startups++ == 0) {
                appCategories = registry.applicationCategories(name);
                started = true;
            }
        }
        return new WsaData(version, VERSION_2_2, DESCRIPTION, "Running");
    }

    @Override
    public void cleanup() throws WsaException {
        synchronized (lifecycle) {
            if (startups == 0) {
                throw notInitialised();
            }
            if (--startups > 0) {
                return;
            }
            started = false;
        }
        release(false);
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            startups = 0;
            started = false;
        }
        release(true);
        registry.closed(this);
    }

    /**
     * Closes every socket abortively, ends every lookup and retires every provider instance.
     *
     * @param wentAway true when the client ended without {@code WSACleanup} (NSPv2 providers get a
     *        session rundown)
     */
    private void release(boolean wentAway) {
        names.close(wentAway);
        for (CoreSocket s : sockets) {
            Adoption a = s.adoption();
            if (a != null && a.owner() == this && s.disown(a)) {
                try {
                    a.dispatch().closeSocket(s);
                } catch (WsaException | RuntimeException e) {
                    LOG.debug("Closing {} of client context {} during cleanup: {}", s, name, e.toString());
                }
                finishClose(s, a);
            }
        }
        for (LayerLink link : links) {
            link.closeAll();
        }
        links.clear();
        for (ProviderInstance i : List.copyOf(instances.values())) {
            instances.remove(i.service().id(), i);
            i.retire();
        }
        for (HandleTable.Handle h : owned) {
            if (free(h)) {
                AsyncIo.closeOwned(h);
            }
        }
    }

    /**
     * Allocates an event, window or port of this context; they are closed with it.
     *
     * @param <H> the handle type
     * @param factory makes the object for a handle value
     * @param what what it is, for messages
     * @return the new object
     * @throws WsaException {@code WSA_NOT_ENOUGH_MEMORY} when the handle table is full
     */
    <H extends HandleTable.Handle> H allocate(LongFunction<H> factory, String what) throws WsaException {
        requireStarted();
        H h;
        try {
            h = registry.handles().allocate(factory, what);
        } catch (WsaException e) {
            throw new WsaException(WsaError.WSA_NOT_ENOUGH_MEMORY, e.getMessage(), e);
        }
        owned.add(h);
        return h;
    }

    /**
     * Releases an object of {@link #allocate}.
     *
     * @param h the object
     * @return false if it was already released
     */
    boolean free(HandleTable.Handle h) {
        owned.remove(h);
        return registry.handles().release(h);
    }

    /**
     * Retires the instance of a provider service that went away; its open sockets keep it until
     * they close.
     *
     * @param gone the service
     */
    /**
     * Retires this context's instance of a provider service that went away.
     *
     * @return the retired instance, or null if the context had none
     */
    ProviderInstance providerGone(ProviderService gone) {
        ProviderInstance i = instances.get(gone.id());
        if (i != null && i.service() == gone && instances.remove(gone.id(), i)) {
            i.retire();
            return i;
        }
        return null;
    }

    /**
     * The drain timeout of a retired instance expired: its remaining sockets are closed underneath
     * their clients, whose later calls fail with {@code WSAECONNABORTED}; lower sockets of layers
     * are closed too, and the instance's {@code WSPCleanup} runs.
     */
    void drain(ProviderInstance retired, long timeoutMillis) {
        String why = "socket closed: the provider version that opened it (" + retired.service().describe()
                + ") was replaced and the drain timeout of " + timeoutMillis + " ms expired";
        for (CoreSocket s : sockets) {
            Adoption a = s.adoption();
            if (a != null && a.lease() == retired && s.replace(a, Drained.adoption(a, why))) {
                try {
                    a.dispatch().closeSocket(s);
                } catch (WsaException | RuntimeException e) {
                    LOG.debug("Draining {} of client context {}: {}", s, name, e.toString());
                }
                a.lease().released(s);
                LOG.warn("WSAECONNABORTED (10053): {} of client context {}: {}", s, name, why);
            }
        }
        for (LayerLink link : links) {
            link.drain(retired);
        }
    }

    void requireStarted() throws WsaException {
        if (!started) {
            throw notInitialised();
        }
    }

    private WsaException notInitialised() {
        return new WsaException(WsaError.WSANOTINITIALISED, "client context '" + name + "' has not called WSAStartup");
    }

    // ---- catalog ----------------------------------------------------------------------------

    @Override
    public List<ProtocolInfo> enumProtocols(int... protocols) throws WsaException {
        requireStarted();
        List<ProtocolInfo> out = new ArrayList<>();
        for (Route r : registry.routes().routes(view)) {
            ProtocolInfo i = r.info();
            if (i.protocolChain().isLayered() || i.hasProviderFlags(ProviderFlags.PFL_HIDDEN)) {
                continue;
            }
            if (protocols.length == 0 || IntStream.of(protocols).anyMatch(p -> p == i.protocol())) {
                out.add(i);
            }
        }
        return out;
    }

    // ---- socket creation --------------------------------------------------------------------

    @Override
    public SocketHandle socket(int af, int type, int protocol) throws WsaException {
        return socket(af, type, protocol, null, SocketFlags.SG_NONE, SocketFlags.WSA_FLAG_OVERLAPPED);
    }

    @Override
    public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
            throws WsaException {
        requireStarted();
        RouteTable routes = registry.routes();
        Route route;
        if (info != null) {
            route = routes.byId(view, info.catalogEntryId()).orElseThrow(() -> new WsaException(
                    WsaError.WSAEINVALIDPROVIDER, "catalog entry " + info.catalogEntryId() + " ('" + info.protocolName()
                            + "') is not in the " + view.name().toLowerCase() + " catalog"));
        } else if (af == ProtocolInfo.FROM_PROTOCOL_INFO || type == ProtocolInfo.FROM_PROTOCOL_INFO
                || protocol == ProtocolInfo.FROM_PROTOCOL_INFO) {
            throw new WsaException(WsaError.WSAEINVAL, "FROM_PROTOCOL_INFO needs a protocol info");
        } else {
            route = routes.select(view, af, type, protocol);
        }
        Top top = top(route);
        ProviderInstance instance = instanceFor(top.service(), top.info());
        SocketHandle h;
        try {
            h = instance.dispatch().socket(af, type, protocol, withToken(top.info(), info), group, flags);
        } catch (WsaException e) {
            instance.release();
            throw e;
        } catch (RuntimeException e) {
            instance.release();
            throw fault(instance.service(), "WSPSocket", e);
        }
        return adopt(h, instance, route.info(), "WSPSocket");
    }

    /**
     * The provider a socket on an entry starts with, and the protocol info it gets.
     *
     * @param service the top provider of the client's path through the entry
     * @param info the chain entry for a layer, the base entry for a base provider
     */
    record Top(ProviderService service, ProtocolInfo info) {
    }

    /**
     * Finds where a socket of this client on an entry starts: the first member of its path (layers
     * the client's categories do not load and absent fail-open layers left out). A layer gets the
     * chain's entry, a base provider its own (Windows' rule for the bottom of a chain).
     */
    Top top(Route route) throws WsaException {
        Route.Member first = route.path(appCategories).get(0);
        return new Top(first.service(), first.layered() ? route.info() : first.entry().info());
    }

    /**
     * The protocol info {@code WSPSocket} gets: the entry, carrying the caller's
     * {@code dwProviderReserved} when it is set (the token of a {@code WSPDuplicateSocket} info).
     */
    static ProtocolInfo withToken(ProtocolInfo entry, ProtocolInfo given) {
        return given == null || given.providerReserved() == 0 ? entry
                : entry.toBuilder().providerReserved(given.providerReserved()).build();
    }

    /**
     * Returns the started instance of a provider for this context, holding a lease for the socket
     * about to be created; starts the provider if needed.
     */
    ProviderInstance instanceFor(ProviderService service, ProtocolInfo info) throws WsaException {
        while (true) {
            ProviderInstance current = instances.get(service.id());
            if (current == null || current.service() != service || current.isRetired()) {
                current = start(service, info);
            }
            current.acquire();
            if (!current.isRetired()) {
                return current;
            }
            current.release();
        }
    }

    private ProviderInstance start(ProviderService service, ProtocolInfo info) throws WsaException {
        WspDispatch dispatch;
        try {
            Upcall upcall = registry.upcallsFor(service.bundle());
            if (!info.protocolChain().isChain()) {
                dispatch = service.provider().startup(TransportProvider.SPI_VERSION, info, upcall);
            } else if (service.provider() instanceof LayeredTransportProvider) {
                LayerLink link = new LayerLink(this, service);
                links.add(link);
                dispatch = ((LayeredTransportProvider) service.provider()).startup(TransportProvider.SPI_VERSION, info,
                        upcall, link);
            } else {
                throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "provider " + service.describe()
                        + " is a layer of chain entry " + info.catalogEntryId() + " but does not implement "
                        + LayeredTransportProvider.class.getName());
            }
        } catch (WsaException e) {
            throw new WsaException(WsaError.WSAEPROVIDERFAILEDINIT, "WSPStartup of provider " + service.describe()
                    + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw fault(service, "WSPStartup", e);
        }
        if (dispatch == null || dispatch.data() == null) {
            throw new WsaException(WsaError.WSAEINVALIDPROCTABLE, "WSPStartup of provider " + service.describe()
                    + " returned no dispatch table");
        }
        if (dispatch.data().version() != TransportProvider.SPI_VERSION) {
            cleanupQuietly(service, dispatch);
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "provider " + service.describe()
                    + " negotiated SPI version " + WsaData.format(dispatch.data().version()) + ", not 2.2");
        }
        ProviderInstance fresh = new ProviderInstance(service, dispatch, name);
        ProviderInstance[] replaced = new ProviderInstance[1];
        ProviderInstance winner = instances.compute(service.id(), (id, cur) -> {
            if (cur != null && cur.service() == service && !cur.isRetired()) {
                return cur;
            }
            replaced[0] = cur;
            return fresh;
        });
        // Retire outside the map's lock: retiring may call the provider's WSPCleanup.
        if (winner != fresh) {
            fresh.retire();
        } else if (replaced[0] != null) {
            replaced[0].retire();
        }
        return winner;
    }

    private void cleanupQuietly(ProviderService service, WspDispatch dispatch) {
        try {
            dispatch.cleanup();
        } catch (WsaException | RuntimeException e) {
            LOG.warn("WSPCleanup of {} failed: {}", service.describe(), e.toString());
        }
    }

    /** Makes a provider-issued handle this context's socket, or refuses a handle the core did not issue. */
    private CoreSocket adopt(SocketHandle h, ProviderInstance instance, ProtocolInfo entry, String function)
            throws WsaException {
        if (!(h instanceof CoreSocket) || ((CoreSocket) h).isReleased()) {
            instance.release();
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, function + " of provider " + instance.service().describe()
                    + " returned " + h + ", not a handle from WPUModifyIFSHandle or WPUCreateSocketHandle");
        }
        CoreSocket s = (CoreSocket) h;
        if (!s.adopt(new Adoption(this, instance.dispatch(), entry, instance))) {
            instance.release();
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, function + " of provider " + instance.service().describe()
                    + " returned socket " + s.value() + ", which already belongs to a client");
        }
        sockets.add(s);
        registry.events().created(s);
        return s;
    }

    @Override
    public SocketHandle handle(long value) throws WsaException {
        requireStarted();
        HandleTable.Handle h = registry.handles().lookup(value);
        if (h instanceof CoreSocket && ((CoreSocket) h).adoption() != null && ((CoreSocket) h).adoption().owner() == this) {
            return (CoreSocket) h;
        }
        throw new WsaException(WsaError.WSAENOTSOCK, "no open socket of client context '" + name + "' has handle " + value);
    }

    // ---- ownership --------------------------------------------------------------------------

    /**
     * The data-path check: the socket is open and belongs to this context.
     *
     * @param s a handle from the caller
     * @return its adoption, holding the top dispatch
     * @throws WsaException {@code WSAENOTSOCK} (or {@code WSANOTINITIALISED} after cleanup)
     */
    Adoption own(SocketHandle s) throws WsaException {
        if (s instanceof CoreSocket) {
            Adoption a = ((CoreSocket) s).adoption();
            if (a != null && a.owner() == this) {
                return a;
            }
        }
        throw notSocket(s);
    }

    private WsaException notSocket(SocketHandle s) {
        if (!started) {
            return notInitialised();
        }
        if (!(s instanceof CoreSocket)) {
            return new WsaException(WsaError.WSAENOTSOCK, s == null ? "the socket handle is null"
                    : s + " is not a socket handle issued by ws2");
        }
        Adoption a = ((CoreSocket) s).adoption();
        String why = a == CoreSocket.CLOSED ? "is closed" : "belongs to another client context";
        return new WsaException(WsaError.WSAENOTSOCK, "socket " + s.value() + " " + why);
    }

    static WsaException fault(ProviderService service, String function, RuntimeException e) {
        return new WsaException(WsaError.WSAENETDOWN, function + " of provider " + service.describe() + " failed: " + e, e);
    }

    static WsaException fault(Adoption a, String function, RuntimeException e) {
        return fault(((ProviderInstance) a.lease()).service(), function, e);
    }

    // ---- connection setup -------------------------------------------------------------------

    @Override
    public void bind(SocketHandle s, SockAddr name) throws WsaException {
        Adoption a = own(s);
        try {
            a.dispatch().bind(s, name);
        } catch (RuntimeException e) {
            throw fault(a, "WSPBind", e);
        }
    }

    @Override
    public void listen(SocketHandle s, int backlog) throws WsaException {
        Adoption a = own(s);
        try {
            a.dispatch().listen(s, backlog);
        } catch (RuntimeException e) {
            throw fault(a, "WSPListen", e);
        }
    }

    @Override
    public SocketHandle accept(SocketHandle s) throws WsaException {
        return accept(s, null);
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        Adoption a = own(s);
        ProviderInstance instance = (ProviderInstance) a.lease();
        instance.acquire();
        SocketHandle h;
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            h = a.dispatch().accept(s, condition);
        } catch (WsaException e) {
            instance.release();
            throw e;
        } catch (RuntimeException e) {
            instance.release();
            throw fault(a, "WSPAccept", e);
        } finally {
            blocking.exitBlocking();
        }
        CoreSocket accepted = adopt(h, instance, a.entry(), "WSPAccept");
        connection(accepted, CoreSocket.CONNECTED);
        return accepted;
    }

    /** Records a connection change and reports it. */
    void connection(SocketHandle s, int state) {
        CoreSocket cs = (CoreSocket) s;
        if (cs.connection(state)) {
            registry.events().connectionChanged(cs);
        }
    }

    @Override
    public void connect(SocketHandle s, SockAddr name) throws WsaException {
        connect(s, name, null);
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        Adoption a = own(s);
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            a.dispatch().connect(s, name, data);
        } catch (RuntimeException e) {
            throw fault(a, "WSPConnect", e);
        } finally {
            blocking.exitBlocking();
        }
        connection(s, CoreSocket.CONNECTED);
    }

    // ---- data path --------------------------------------------------------------------------

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        Adoption a = own(s);
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            return a.dispatch().send(s, buffer, flags);
        } catch (RuntimeException e) {
            throw fault(a, "WSPSend", e);
        } finally {
            blocking.exitBlocking();
        }
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags) throws WsaException {
        Adoption a = own(s);
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            return a.dispatch().send(s, buffers, flags, null, null, null);
        } catch (RuntimeException e) {
            throw fault(a, "WSPSend", e);
        } finally {
            blocking.exitBlocking();
        }
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        Adoption a = own(s);
        int n;
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            n = a.dispatch().recv(s, buffer, flags);
        } catch (RuntimeException e) {
            throw fault(a, "WSPRecv", e);
        } finally {
            blocking.exitBlocking();
        }
        if (n == 0 && buffer.hasRemaining()) {
            connection(s, CoreSocket.CONNECTION_CLOSED);
        }
        return n;
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags) throws WsaException {
        Adoption a = own(s);
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            return a.dispatch().recv(s, buffers, flags, null, null, null);
        } catch (RuntimeException e) {
            throw fault(a, "WSPRecv", e);
        } finally {
            blocking.exitBlocking();
        }
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer buffer, int flags, SockAddr to) throws WsaException {
        Adoption a = own(s);
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            return a.dispatch().sendTo(s, new ByteBuffer[] {buffer}, flags, to, null, null, null);
        } catch (RuntimeException e) {
            throw fault(a, "WSPSendTo", e);
        } finally {
            blocking.exitBlocking();
        }
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        Adoption a = own(s);
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(a.dispatch());
        try {
            return a.dispatch().recvFrom(s, new ByteBuffer[] {buffer}, flags, null, null, null);
        } catch (RuntimeException e) {
            throw fault(a, "WSPRecvFrom", e);
        } finally {
            blocking.exitBlocking();
        }
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        Adoption a = own(s);
        try {
            a.dispatch().shutdown(s, how);
        } catch (RuntimeException e) {
            throw fault(a, "WSPShutdown", e);
        }
        if (how != ShutdownHow.SD_RECEIVE) {
            connection(s, CoreSocket.CONNECTION_CLOSED);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>A lingering close of a non-blocking socket that fails with {@code WSAEWOULDBLOCK} leaves
     * the handle open, as on Windows; any other outcome releases it.
     */
    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        Adoption a = own(s);
        WsaException failure = providerClose(a, s);
        CoreSocket cs = (CoreSocket) s;
        if (!cs.disown(a)) {
            throw notSocket(s);
        }
        finishClose(cs, a);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * {@code WSPCloseSocket} on the provider that owns a socket.
     *
     * @return the provider's failure, to report once the handle is released, or null
     * @throws WsaException {@code WSAEWOULDBLOCK} from a lingering non-blocking close: the handle stays
     */
    static WsaException providerClose(Adoption a, SocketHandle s) throws WsaException {
        try {
            a.dispatch().closeSocket(s);
            return null;
        } catch (WsaException e) {
            if (e.error() == WsaError.WSAEWOULDBLOCK) {
                throw e;
            }
            return e;
        } catch (RuntimeException e) {
            return fault(a, "WSPCloseSocket", e);
        }
    }

    /**
     * After the provider closed a socket: an IFS handle leaves the handle table here; a non-IFS
     * provider should have released its handle with {@code WPUCloseSocketHandle}, and is told off if
     * it did not.
     */
    private void finishClose(CoreSocket s, Adoption a) {
        released(s, a);
        sockets.remove(s);
        registry.events().destroyed(s);
    }

    /** Frees a closed socket's handle (IFS, or non-IFS the provider forgot) and its provider lease. */
    void released(CoreSocket s, Adoption a) {
        if (registry.handles().release(s) && s.ifsHandle() == null) {
            LOG.warn("Provider {} did not call WPUCloseSocketHandle for {}; the core released it",
                    ((ProviderInstance) a.lease()).service().describe(), s);
        }
        a.lease().released(s);
    }

    // ---- options and control ----------------------------------------------------------------

    @Override
    public <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException {
        Adoption a = own(s);
        try {
            return a.dispatch().getSockOpt(s, option);
        } catch (RuntimeException e) {
            throw fault(a, "WSPGetSockOpt", e);
        }
    }

    @Override
    public <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException {
        Adoption a = own(s);
        try {
            a.dispatch().setSockOpt(s, option, value);
        } catch (RuntimeException e) {
            throw fault(a, "WSPSetSockOpt", e);
        }
    }

    @Override
    public int ioctlSocket(SocketHandle s, int command, int argument) throws WsaException {
        if (command != IoctlCodes.FIONBIO && command != IoctlCodes.FIONREAD && command != IoctlCodes.SIOCATMARK) {
            own(s);
            throw new WsaException(WsaError.WSAEINVAL, "ioctlsocket takes FIONBIO, FIONREAD or SIOCATMARK, not 0x"
                    + Integer.toHexString(command));
        }
        ByteBuffer in = ByteBuffer.allocate(4).putInt(0, argument);
        ByteBuffer out = ByteBuffer.allocate(4);
        int n = ioctl(s, command, command == IoctlCodes.FIONBIO ? in : null, command == IoctlCodes.FIONBIO ? null : out);
        return n >= 4 ? out.getInt(0) : 0;
    }

    @Override
    public int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out) throws WsaException {
        Adoption a = own(s);
        try {
            return a.dispatch().ioctl(s, code, in, out, null, null, null);
        } catch (RuntimeException e) {
            throw fault(a, "WSPIoctl", e);
        }
    }

    @Override
    public SockAddr getPeerName(SocketHandle s) throws WsaException {
        Adoption a = own(s);
        try {
            return a.dispatch().getPeerName(s);
        } catch (RuntimeException e) {
            throw fault(a, "WSPGetPeerName", e);
        }
    }

    @Override
    public SockAddr getSockName(SocketHandle s) throws WsaException {
        Adoption a = own(s);
        try {
            return a.dispatch().getSockName(s);
        } catch (RuntimeException e) {
            throw fault(a, "WSPGetSockName", e);
        }
    }

    // ---- address conversion -----------------------------------------------------------------

    @Override
    public String addressToString(SockAddr address, ProtocolInfo info) throws WsaException {
        return translate(address.family(), info, "WSPAddressToString", (d, entry) -> d.addressToString(address, entry));
    }

    @Override
    public SockAddr stringToAddress(String address, int family, ProtocolInfo info) throws WsaException {
        return translate(family, info, "WSPStringToAddress", (d, entry) -> d.stringToAddress(address, family, entry));
    }

    /** An address translation by a provider. */
    @FunctionalInterface
    private interface Translation<T> {
        T apply(WspDispatch dispatch, ProtocolInfo entry) throws WsaException;
    }

    /** Runs a translation on the provider of the given entry, or of the first entry of the family. */
    private <T> T translate(int family, ProtocolInfo info, String function, Translation<T> translation)
            throws WsaException {
        requireStarted();
        Top top = top(translator(family, info));
        ProviderInstance instance = instanceFor(top.service(), top.info());
        try {
            return translation.apply(instance.dispatch(), top.info());
        } catch (RuntimeException e) {
            throw fault(instance.service(), function, e);
        } finally {
            instance.release();
        }
    }

    /** The entry whose provider translates addresses: the one given, or the first of the family. */
    private Route translator(int family, ProtocolInfo info) throws WsaException {
        RouteTable routes = registry.routes();
        if (info == null) {
            return routes.firstOfFamily(view, family);
        }
        Route r = routes.byId(view, info.catalogEntryId()).orElseThrow(() -> new WsaException(WsaError.WSAEINVAL,
                "catalog entry " + info.catalogEntryId() + " is not installed"));
        if (!r.usable()) {
            throw new WsaException(WsaError.WSAEINVAL, "catalog entry " + info.catalogEntryId() + " cannot be used: "
                    + r.problem());
        }
        return r;
    }

    // ---- select -----------------------------------------------------------------------------

    @Override
    public int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        requireStarted();
        Adoption first = null;
        SocketHandle firstSocket = null;
        for (FdSet set : new FdSet[] {read, write, except}) {
            for (int i = 0; set != null && i < set.count(); i++) {
                Adoption a = own(set.get(i));
                if (first == null) {
                    first = a;
                    firstSocket = set.get(i);
                } else if (a.dispatch() != first.dispatch()) {
                    throw new WsaException(WsaError.WSAEINVAL, "select takes sockets of one provider; socket "
                            + set.get(i).value() + " and socket " + firstSocket.value() + " belong to different ones");
                }
            }
        }
        if (first == null) {
            throw new WsaException(WsaError.WSAEINVAL, "select needs at least one socket in its sets");
        }
        ThreadState blocking = ThreadState.current();
        blocking.enterBlocking(first.dispatch());
        try {
            return first.dispatch().select(read, write, except, timeout);
        } catch (RuntimeException e) {
            throw fault(first, "WSPSelect", e);
        } finally {
            blocking.exitBlocking();
        }
    }

    // ---- events -----------------------------------------------------------------------------

    @Override
    public EventHandle createEvent() throws WsaException {
        return allocate(v -> new EventObject(v, this), "event");
    }

    @Override
    public void setEvent(EventHandle event) throws WsaException {
        ownEvent(event).set();
    }

    @Override
    public void resetEvent(EventHandle event) throws WsaException {
        ownEvent(event).reset();
    }

    @Override
    public void closeEvent(EventHandle event) throws WsaException {
        if (!free(ownEvent(event))) {
            throw new WsaException(WsaError.WSA_INVALID_HANDLE, "event " + event.value() + " is already closed");
        }
    }

    @Override
    public int waitForMultipleEvents(EventHandle[] events, boolean waitAll, Duration timeout, boolean alertable)
            throws WsaException {
        EventObject[] objects = new EventObject[events.length];
        for (int i = 0; i < events.length; i++) {
            objects[i] = ownEvent(events[i]);
        }
        return Waits.waitForMultiple(objects, waitAll, timeout == null ? -1 : timeout.toNanos(), alertable);
    }

    @Override
    public EventHandle providerConfigChange() throws WsaException {
        EventObject e = (EventObject) createEvent();
        configChange.add(e);
        return e;
    }

    /** Signals this context's provider-configuration-change events; forgets closed ones. */
    void configChanged() {
        for (EventObject e : configChange) {
            if (e.isReleased()) {
                configChange.remove(e);
            } else {
                e.set();
            }
        }
    }

    EventObject ownEvent(EventHandle event) throws WsaException {
        requireStarted();
        if (event instanceof EventObject && !((EventObject) event).isReleased() && ((EventObject) event).owner() == this) {
            return (EventObject) event;
        }
        throw new WsaException(WsaError.WSA_INVALID_HANDLE, event == null ? "the event handle is null"
                : event + " is not an open event of client context '" + name + "'");
    }

    // ---- asynchronous sockets (AsyncIo) ------------------------------------------------------

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        async.eventSelect(s, event, events);
    }

    @Override
    public NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        return async.enumNetworkEvents(s, event);
    }

    @Override
    public WindowHandle createWindow() throws WsaException {
        return async.createWindow();
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        async.asyncSelect(s, window, message, events);
    }

    @Override
    public WindowMessage getMessage(WindowHandle window, Duration timeout) throws WsaException {
        return async.getMessage(window, timeout);
    }

    @Override
    public void destroyWindow(WindowHandle window) throws WsaException {
        async.destroyWindow(window);
    }

    @Override
    public boolean send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine) throws WsaException {
        return async.send(s, buffers, flags, overlapped, routine);
    }

    @Override
    public boolean recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine) throws WsaException {
        return async.recv(s, buffers, flags, overlapped, routine);
    }

    @Override
    public boolean sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine) throws WsaException {
        return async.sendTo(s, buffers, flags, to, overlapped, routine);
    }

    @Override
    public boolean recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine) throws WsaException {
        return async.recvFrom(s, buffers, flags, overlapped, routine);
    }

    @Override
    public boolean acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped,
            CompletionRoutine routine) throws WsaException {
        return async.acceptEx(listener, accept, overlapped, routine);
    }

    @Override
    public boolean connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine)
            throws WsaException {
        return async.connectEx(s, name, overlapped, routine);
    }

    @Override
    public int getOverlappedResult(SocketHandle s, Overlapped overlapped, boolean wait) throws WsaException {
        return async.getOverlappedResult(s, overlapped, wait);
    }

    @Override
    public int cancelIo(SocketHandle s, Overlapped overlapped) throws WsaException {
        return async.cancelIo(s, overlapped);
    }

    @Override
    public CompletionPort createCompletionPort() throws WsaException {
        return async.createCompletionPort();
    }

    @Override
    public void associate(CompletionPort port, SocketHandle s, long key) throws WsaException {
        async.associate(port, s, key);
    }

    @Override
    public void setCompletionNotificationModes(SocketHandle s, int flags) throws WsaException {
        async.setCompletionNotificationModes(s, flags);
    }

    @Override
    public Completion getQueuedCompletionStatus(CompletionPort port, Duration timeout) throws WsaException {
        return async.getQueuedCompletionStatus(port, timeout);
    }

    @Override
    public void postQueuedCompletionStatus(CompletionPort port, int transferred, long key, Overlapped overlapped)
            throws WsaException {
        async.postQueuedCompletionStatus(port, transferred, key, overlapped);
    }

    @Override
    public void closeCompletionPort(CompletionPort port) throws WsaException {
        async.closeCompletionPort(port);
    }

    // ---- shared sockets, multipoint, QOS, disconnect, cancel ----------------------------------

    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int targetProcessId) throws WsaException {
        Adoption a = own(s);
        if (registry.context(targetProcessId) == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSADuplicateSocket: there is no client context " + targetProcessId);
        }
        try {
            return a.dispatch().duplicateSocket(s, targetProcessId);
        } catch (RuntimeException e) {
            throw fault(a, "WSPDuplicateSocket", e);
        }
    }

    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        Adoption a = own(s);
        SocketHandle leaf;
        try {
            leaf = a.dispatch().joinLeaf(s, name, data, flags);
        } catch (RuntimeException e) {
            throw fault(a, "WSPJoinLeaf", e);
        }
        if (leaf != s) {
            ProviderInstance instance = (ProviderInstance) a.lease();
            instance.acquire();
            return adopt(leaf, instance, a.entry(), "WSPJoinLeaf");
        }
        return leaf;
    }

    @Override
    public Qos getQosByName(SocketHandle s, String qosName) throws WsaException {
        Adoption a = own(s);
        try {
            return a.dispatch().getQosByName(s, qosName);
        } catch (RuntimeException e) {
            throw fault(a, "WSPGetQOSByName", e);
        }
    }

    @Override
    public void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException {
        Adoption a = own(s);
        try {
            a.dispatch().recvDisconnect(s, inboundData);
        } catch (RuntimeException e) {
            throw fault(a, "WSPRecvDisconnect", e);
        }
    }

    @Override
    public void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException {
        Adoption a = own(s);
        try {
            a.dispatch().sendDisconnect(s, outboundData);
        } catch (RuntimeException e) {
            throw fault(a, "WSPSendDisconnect", e);
        }
        connection(s, CoreSocket.CONNECTION_CLOSED);
    }

    @Override
    public void cancelBlockingCall(Thread thread) throws WsaException {
        requireStarted();
        ThreadState.cancel(thread);
    }

    @Override
    public String toString() {
        return "client context " + processId + " '" + name + "' (" + view.name().toLowerCase() + ", "
                + sockets.size() + " sockets)";
    }

    // ---- name resolution --------------------------------------------------------------------

    @Override
    public LookupHandle lookupServiceBegin(QuerySet restrictions, int controlFlags) throws WsaException {
        requireStarted();
        return names.begin(restrictions, controlFlags);
    }

    @Override
    public QuerySet lookupServiceNext(LookupHandle lookup, int controlFlags) throws WsaException {
        requireStarted();
        return names.next(lookup, controlFlags);
    }

    @Override
    public void lookupServiceEnd(LookupHandle lookup) throws WsaException {
        requireStarted();
        names.end(lookup);
    }

    @Override
    public void nspIoctl(LookupHandle lookup, int code, Overlapped overlapped) throws WsaException {
        requireStarted();
        names.ioctl(lookup, code, overlapped);
    }

    @Override
    public void setService(QuerySet regInfo, int operation, int controlFlags) throws WsaException {
        requireStarted();
        names.setService(regInfo, operation, controlFlags);
    }

    @Override
    public void installServiceClass(ServiceClassInfo classInfo) throws WsaException {
        requireStarted();
        names.installServiceClass(classInfo);
    }

    @Override
    public void removeServiceClass(UUID classId) throws WsaException {
        requireStarted();
        names.removeServiceClass(classId);
    }

    @Override
    public ServiceClassInfo getServiceClassInfo(UUID providerId, UUID classId) throws WsaException {
        requireStarted();
        return names.getServiceClassInfo(providerId, classId);
    }

    @Override
    public List<NamespaceInfo> enumNameSpaceProviders() throws WsaException {
        requireStarted();
        return names.providers();
    }

    @Override
    public List<AddrInfo> getAddrInfo(String node, String service, int family, int socketType) throws WsaException {
        requireStarted();
        return names.getAddrInfo(node, service, family, socketType);
    }
}
