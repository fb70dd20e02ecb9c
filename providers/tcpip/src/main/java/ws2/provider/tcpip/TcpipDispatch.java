package ws2.provider.tcpip;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import ws2.api.AcceptCondition;
import ws2.api.AddressFamily;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.IoctlCodes;
import ws2.api.IpProtocol;
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
import ws2.spi.transport.CompletionDriver;
import ws2.spi.transport.DrivableDispatch;
import ws2.spi.transport.NetworkEventSelection;
import ws2.spi.transport.QosTemplates;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The tcpip provider's {@code WSPPROC_TABLE} for one {@code WSPStartup}: one client context.
 *
 * <p>It depends on nothing of the DS component that made it, so it keeps serving its open sockets
 * after the component is deactivated (the bundle stops or is updated) until ws2.core calls
 * {@link #cleanup()}. Each socket's state is the {@link TcpipSocket} it registered with
 * {@code WPUModifyIFSHandle}; every call gets it back from {@link SocketHandle#ifsHandle()}, with no
 * lookup. The set of open sockets is touched only when sockets are created and closed, so
 * {@code WSPCleanup} can close what is left.
 *
 * <p>Asynchronous sockets (event and async selection, overlapped operations) are served natively
 * by one {@link Reactor} thread per dispatch, started by the first socket that needs it; each
 * such socket's state is its {@link AsyncSocket}. The synchronous data path only checks, with one
 * volatile read, whether the socket has one, to apply the re-enabling rules of its selected events.
 * The reactor is also the {@link CompletionDriver} of every socket, so a completion port's threads
 * can run it themselves.
 *
 * <p>Thread-safe.
 */
final class TcpipDispatch implements DrivableDispatch {
    private static final int ROOT_FLAGS = SocketFlags.WSA_FLAG_MULTIPOINT_C_ROOT | SocketFlags.WSA_FLAG_MULTIPOINT_D_ROOT;
    private static final int MULTIPOINT_FLAGS = ROOT_FLAGS | SocketFlags.WSA_FLAG_MULTIPOINT_C_LEAF
            | SocketFlags.WSA_FLAG_MULTIPOINT_D_LEAF;
    /** The type field of an ioctl code ({@code T} bits 28-27). */
    private static final int IOC_TYPE_MASK = 0x18000000;
    /** Type {@code IOC_WS2}: the optional Winsock 2 {@code SIO_*} codes. */
    private static final int IOC_WS2 = 0x08000000;
    private static final int U_LONG = Integer.BYTES;

    private final Upcall upcall;
    private final WsaData data;
    private final AtomicBoolean started = new AtomicBoolean(true);
    private final Map<SocketHandle, TcpipSocket> sockets = new ConcurrentHashMap<>();
    private final SharedSockets shared;
    private final Selection selection = new Selection();
    private Reactor reactor; // guarded by this

    /**
     * Makes the dispatch of one {@code WSPStartup}.
     *
     * @param upcall the upcall table of the client context
     * @param data the negotiated {@code WSPDATA}
     * @param shared the provider's sockets offered by {@code WSPDuplicateSocket}
     */
    TcpipDispatch(Upcall upcall, WsaData data, SharedSockets shared) {
        this.upcall = upcall;
        this.data = data;
        this.shared = shared;
    }

    /**
     * Tells whether this dispatch still serves: no {@code WSPCleanup} yet.
     *
     * @return true until the cleanup
     */
    boolean started() {
        return started.get();
    }

    private void requireStarted() throws WsaException {
        if (!started.get()) {
            throw notInitialised();
        }
    }

    private static WsaException notInitialised() {
        return new WsaException(WsaError.WSANOTINITIALISED, "WSPCleanup ended this tcpip provider context;"
                + " call WSPStartup again");
    }

    /**
     * Finds the socket state of a handle. On the data path this costs a type check and one volatile
     * read: {@code WSPCleanup} closes every socket, so an open socket implies a started dispatch.
     *
     * @param s a handle this dispatch's {@code WPUModifyIFSHandle} calls returned
     * @return its state
     * @throws WsaException {@code WSANOTINITIALISED} after cleanup, {@code WSAENOTSOCK} for a closed
     *         socket or a handle of another provider or context
     */
    TcpipSocket socketOf(SocketHandle s) throws WsaException {
        IfsHandle h = s == null ? null : s.ifsHandle();
        if (h instanceof TcpipSocket && serves((TcpipSocket) h, s) && !((TcpipSocket) h).isClosed()) {
            return (TcpipSocket) h;
        }
        requireStarted();
        throw new WsaException(WsaError.WSAENOTSOCK, (s == null ? "a null handle" : "handle " + s.value())
                + (h instanceof TcpipSocket && serves((TcpipSocket) h, s) ? " is closed"
                        : " is not a socket of this tcpip provider context"));
    }

    /** Whether a handle is one of this dispatch's: by its socket, or by the handle once the socket is shared. */
    private boolean serves(TcpipSocket socket, SocketHandle s) {
        return socket.isShared() ? sockets.containsKey(s) : socket.dispatch == this;
    }

    /**
     * Gets a handle for a new socket from {@code WPUModifyIFSHandle} and tracks the socket; closes it
     * if that fails.
     *
     * @param socket the new socket
     * @param catalogEntryId the catalog entry it belongs to
     * @return its handle
     * @throws WsaException what the upcall threw, or {@code WSANOTINITIALISED} if a cleanup ran meanwhile
     */
    SocketHandle register(TcpipSocket socket, int catalogEntryId) throws WsaException {
        SocketHandle handle;
        try {
            handle = upcall.modifyIfsHandle(catalogEntryId, socket);
        } catch (WsaException | RuntimeException e) {
            closeAfterFailure(socket, e);
            throw e;
        }
        socket.handle(handle);
        sockets.put(handle, socket);
        if (!started.get()) { // a cleanup ran while the socket was being made: it did not see it
            sockets.remove(handle);
            WsaException e = new WsaException(WsaError.WSANOTINITIALISED, "WSPCleanup ended this tcpip provider"
                    + " context while " + socket.describe() + " was being made");
            closeAfterFailure(socket, e);
            throw e;
        }
        return handle;
    }

    private static void closeAfterFailure(TcpipSocket socket, Exception cause) {
        try {
            socket.close(true);
        } catch (WsaException e) {
            cause.addSuppressed(e);
        }
    }

    @Override
    public WsaData data() {
        return data;
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
     * Returns the reactor, starting it on first use.
     *
     * @return the reactor
     * @throws WsaException {@code WSAENOBUFS} if no selector can be opened,
     *         {@code WSANOTINITIALISED} after cleanup
     */
    synchronized Reactor reactor() throws WsaException {
        requireStarted();
        if (reactor == null) {
            try {
                reactor = new Reactor("ws2-tcpip-reactor-" + Integer.toHexString(System.identityHashCode(this)));
            } catch (IOException e) {
                throw new WsaException(WsaError.WSAENOBUFS, "the tcpip provider cannot open a selector for"
                        + " asynchronous sockets: " + e, e);
            }
        }
        return reactor;
    }

    /** The reactor completes every socket's overlapped operations; a port's threads may drive it. */
    @Override
    public CompletionDriver completionDriver(SocketHandle s) throws WsaException {
        socketOf(s);
        return reactor();
    }

    /** {@code WSPSocket}: TCP and UDP over IPv4 and IPv6; 0 and {@code FROM_PROTOCOL_INFO} take the entry's values. */
    @Override
    public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
            throws WsaException {
        requireStarted();
        if (info.providerReserved() != 0) {
            return openShared(info);
        }
        int family = fromInfo(af, info.addressFamily());
        int socketType = fromInfo(type, info.socketType());
        int proto = fromInfo(protocol, info.protocol());
        if (group != SocketFlags.SG_NONE) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: socket groups are reserved; g must be 0, got " + group);
        }
        boolean leaf = (flags & MULTIPOINT_FLAGS) != 0;
        if (leaf && (socketType != SocketType.SOCK_DGRAM || (flags & ROOT_FLAGS) != 0)) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: multipoint sockets of this provider are UDP leaves"
                    + " (WSA_FLAG_MULTIPOINT_C_LEAF, WSA_FLAG_MULTIPOINT_D_LEAF), as IP multicast has no root; got flags 0x"
                    + Integer.toHexString(flags) + " for a " + SocketType.name(socketType) + " socket");
        }
        if (family != AddressFamily.AF_INET && family != AddressFamily.AF_INET6) {
            throw new WsaException(WsaError.WSAEAFNOSUPPORT, "WSPSocket: the tcpip provider serves AF_INET and AF_INET6,"
                    + " not " + AddressFamily.name(family));
        }
        if (socketType != SocketType.SOCK_STREAM && socketType != SocketType.SOCK_DGRAM) {
            throw new WsaException(WsaError.WSAESOCKTNOSUPPORT, "WSPSocket: the tcpip provider has SOCK_STREAM and"
                    + " SOCK_DGRAM sockets, not " + SocketType.name(socketType));
        }
        boolean stream = socketType == SocketType.SOCK_STREAM;
        requireProtocol(proto, stream ? IpProtocol.IPPROTO_TCP : IpProtocol.IPPROTO_UDP, socketType);
        ProtocolFamily protocolFamily = TcpipSocket.protocolFamily(family);
        TcpipSocket socket;
        try {
            socket = stream ? new TcpSocket(this, info, family, SocketChannel.open(protocolFamily))
                    : new UdpSocket(this, info, family, DatagramChannel.open(protocolFamily), leaf);
        } catch (IOException | RuntimeException e) {
            throw Failures.map(e, null, "WSPSocket", false);
        }
        return register(socket, info.catalogEntryId());
    }

    private static int fromInfo(int value, int fromInfo) {
        return value == 0 || value == ProtocolInfo.FROM_PROTOCOL_INFO ? fromInfo : value;
    }

    private static void requireProtocol(int protocol, int expected, int socketType) throws WsaException {
        if (protocol == expected) {
            return;
        }
        boolean otherIp = protocol == IpProtocol.IPPROTO_TCP || protocol == IpProtocol.IPPROTO_UDP;
        throw new WsaException(otherIp ? WsaError.WSAEPROTOTYPE : WsaError.WSAEPROTONOSUPPORT, "WSPSocket: "
                + SocketType.name(socketType) + " sockets of the tcpip provider use protocol " + expected + ", not "
                + protocol);
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        TcpipSocket socket = socketOf(s);
        AsyncSocket async = socket.asyncIfAny();
        if (async == null && socket.isListening() && !socket.isNonBlocking()) {
            // wait in a selector, which an interrupt (WSACancelBlockingCall) wakes without closing the listener
            selection.select(this, FdSet.of(s), null, null, null);
        }
        try {
            return socket.accept(condition);
        } catch (WsaException e) {
            if (e.error() == WsaError.WSATRY_AGAIN) {
                async = null; // a deferred connection does not re-enable FD_ACCEPT
            }
            throw e;
        } finally {
            if (async != null) {
                async.reenable(NetworkEvents.FD_ACCEPT, false);
            }
        }
    }

    @Override
    public String addressToString(SockAddr address, ProtocolInfo info) throws WsaException {
        requireStarted();
        return Addresses.format(address, info.addressFamily());
    }

    @Override
    public SockAddr stringToAddress(String address, int af, ProtocolInfo info) throws WsaException {
        requireStarted();
        if (af != info.addressFamily()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPStringToAddress: the " + info.protocolName()
                    + " entry translates " + AddressFamily.name(info.addressFamily()) + ", not " + AddressFamily.name(af));
        }
        return Addresses.parse(address, af);
    }

    @Override
    public void bind(SocketHandle s, SockAddr name) throws WsaException {
        socketOf(s).bind(name);
    }

    @Override
    public void listen(SocketHandle s, int backlog) throws WsaException {
        socketOf(s).listen(backlog);
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        TcpipSocket socket = socketOf(s);
        try {
            socket.connect(name, data);
        } catch (WsaException e) {
            AsyncSocket async = socket.asyncIfAny();
            if (async != null && e.error() == WsaError.WSAEWOULDBLOCK) {
                async.connectStarted();
            }
            throw e;
        }
    }

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        TcpipSocket socket = socketOf(s);
        AsyncSocket async = socket.asyncIfAny();
        if (async == null) {
            return socket.send(buffer, flags);
        }
        return sent(s, socket, async, () -> socket.send(buffer, flags), () -> buffer.hasRemaining());
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (overlapped != null) {
            return socket.async().send(s, buffers, flags, overlapped, routine, thread);
        }
        AsyncSocket async = socket.asyncIfAny();
        return async == null ? socket.send(buffers, flags)
                : sent(s, socket, async, () -> socket.send(buffers, flags), () -> Buffers.remaining(buffers) > 0);
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (overlapped != null) {
            return socket.async().sendTo(s, buffers, flags, to, overlapped, routine, thread);
        }
        AsyncSocket async = socket.asyncIfAny();
        return async == null ? socket.sendTo(buffers, flags, to)
                : sent(s, socket, async, () -> socket.sendTo(buffers, flags, to), () -> false);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        TcpipSocket socket = socketOf(s);
        AsyncSocket async = socket.asyncIfAny();
        return async == null ? socket.recv(buffer, flags) : received(s, socket, async, () -> socket.recv(buffer, flags));
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (overlapped != null) {
            return socket.async().recv(s, buffers, flags, overlapped, routine, thread);
        }
        AsyncSocket async = socket.asyncIfAny();
        return async == null ? socket.recv(buffers, flags) : received(s, socket, async, () -> socket.recv(buffers, flags));
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (overlapped != null) {
            int n = socket.async().recvFrom(s, buffers, flags, overlapped, routine, thread);
            return new Received(n, overlapped.flags(), overlapped.sender());
        }
        AsyncSocket async = socket.asyncIfAny();
        if (async == null) {
            return socket.recvFrom(buffers, flags);
        }
        Received[] got = new Received[1];
        received(s, socket, async, () -> {
            got[0] = socket.recvFrom(buffers, flags);
            return got[0].bytes();
        });
        return got[0];
    }

    /** One synchronous, non-blocking transfer of a socket that has an asynchronous side. */
    @FunctionalInterface
    private interface Transfer {
        int run() throws WsaException;
    }

    /**
     * A receive on a socket with an asynchronous side, whose channel stays non-blocking: a
     * Winsock-blocking socket waits for data in a selector, and the call re-enables FD_READ.
     */
    private int received(SocketHandle s, TcpipSocket socket, AsyncSocket async, Transfer recv) throws WsaException {
        try {
            while (true) {
                try {
                    return recv.run();
                } catch (WsaException e) {
                    awaitIfBlocking(e, s, socket, false);
                }
            }
        } finally {
            async.reenable(NetworkEvents.FD_READ | NetworkEvents.FD_OOB, false);
        }
    }

    /**
     * A send on a socket with an asynchronous side: a Winsock-blocking socket sends everything,
     * waiting for room in a selector; the call re-enables FD_WRITE, armed if it would block.
     */
    private int sent(SocketHandle s, TcpipSocket socket, AsyncSocket async, Transfer send, BooleanSupplier more)
            throws WsaException {
        boolean wouldBlock = false;
        long total = 0;
        try {
            while (true) {
                try {
                    total += send.run();
                    if (socket.isNonBlocking() || !more.getAsBoolean()) {
                        return (int) Math.min(total, Integer.MAX_VALUE);
                    }
                } catch (WsaException e) {
                    wouldBlock = e.error() == WsaError.WSAEWOULDBLOCK;
                    awaitIfBlocking(e, s, socket, true);
                }
            }
        } finally {
            async.reenable(NetworkEvents.FD_WRITE, wouldBlock);
        }
    }

    /** Rethrows unless it is a would-block of a Winsock-blocking socket; then waits until ready. */
    private void awaitIfBlocking(WsaException e, SocketHandle s, TcpipSocket socket, boolean write) throws WsaException {
        if (e.error() != WsaError.WSAEWOULDBLOCK || socket.isNonBlocking()) {
            throw e;
        }
        FdSet set = FdSet.of(s);
        selection.select(this, write ? null : set, write ? set : null, null, null);
    }

    @Override
    public int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        TcpipSocket l = socketOf(listener);
        TcpipSocket target = socketOf(accept);
        if (!(l instanceof TcpSocket) || !(target instanceof TcpSocket)) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "AcceptEx works on TCP sockets");
        }
        ((TcpSocket) l).checkAcceptInto((TcpSocket) target);
        return l.async().accept(listener, (TcpSocket) target, overlapped, routine, thread);
    }

    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (!(socket instanceof TcpSocket)) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "ConnectEx works on TCP sockets; connect a datagram socket"
                    + " with WSPConnect");
        }
        return socket.async().connect(s, name, overlapped, routine, thread);
    }

    @Override
    public int cancelIo(SocketHandle s, Overlapped overlapped) throws WsaException {
        AsyncSocket async = socketOf(s).asyncIfAny();
        return async == null ? 0 : async.cancel(overlapped);
    }

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        if (events != 0 && event == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPEventSelect needs an event object to signal");
        }
        socketOf(s).async().select(s, event, null, 0, events);
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        if (events != 0 && window == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPAsyncSelect needs a window to post to");
        }
        socketOf(s).async().select(s, null, window, message, events);
    }

    @Override
    public NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        TcpipSocket socket = socketOf(s);
        AsyncSocket async = socket.asyncIfAny();
        return async == null ? NetworkEventSelection.nothingRecorded(upcall, event) : async.enumNetworkEvents(event);
    }

    /** Finds the socket of a call that completes at once, refusing overlapped arguments. */
    private TcpipSocket synchronous(SocketHandle s, Overlapped overlapped, CompletionRoutine routine, ThreadId thread,
            String function) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (overlapped != null || routine != null || thread != null) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": the tcpip provider's control codes complete at once;"
                    + " pass no overlapped structure");
        }
        return socket;
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        socketOf(s).shutdown(how, "WSPShutdown");
    }

    /** {@code WSPRecvDisconnect}: shuts receiving down; TCP has no disconnect data ({@code XP1_DISCONNECT_DATA}). */
    @Override
    public void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException {
        disconnect(s, inboundData, ShutdownHow.SD_RECEIVE, "WSPRecvDisconnect");
    }

    /** {@code WSPSendDisconnect}: shuts sending down; TCP has no disconnect data ({@code XP1_DISCONNECT_DATA}). */
    @Override
    public void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException {
        disconnect(s, outboundData, ShutdownHow.SD_SEND, "WSPSendDisconnect");
    }

    private void disconnect(SocketHandle s, ByteBuffer disconnectData, int how, String function) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (disconnectData != null) {
            throw new WsaException(WsaError.WSAENOPROTOOPT, function + ": the tcpip provider has no disconnect data"
                    + " (XP1_DISCONNECT_DATA is not set); pass null");
        }
        socket.shutdown(how, function);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A socket shared with {@code WSPDuplicateSocket} stays open until its last descriptor closes.
     */
    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (sockets.remove(s) == null) {
            throw new WsaException(WsaError.WSAENOTSOCK, "WSPCloseSocket: " + socket.describe() + " is already closed");
        }
        if (socket.releaseDescriptor()) {
            socket.close(false);
        }
    }

    /** {@code WSPCleanup}: every dispatch serves one startup, so its first cleanup resets what is still open. */
    @Override
    public void cleanup() throws WsaException {
        if (!started.compareAndSet(true, false)) {
            throw notInitialised();
        }
        WsaException failure = null;
        for (SocketHandle h : sockets.keySet()) {
            TcpipSocket socket = sockets.remove(h);
            try {
                if (socket != null && socket.releaseDescriptor()) {
                    socket.close(true);
                }
            } catch (WsaException e) {
                failure = Failures.chain(failure, e);
            }
        }
        synchronized (this) {
            if (reactor != null) {
                reactor.close();
            }
        }
        try {
            selection.close();
        } catch (IOException e) {
            failure = Failures.chain(failure, new WsaException(WsaError.WSAENETDOWN, "WSPCleanup could not close a"
                    + " selector: " + e, e));
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public SockAddr getPeerName(SocketHandle s) throws WsaException {
        return socketOf(s).peerName();
    }

    @Override
    public SockAddr getSockName(SocketHandle s) throws WsaException {
        return socketOf(s).localName();
    }

    @Override
    public <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException {
        return socketOf(s).getSockOpt(option);
    }

    @Override
    public <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException {
        socketOf(s).setSockOpt(option, value);
    }

    /**
     * {@code WSPIoctl}: {@code FIONBIO}, {@code FIONREAD} and {@code SIOCATMARK}, with {@code u_long}
     * arguments as 4-byte integers in the buffers' byte order; {@code in} is read without moving its
     * position, the result is written at {@code out}'s position, which advances.
     */
    @Override
    public int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        TcpipSocket socket = synchronous(s, overlapped, routine, thread, "WSPIoctl");
        switch (code) {
            case IoctlCodes.FIONBIO:
                requireBytes(in, "input", "FIONBIO");
                boolean nonBlocking = in.getInt(in.position()) != 0;
                AsyncSocket async = socket.asyncIfAny();
                if (!nonBlocking && async != null && async.isSelecting()) {
                    throw new WsaException(WsaError.WSAEINVAL, "FIONBIO: " + socket.describe() + " has events selected"
                            + " (WSPEventSelect or WSPAsyncSelect), which keep it non-blocking; select 0 events first");
                }
                socket.setNonBlocking(nonBlocking);
                return 0;
            case IoctlCodes.FIONREAD:
                requireBytes(out, "output", "FIONREAD");
                out.putInt(socket.readable());
                return U_LONG;
            case IoctlCodes.SIOCATMARK:
                requireBytes(out, "output", "SIOCATMARK");
                out.putInt(1); // no out-of-band data ever waits: this provider has none
                return U_LONG;
            default:
                boolean optional = (code & IOC_TYPE_MASK) == IOC_WS2;
                throw new WsaException(optional ? WsaError.WSAENOPROTOOPT : WsaError.WSAEINVAL, "WSPIoctl: code 0x"
                        + Integer.toHexString(code) + (optional ? " is an optional Winsock 2 code the tcpip provider"
                                + " does not support" : " is not a control code of the tcpip provider"));
        }
    }

    private static void requireBytes(ByteBuffer buffer, String which, String code) throws WsaException {
        if (buffer == null || buffer.remaining() < U_LONG) {
            throw new WsaException(WsaError.WSAEFAULT, code + " needs a 4-byte " + which + " buffer, got "
                    + (buffer == null ? "none" : buffer.remaining() + " bytes"));
        }
    }

    @Override
    public int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        requireStarted();
        return selection.select(this, read, write, except, timeout);
    }

    /** {@code WSPGetQOSByName}: the named templates of {@link QosTemplates}, handed out, not enforced. */
    @Override
    public Qos getQosByName(SocketHandle s, String name) throws WsaException {
        socketOf(s);
        return QosTemplates.byName(name);
    }

    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException {
        TcpipSocket socket = socketOf(s);
        return socket.info.toBuilder().providerReserved(shared.offer(socket)).build();
    }

    /** {@code WSPSocket} with a duplicated info: a new descriptor of the offered socket. */
    private SocketHandle openShared(ProtocolInfo info) throws WsaException {
        TcpipSocket socket = shared.take(info.providerReserved());
        socket.share();
        SocketHandle handle;
        try {
            handle = upcall.modifyIfsHandle(info.catalogEntryId(), socket);
        } catch (WsaException | RuntimeException e) {
            if (socket.releaseDescriptor()) {
                closeAfterFailure(socket, e);
            }
            throw e;
        }
        sockets.put(handle, socket);
        return handle;
    }

    /** {@code WSPJoinLeaf}: joins an IP multicast group with a UDP leaf; returns the same socket. */
    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (!(socket instanceof UdpSocket)) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPJoinLeaf: " + socket.describe() + " is a stream socket;"
                    + " only UDP leaves join multicast groups");
        }
        ((UdpSocket) socket).joinLeaf(name, data, flags);
        return s;
    }

    /**
     * {@inheritDoc}
     *
     * <p>ws2.core calls this on the blocked thread after interrupting it, and the interrupt has
     * already ended the wait: a selector wait ({@code WSPSelect}, a blocking {@code WSPAccept})
     * returns with the socket intact, a channel operation fails and java.nio closes the channel, so
     * only {@code WSPCloseSocket} is useful on that socket afterwards, as the SPI warns.
     */
    @Override
    public void cancelBlockingCall() throws WsaException {
        requireStarted();
        if (!Thread.currentThread().isInterrupted()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPCancelBlockingCall: the calling thread has no blocking call"
                    + " being cancelled");
        }
    }
}
