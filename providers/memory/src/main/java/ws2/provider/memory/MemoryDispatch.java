package ws2.provider.memory;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import ws2.api.AcceptCondition;
import ws2.api.AddressFamily;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IoctlCodes;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.Qos;
import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WindowHandle;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The memory provider's {@code WSPPROC_TABLE} for one {@code WSPStartup}: one client context.
 *
 * <p>A non-IFS provider: every handle comes from {@code WPUCreateSocketHandle} with a
 * {@link Descriptor} as its context, each call finds it again with
 * {@code WPUQuerySocketHandleContext}, and {@code WSPCloseSocket} releases it with
 * {@code WPUCloseSocketHandle}. The dispatch checks the handle and its arguments, then hands the
 * call to the socket's {@link Endpoint}; it keeps the set of its open descriptors only for
 * {@code WSPCleanup}. It depends on nothing of the DS component, so it keeps serving after the
 * component is deactivated, until its cleanup.
 *
 * <p>Thread-safe.
 */
final class MemoryDispatch implements WspDispatch {
    private static final int MULTIPOINT_FLAGS = SocketFlags.WSA_FLAG_MULTIPOINT_C_ROOT
            | SocketFlags.WSA_FLAG_MULTIPOINT_C_LEAF | SocketFlags.WSA_FLAG_MULTIPOINT_D_ROOT
            | SocketFlags.WSA_FLAG_MULTIPOINT_D_LEAF;
    /** The type field of an ioctl code ({@code T} bits 28-27). */
    private static final int IOC_TYPE_MASK = 0x18000000;
    /** Type {@code IOC_WS2}: the optional Winsock 2 {@code SIO_*} codes. */
    private static final int IOC_WS2 = 0x08000000;
    private static final int U_LONG = Integer.BYTES;

    private final Upcall upcall;
    private final WsaData data;
    private final PipeNetwork network;
    private final Blocking blocking;
    private final AtomicBoolean started = new AtomicBoolean(true);
    private final Set<Descriptor> open = ConcurrentHashMap.newKeySet();

    /**
     * Makes the dispatch of one {@code WSPStartup}.
     *
     * @param upcall the upcall table of the client context
     * @param data the negotiated {@code WSPDATA}
     * @param network the names and duplicate tokens shared with the provider's other contexts
     */
    MemoryDispatch(Upcall upcall, WsaData data, PipeNetwork network) {
        this.upcall = upcall;
        this.data = data;
        this.network = network;
        this.blocking = new Blocking(upcall);
    }

    /**
     * Returns the upcall table of this dispatch's client context.
     *
     * @return the upcalls
     */
    Upcall upcall() {
        return upcall;
    }

    /**
     * Returns the blocking waits of this dispatch.
     *
     * @return the blocking support
     */
    Blocking blocking() {
        return blocking;
    }

    @Override
    public WsaData data() {
        return data;
    }

    private void requireStarted() throws WsaException {
        if (!started.get()) {
            throw notInitialised();
        }
    }

    private static WsaException notInitialised() {
        return new WsaException(WsaError.WSANOTINITIALISED, "WSPCleanup ended this memory provider context;"
                + " call WSPStartup again");
    }

    /**
     * Finds the descriptor of a handle: {@code WPUQuerySocketHandleContext}, then a check that the
     * context is an open descriptor of this dispatch.
     *
     * @param s a handle
     * @return its descriptor
     * @throws WsaException {@code WSANOTINITIALISED} after cleanup, {@code WSAENOTSOCK} for a closed
     *         handle, an IFS handle, or a handle of another provider or context
     */
    Descriptor socketOf(SocketHandle s) throws WsaException {
        Object context = null;
        WsaException unknown = null;
        if (s != null) {
            try {
                context = upcall.querySocketHandleContext(s);
            } catch (WsaException e) {
                unknown = e;
            }
        }
        if (context instanceof Descriptor d && d.dispatch == this && !d.isClosed()) {
            return d;
        }
        requireStarted();
        WsaException e = new WsaException(WsaError.WSAENOTSOCK, (s == null ? "a null handle" : "handle " + s.value())
                + " is not an open socket of this memory provider context");
        if (unknown != null) {
            e.addSuppressed(unknown);
        }
        throw e;
    }

