package ws2.provider.tcpip;

import java.io.IOException;
import java.net.ProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SocketChannel;
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
import ws2.spi.transport.WspDispatch;
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
 * <p>Overlapped I/O and asynchronous notification ({@code WSPAsyncSelect}, {@code WSPEventSelect})
 * are not supported yet: overlapped arguments fail with {@code WSAEOPNOTSUPP}.
 *
 * <p>Thread-safe.
 */
final class TcpipDispatch implements WspDispatch {
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
    private final AtomicBoolean started = new AtomicBoolean(true);
    private final Set<TcpipSocket> sockets = ConcurrentHashMap.newKeySet();
    private final Selection selection = new Selection();

    /**
     * Makes the dispatch of one {@code WSPStartup}.
     *
     * @param upcall the upcall table of the client context
     * @param data the negotiated {@code WSPDATA}
     */
    TcpipDispatch(Upcall upcall, WsaData data) {
        this.upcall = upcall;
        this.data = data;
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
        if (h instanceof TcpipSocket && ((TcpipSocket) h).dispatch == this && !((TcpipSocket) h).isClosed()) {
            return (TcpipSocket) h;
        }
        requireStarted();
        throw new WsaException(WsaError.WSAENOTSOCK, (s == null ? "a null handle" : "handle " + s.value())
                + (h instanceof TcpipSocket && ((TcpipSocket) h).dispatch == this ? " is closed"
                        : " is not a socket of this tcpip provider context"));
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
        sockets.add(socket);
        if (!started.get()) { // a cleanup ran while the socket was being made: it did not see it
            sockets.remove(socket);
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

    /** {@code WSPSocket}: TCP and UDP over IPv4 and IPv6; 0 and {@code FROM_PROTOCOL_INFO} take the entry's values. */
    @Override
    public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
            throws WsaException {
        requireStarted();
        int family = fromInfo(af, info.addressFamily());
        int socketType = fromInfo(type, info.socketType());
        int proto = fromInfo(protocol, info.protocol());
        if (group != SocketFlags.SG_NONE) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: socket groups are reserved; g must be 0, got " + group);
        }
        if ((flags & MULTIPOINT_FLAGS) != 0) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: this provider has no multipoint sockets"
                    + " (XP1_SUPPORT_MULTIPOINT is not set), got flags 0x" + Integer.toHexString(flags));
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
                    : new UdpSocket(this, info, family, DatagramChannel.open(protocolFamily));
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
        return socketOf(s).accept(condition);
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
        socketOf(s).connect(name, data);
    }

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        return socketOf(s).send(buffer, flags);
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        return synchronous(s, overlapped, routine, thread, "WSPSend").send(buffers, flags);
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return synchronous(s, overlapped, routine, thread, "WSPSendTo").sendTo(buffers, flags, to);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        return socketOf(s).recv(buffer, flags);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        return synchronous(s, overlapped, routine, thread, "WSPRecv").recv(buffers, flags);
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return synchronous(s, overlapped, routine, thread, "WSPRecvFrom").recvFrom(buffers, flags);
    }

    /** Finds the socket of a call that takes overlapped arguments, refusing them if given. */
    private TcpipSocket synchronous(SocketHandle s, Overlapped overlapped, CompletionRoutine routine, ThreadId thread,
            String function) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (overlapped != null || routine != null || thread != null) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, function + ": the tcpip provider has no overlapped I/O"
                    + " yet; overlapped I/O arrives with issue 4");
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

    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        TcpipSocket socket = socketOf(s);
        if (!sockets.remove(socket)) {
            throw new WsaException(WsaError.WSAENOTSOCK, "WSPCloseSocket: " + socket.describe() + " is already closed");
        }
        socket.close(false);
    }

    /** {@code WSPCleanup}: every dispatch serves one startup, so its first cleanup resets what is still open. */
    @Override
    public void cleanup() throws WsaException {
        if (!started.compareAndSet(true, false)) {
            throw notInitialised();
        }
        WsaException failure = null;
        for (TcpipSocket socket : sockets) {
            sockets.remove(socket);
            try {
                socket.close(true);
            } catch (WsaException e) {
                failure = Failures.chain(failure, e);
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
                socket.setNonBlocking(in.getInt(in.position()) != 0);
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

    /** {@code WSPGetQOSByName}: there are no templates, as {@code XP1_QOS_SUPPORTED} is not set. */
    @Override
    public Qos getQosByName(SocketHandle s, String name) throws WsaException {
        socketOf(s);
        throw new WsaException(WsaError.WSAEINVAL, "WSPGetQOSByName: this provider has no QOS templates"
                + " (XP1_QOS_SUPPORTED is not set), so none is named " + name);
    }

    // Asynchronous and overlapped functions: refused in one way, with no fake success, until issue 4.

    private WsaException notYet(String function) throws WsaException {
        requireStarted();
        return new WsaException(WsaError.WSAEOPNOTSUPP, function + " is not supported by this version of the tcpip"
                + " provider (asynchronous sockets arrive with issue 4)");
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        throw notYet("WSPAsyncSelect");
    }

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        throw notYet("WSPEventSelect");
    }

    @Override
    public NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        throw notYet("WSPEnumNetworkEvents");
    }

    @Override
    public int getOverlappedResult(SocketHandle s, Overlapped overlapped, boolean wait) throws WsaException {
        throw notYet("WSPGetOverlappedResult");
    }

    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException {
        throw notYet("WSPDuplicateSocket");
    }

    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        throw notYet("WSPJoinLeaf");
    }

    @Override
    public void cancelBlockingCall() throws WsaException {
        throw notYet("WSPCancelBlockingCall");
    }
}
