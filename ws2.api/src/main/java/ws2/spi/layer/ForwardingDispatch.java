package ws2.spi.layer;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.Qos;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.CompletionDriver;
import ws2.spi.transport.DrivableDispatch;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The dispatch table of a pass-through layer: every {@code WSP*} function forwards to the socket
 * below, the way the Microsoft non-IFS LSP sample implements all thirty. A layer extends it and
 * overrides only what it intercepts.
 *
 * <p>Each socket it issues is a non-IFS handle ({@code WPUCreateSocketHandle}) whose context is a
 * {@link LayeredSocket} holding the lower socket. Overlapped operations go down with the caller's
 * own {@code Overlapped}: the lower provider completes it, and ws2.core delivers the completion
 * (event, completion routine, completion port) to the client's handle, so a pass-through layer
 * needs no overlapped bookkeeping of its own. Event select and async select go down the same way
 * (ws2.core names the client's handle in async-select messages). {@code WSPSelect} translates the
 * handles of the three sets. A forwarded call costs one context lookup and one interface call.
 * Since the lower provider completes the forwarded operations, a completion port's threads drive
 * its loop ({@link #completionDriver}) through the layer too.
 */
public abstract class ForwardingDispatch implements DrivableDispatch {
    /** The upcall table of this layer's bundle. */
    protected final Upcall upcall;
    /** The way to the next provider of each chain. */
    protected final NextLayer next;
    private final WsaData data;

    /**
     * Creates the dispatch of one client context.
     *
     * @param data the negotiated {@code WSPDATA}
     * @param upcall the upcall table
     * @param next the next layer
     */
    protected ForwardingDispatch(WsaData data, Upcall upcall, NextLayer next) {
        this.data = Objects.requireNonNull(data, "data");
        this.upcall = Objects.requireNonNull(upcall, "upcall");
        this.next = Objects.requireNonNull(next, "next");
    }

    /**
     * Makes the state of a new socket (made by {@code WSPSocket} or accepted); override to keep
     * per-socket state in a subclass of {@link LayeredSocket}.
     *
     * @param lower the socket below
     * @param entry the chain entry
     * @return the state
     * @throws WsaException to refuse the socket (the lower socket is then closed)
     */
    protected LayeredSocket newSocket(Lower lower, ProtocolInfo entry) throws WsaException {
        return new LayeredSocket(lower, entry);
    }

    /**
     * Told after a socket was closed and its handle released.
     *
     * @param socket its state
     */
    protected void closed(LayeredSocket socket) {
    }

    /**
     * Finds the layer's state of a socket handle.
     *
     * @param s a handle this layer issued
     * @return its state
     * @throws WsaException {@code WSAENOTSOCK} for any other handle
     */
    protected final LayeredSocket layered(SocketHandle s) throws WsaException {
        Object context = upcall.querySocketHandleContext(s);
        if (context instanceof LayeredSocket) {
            return (LayeredSocket) context;
        }
        throw new WsaException(WsaError.WSAENOTSOCK, s + " is not a socket of layer " + data.description());
    }

    /**
     * Gives a lower socket a handle of this layer.
     *
     * @param lower the lower socket
     * @param entry the chain entry
     * @return the layer's handle
     * @throws WsaException if the state or the handle cannot be made (the lower socket is closed)
     */
    private SocketHandle wrap(Lower lower, ProtocolInfo entry) throws WsaException {
        try {
            LayeredSocket ls = newSocket(lower, entry);
            SocketHandle h = next.createSocketHandle(entry.catalogEntryId(), ls);
            ls.handle(h);
            return h;
        } catch (WsaException | RuntimeException e) {
            try {
                next.closeSocket(lower);
            } catch (WsaException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public WsaData data() {
        return data;
    }

    @Override
    public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
            throws WsaException {
        return wrap(next.socket(info, af, type, protocol, group, flags), info);
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        LayeredSocket listener = layered(s);
        return wrap(next.accept(listener.lower(), condition), listener.entry());
    }

    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        LayeredSocket ls = layered(s);
        next.closeSocket(ls.lower());
        upcall.closeSocketHandle(s);
        closed(ls);
    }

    @Override
    public int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Lower l = layered(listener).lower();
        return l.dispatch().acceptEx(l.handle(), layered(accept).lower().handle(), overlapped, routine, thread);
    }

    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().connectEx(l.handle(), name, overlapped, routine, thread);
    }

    @Override
    public int cancelIo(SocketHandle s, Overlapped overlapped) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().cancelIo(l.handle(), overlapped);
    }

    /**
     * The driver of the lower socket's provider, if it offers one: the lower provider completes the
     * operations this layer forwards. A layer that completes operations itself overrides this.
     */
    @Override
    public CompletionDriver completionDriver(SocketHandle s) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch() instanceof DrivableDispatch ? ((DrivableDispatch) l.dispatch()).completionDriver(l.handle())
                : null;
    }

    @Override
    public String addressToString(SockAddr address, ProtocolInfo info) throws WsaException {
        Lower p = next.provider(info);
        return p.dispatch().addressToString(address, p.entry());
    }

    @Override
    public SockAddr stringToAddress(String address, int af, ProtocolInfo info) throws WsaException {
        Lower p = next.provider(info);
        return p.dispatch().stringToAddress(address, af, p.entry());
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().asyncSelect(l.handle(), window, message, events);
    }

    @Override
    public void bind(SocketHandle s, SockAddr name) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().bind(l.handle(), name);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The blocked call runs in the lower provider, which ws2.core wakes by interrupting the
     * thread; the layer only confirms the thread is being cancelled.
     */
    @Override
    public void cancelBlockingCall() throws WsaException {
        if (!Thread.currentThread().isInterrupted()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPCancelBlockingCall: the calling thread has no blocking call"
                    + " being cancelled");
        }
    }

    /** {@inheritDoc} The lower providers belong to ws2.core, which cleans them up itself. */
    @Override
    public void cleanup() throws WsaException {
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().connect(l.handle(), name, data);
    }

    /** {@inheritDoc} The lower provider's token is carried in the chain entry, which leads back here. */
    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException {
        LayeredSocket ls = layered(s);
        ProtocolInfo lower = ls.lower().dispatch().duplicateSocket(ls.lower().handle(), processId);
        return ls.entry().toBuilder().providerReserved(lower.providerReserved()).build();
    }

    @Override
    public NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().enumNetworkEvents(l.handle(), event);
    }

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().eventSelect(l.handle(), event, events);
    }

    @Override
    public int getOverlappedResult(SocketHandle s, Overlapped overlapped, boolean wait) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().getOverlappedResult(l.handle(), overlapped, wait);
    }

    @Override
    public SockAddr getPeerName(SocketHandle s) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().getPeerName(l.handle());
    }

    @Override
    public SockAddr getSockName(SocketHandle s) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().getSockName(l.handle());
    }

    @Override
    public <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().getSockOpt(l.handle(), option);
    }

    @Override
    public Qos getQosByName(SocketHandle s, String name) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().getQosByName(l.handle(), name);
    }

    @Override
    public int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().ioctl(l.handle(), code, in, out, overlapped, routine, thread);
    }

    /** {@inheritDoc} Joining on the same socket (UDP multicast) returns the caller's own handle. */
    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        Lower l = layered(s).lower();
        SocketHandle joined = l.dispatch().joinLeaf(l.handle(), name, data, flags);
        if (joined != l.handle()) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "layer " + this.data.description()
                    + " passes on multipoint joins that return the same socket only");
        }
        return s;
    }

    @Override
    public void listen(SocketHandle s, int backlog) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().listen(l.handle(), backlog);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().recv(l.handle(), buffers, flags, overlapped, routine, thread);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().recv(l.handle(), buffer, flags);
    }

    @Override
    public void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().recvDisconnect(l.handle(), inboundData);
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().recvFrom(l.handle(), buffers, flags, overlapped, routine, thread);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Each handle of this layer is replaced by its lower socket, the lower provider's
     * {@code WSPSelect} runs, and the results are mapped back. All sockets must run over one lower
     * provider version.
     */
    @Override
    public int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        WspDispatch[] target = new WspDispatch[1];
        FdSet lowerRead = lower(read, target);
        FdSet lowerWrite = lower(write, target);
        FdSet lowerExcept = lower(except, target);
        if (target[0] == null) {
            throw new WsaException(WsaError.WSAEINVAL, "select needs at least one socket");
        }
        int n = target[0].select(lowerRead, lowerWrite, lowerExcept, timeout);
        return n == 0 ? clear(read, write, except) : keep(read, lowerRead) + keep(write, lowerWrite) + keep(except, lowerExcept);
    }

    private FdSet lower(FdSet set, WspDispatch[] target) throws WsaException {
        if (set == null) {
            return null;
        }
        FdSet out = new FdSet(set.capacity());
        for (int i = 0; i < set.count(); i++) {
            Lower l = layered(set.get(i)).lower();
            if (target[0] == null) {
                target[0] = l.dispatch();
            } else if (target[0] != l.dispatch()) {
                throw new WsaException(WsaError.WSAEINVAL, "select mixes sockets of different lower providers below layer "
                        + data.description());
            }
            out.set(l.handle());
        }
        return out;
    }

    private int keep(FdSet set, FdSet lower) throws WsaException {
        if (set == null) {
            return 0;
        }
        for (int i = set.count() - 1; i >= 0; i--) {
            SocketHandle s = set.get(i);
            if (!lower.isSet(layered(s).lower().handle())) {
                set.clear(s);
            }
        }
        return set.count();
    }

    private static int clear(FdSet... sets) {
        for (FdSet s : sets) {
            if (s != null) {
                s.zero();
            }
        }
        return 0;
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().send(l.handle(), buffers, flags, overlapped, routine, thread);
    }

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().send(l.handle(), buffer, flags);
    }

    @Override
    public void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().sendDisconnect(l.handle(), outboundData);
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        Lower l = layered(s).lower();
        return l.dispatch().sendTo(l.handle(), buffers, flags, to, overlapped, routine, thread);
    }

    @Override
    public <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().setSockOpt(l.handle(), option, value);
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        Lower l = layered(s).lower();
        l.dispatch().shutdown(l.handle(), how);
    }
}