    /**
     * Gets a handle for a descriptor of an endpoint from {@code WPUCreateSocketHandle} and tracks it;
     * releases the endpoint reference if that fails.
     */
    private Descriptor register(Endpoint endpoint, int catalogEntryId) throws WsaException {
        Descriptor d = new Descriptor(this, endpoint);
        try {
            d.handle(upcall.createSocketHandle(catalogEntryId, d));
        } catch (WsaException | RuntimeException e) {
            endpoint.release(true);
            throw e;
        }
        open.add(d);
        if (!started.get() && open.remove(d)) { // a cleanup ran while the handle was being made: it did not see it
            WsaException e = notInitialised();
            try {
                close(d, true);
            } catch (WsaException x) {
                e.addSuppressed(x);
            }
            throw e;
        }
        return d;
    }

    /**
     * Closes a descriptor: ends what it started, releases its handle, then drops its reference to
     * the endpoint.
     */
    private void close(Descriptor d, boolean abortive) throws WsaException {
        d.markClosed();
        d.endpoint.detach(d);
        WsaException failure = null;
        try {
            upcall.closeSocketHandle(d.handle());
        } catch (WsaException e) {
            failure = e;
        }
        d.endpoint.release(abortive);
        if (failure != null) {
            throw failure;
        }
    }

    private static int fromInfo(int requested, int entry) {
        return requested == 0 || requested == ProtocolInfo.FROM_PROTOCOL_INFO ? entry : requested;
    }

    /**
     * {@code WSPSocket}: {@code AF_UNIX} stream sockets; 0 and {@code FROM_PROTOCOL_INFO} take the
     * entry's values. A protocol info from {@code WSPDuplicateSocket} (its {@code providerReserved}
     * is a token) opens a new descriptor of the shared socket, once.
     */
    @Override
    public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
            throws WsaException {
        requireStarted();
        int family = fromInfo(af, info.addressFamily());
        int socketType = fromInfo(type, info.socketType());
        int proto = fromInfo(protocol, info.protocol());
        if (family != AddressFamily.AF_UNIX) {
            throw new WsaException(WsaError.WSAEAFNOSUPPORT, "WSPSocket: the memory provider serves AF_UNIX, not "
                    + AddressFamily.name(family));
        }
        if (socketType != SocketType.SOCK_STREAM) {
            throw new WsaException(WsaError.WSAESOCKTNOSUPPORT, "WSPSocket: the memory provider has SOCK_STREAM sockets,"
                    + " not " + SocketType.name(socketType));
        }
        if (proto != 0) {
            throw new WsaException(WsaError.WSAEPROTONOSUPPORT, "WSPSocket: the memory provider's protocol is 0, not "
                    + proto);
        }
        if (group != SocketFlags.SG_NONE) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: socket groups are reserved; g must be 0, got " + group);
        }
        if ((flags & MULTIPOINT_FLAGS) != 0) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: the memory provider has no multipoint sockets"
                    + " (XP1_SUPPORT_MULTIPOINT is not set), got flags 0x" + Integer.toHexString(flags));
        }
        Endpoint endpoint;
        if (info.providerReserved() == 0) {
            endpoint = new Endpoint(network, info);
        } else {
            endpoint = network.redeem(info.providerReserved());
            if (endpoint == null) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: the protocol info names no shared socket of the"
                        + " memory provider (token " + info.providerReserved() + "); each one from WSPDuplicateSocket"
                        + " opens the socket once");
            }
        }
        return register(endpoint, info.catalogEntryId()).handle();
    }

    /**
     * {@code WSPDuplicateSocket}: the socket's entry whose {@code providerReserved} is a one-use
     * token; the token keeps the socket open until a {@code WSPSocket} in the target context
     * redeems it. The target's {@code processId} is not checked: a provider does not learn which
     * context a dispatch serves.
     */
    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException {
        Endpoint endpoint = socketOf(s).endpoint;
        endpoint.retain();
        return endpoint.info.toBuilder().providerReserved(network.share(endpoint)).build();
    }

    @Override
    public void bind(SocketHandle s, SockAddr name) throws WsaException {
        Descriptor d = socketOf(s);
        d.endpoint.bind(d, UnixAddress.name(name, WsaError.WSAEFAULT, "WSPBind on " + d.describe()));
    }

    @Override
    public void listen(SocketHandle s, int backlog) throws WsaException {
        Descriptor d = socketOf(s);
        d.endpoint.listen(d, backlog);
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        Descriptor listener = socketOf(s);
        Endpoint.Handover taken = listener.endpoint.take(listener, condition);
        try {
            Descriptor d = register(new Endpoint(network, listener.endpoint.info), listener.handle().catalogEntryId());
            d.endpoint.attach(taken, d, "WSPAccept");
            return d.handle();
        } catch (WsaException | RuntimeException e) {
            taken.link().abort();
            throw e;
        }
    }

    /** {@code AcceptEx}: the accept socket becomes the connection; the completion is the listener's. */
    @Override
    public int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Descriptor l = socketOf(listener);
        Descriptor target = socketOf(accept);
        if (target.endpoint == l.endpoint) {
            throw new WsaException(WsaError.WSAEINVAL, "AcceptEx: the accept socket must not be the listening socket "
                    + l.describe());
        }
        target.endpoint.requireFresh(target, "AcceptEx");
        return l.endpoint.startAccept(Op.accept(l, target, overlapped, routine, thread));
    }

    /**
     * {@code WSPConnect}. Connect and disconnect data need {@code XP1_CONNECT_DATA}, which this
     * provider does not declare, and there is no QOS.
     */
    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        Descriptor d = socketOf(s);
        if (data != null && data.callerData() != null && data.callerData().hasRemaining()) {
            throw new WsaException(WsaError.WSAEPROTONOSUPPORT, "WSPConnect: the memory provider carries no connect data"
                    + " (XP1_CONNECT_DATA is not set), got " + data.callerData().remaining() + " bytes");
        }
        if (data != null && (data.sqos() != null || data.gqos() != null)) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPConnect: the memory provider has no QOS"
                    + " (XP1_QOS_SUPPORTED is not set)");
        }
        d.endpoint.connect(d, UnixAddress.peer(name, "WSPConnect on " + d.describe()));
    }

    /** {@code ConnectEx}: connects at once, so it completes at once, its completion indicated. */
    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Descriptor d = socketOf(s);
        d.endpoint.connect(d, UnixAddress.peer(name, "ConnectEx on " + d.describe()));
        d.complete(overlapped, routine, thread, 0, 0);
        return 0;
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Descriptor d = socketOf(s);
        return overlapped == null ? d.endpoint.send(d, buffers, flags)
                : d.endpoint.startSend(Op.transfer(d, buffers, flags, overlapped, routine, thread));
    }

    /** {@code WSPSendTo}: a connected stream socket ignores the address. */
    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return send(s, buffers, flags, overlapped, routine, thread);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        Descriptor d = socketOf(s);
        return overlapped == null ? d.endpoint.recv(d, buffers, flags)
                : d.endpoint.startReceive(Op.transfer(d, buffers, flags, overlapped, routine, thread));
    }

    /** {@code WSPRecvFrom}: a connected stream socket reports no sender. */
    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return new Received(recv(s, buffers, flags, overlapped, routine, thread), 0, null);
    }

    @Override
    public int cancelIo(SocketHandle s, Overlapped overlapped) throws WsaException {
        Descriptor d = socketOf(s);
        return d.endpoint.cancel(d, overlapped);
    }

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        Descriptor d = socketOf(s);
        checkEvents(events, event == null, "WSPEventSelect needs an event object to signal");
        d.endpoint.select(d, event, null, 0, events);
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        Descriptor d = socketOf(s);
        checkEvents(events, window == null, "WSPAsyncSelect needs a window to post to");
        d.endpoint.select(d, null, window, message, events);
    }

    private static void checkEvents(int events, boolean noTarget, String noTargetMessage) throws WsaException {
        if ((events & ~NetworkEvents.FD_ALL_EVENTS) != 0) {
            throw new WsaException(WsaError.WSAEINVAL, "unknown FD_* bits 0x"
                    + Integer.toHexString(events & ~NetworkEvents.FD_ALL_EVENTS));
        }
        if (events != 0 && noTarget) {
            throw new WsaException(WsaError.WSAEINVAL, noTargetMessage);
        }
    }

    @Override
    public NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        Descriptor d = socketOf(s);
        return d.endpoint.enumNetworkEvents(d, event);
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        Descriptor d = socketOf(s);
        if (how != ShutdownHow.SD_RECEIVE && how != ShutdownHow.SD_SEND && how != ShutdownHow.SD_BOTH) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPShutdown: how must be SD_RECEIVE (0), SD_SEND (1) or SD_BOTH"
                    + " (2), got " + how);
        }
        d.endpoint.shutdown(d, how != ShutdownHow.SD_SEND, how != ShutdownHow.SD_RECEIVE, null, "WSPShutdown");
    }

    /** {@code WSPSendDisconnect}: ends sending; the peer's {@code WSPRecvDisconnect} gets the data. */
    @Override
    public void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException {
        Descriptor d = socketOf(s);
        byte[] bytes = null;
        if (outboundData != null) {
            bytes = new byte[outboundData.remaining()];
            outboundData.get(bytes);
        }
        d.endpoint.shutdown(d, false, true, bytes, "WSPSendDisconnect");
    }

    @Override
    public void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException {
        Descriptor d = socketOf(s);
        d.endpoint.recvDisconnect(d, inboundData);
    }

    /**
     * {@code WSPCloseSocket}. With {@code SO_LINGER} on the last descriptor may wait, or fail with
     * {@code WSAEWOULDBLOCK} and stay open; otherwise queued operations started on this handle
     * complete with {@code WSA_OPERATION_ABORTED}, blocked calls on it end with {@code WSAEINTR}, the
     * handle is released, and the socket closes when its last descriptor does.
     */
    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        Descriptor d = socketOf(s);
        boolean abortive = d.endpoint.linger(d);
        if (!open.remove(d)) {
            throw new WsaException(WsaError.WSAENOTSOCK, "WSPCloseSocket: " + d.describe() + " is already closed");
        }
        close(d, abortive);
    }

    /** {@code WSPCleanup}: every dispatch serves one startup, so its cleanup resets what is still open. */
    @Override
    public void cleanup() throws WsaException {
        if (!started.compareAndSet(true, false)) {
            throw notInitialised();
        }
        WsaException failure = null;
        for (Descriptor d : open) {
            if (open.remove(d)) {
                try {
                    close(d, true);
                } catch (WsaException e) {
                    if (failure == null) {
                        failure = e;
                    } else {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public SockAddr getPeerName(SocketHandle s) throws WsaException {
        Descriptor d = socketOf(s);
        return d.endpoint.peerName(d);
    }

    @Override
    public SockAddr getSockName(SocketHandle s) throws WsaException {
        Descriptor d = socketOf(s);
        return d.endpoint.localName(d);
    }

    @Override
    public <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException {
        Descriptor d = socketOf(s);
        return d.endpoint.getSockOpt(d, option);
    }

    @Override
    public <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException {
        Descriptor d = socketOf(s);
        d.endpoint.setSockOpt(d, option, value);
    }

    /**
     * {@code WSPIoctl}: {@code FIONBIO}, {@code FIONREAD} and {@code SIOCATMARK}, with {@code u_long}
     * arguments as 4-byte integers in the buffers' byte order; {@code in} is read without moving its
     * position, the result is written at {@code out}'s position, which advances. They complete at
     * once; given an overlapped structure, the completion is indicated as well.
     */
    @Override
    public int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        Descriptor d = socketOf(s);
        int n = control(d, code, in, out);
        if (overlapped != null) {
            d.complete(overlapped, routine, thread, 0, n);
        }
        return n;
    }

    private static int control(Descriptor d, int code, ByteBuffer in, ByteBuffer out) throws WsaException {
        switch (code) {
            case IoctlCodes.FIONBIO:
                requireBytes(in, "input", "FIONBIO", d);
                d.endpoint.nonBlocking(d, in.getInt(in.position()) != 0);
                return 0;
            case IoctlCodes.FIONREAD:
                requireBytes(out, "output", "FIONREAD", d);
                out.putInt(d.endpoint.readable());
                return U_LONG;
            case IoctlCodes.SIOCATMARK:
                requireBytes(out, "output", "SIOCATMARK", d);
                out.putInt(1); // no out-of-band data ever waits: pipes carry none
                return U_LONG;
            default:
                boolean optional = (code & IOC_TYPE_MASK) == IOC_WS2;
                throw new WsaException(optional ? WsaError.WSAENOPROTOOPT : WsaError.WSAEINVAL, "WSPIoctl on "
                        + d.describe() + ": code 0x" + Integer.toHexString(code) + (optional ? " is an optional"
                                + " Winsock 2 code the memory provider does not support"
                                : " is not a control code of the memory provider"));
        }
    }

    private static void requireBytes(ByteBuffer buffer, String which, String code, Descriptor d) throws WsaException {
        if (buffer == null || buffer.remaining() < U_LONG) {
            throw new WsaException(WsaError.WSAEFAULT, code + " on " + d.describe() + " needs a 4-byte " + which
                    + " buffer, got "
                    + (buffer == null ? "none" : buffer.remaining() + " bytes"));
        }
    }

    @Override
    public int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        requireStarted();
        return SelectCall.select(this, read, write, except, timeout);
    }

    @Override
    public String addressToString(SockAddr address, ProtocolInfo info) throws WsaException {
        requireStarted();
        return UnixAddress.name(address, WsaError.WSAEINVAL, "WSPAddressToString");
    }

    @Override
    public SockAddr stringToAddress(String address, int af, ProtocolInfo info) throws WsaException {
        requireStarted();
        if (af != AddressFamily.AF_UNIX || address == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPStringToAddress: the memory provider parses AF_UNIX names,"
                    + " not " + (address == null ? "a null string" : AddressFamily.name(af) + " text"));
        }
        return UnixAddress.of(address);
    }

    /** {@code WSPJoinLeaf}: {@code XP1_SUPPORT_MULTIPOINT} is not set. */
    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPJoinLeaf: " + socketOf(s).describe() + " is not a multipoint"
                + " socket; the memory provider has none (XP1_SUPPORT_MULTIPOINT is not set)");
    }

    /** {@code WSPGetQOSByName}: there are no templates, as {@code XP1_QOS_SUPPORTED} is not set. */
    @Override
    public Qos getQosByName(SocketHandle s, String name) throws WsaException {
        throw new WsaException(WsaError.WSAEINVAL, "WSPGetQOSByName on " + socketOf(s).describe() + ": the memory"
                + " provider has no QOS templates (XP1_QOS_SUPPORTED is not set), so none is named " + name);
    }

    /**
     * {@inheritDoc}
     *
     * <p>ws2.core calls this on the blocked thread, from the blocking callback its interrupt woke;
     * the wait then fails with {@code WSAEINTR} and the socket stays usable.
     */
    @Override
    public void cancelBlockingCall() throws WsaException {
        requireStarted();
        blocking.cancel();
    }
}
