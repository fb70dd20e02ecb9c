package ws2.provider.tcpip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.util.concurrent.locks.ReentrantLock;

import ws2.api.AcceptCondition;
import ws2.api.AddressFamily;
import ws2.api.ConnectData;
import ws2.api.MessageFlags;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;

/**
 * A UDP socket on a {@link DatagramChannel}.
 *
 * <h2>Receiving</h2>
 * Winsock fills the caller's buffers with as much of a datagram as fits and fails with
 * {@code WSAEMSGSIZE} if some was cut off; java.nio cuts silently. So a receive takes the datagram
 * into a per-socket 64 KiB scratch buffer, which holds any UDP datagram, and copies it out, telling
 * a cut-off datagram by its size. The scratch buffer also holds a datagram that {@code MSG_PEEK} or
 * {@code FIONREAD} looked at, until a receive takes it. Receives on the scratch buffer are
 * serialized by a lock; the JDK serializes a channel's receivers anyway. A receive of the data path
 * ({@link #recv(ByteBuffer, int)} without flags or timeout) into a buffer that can hold any datagram
 * skips the scratch buffer and the lock.
 *
 * <p>A Winsock socket must be bound before it receives ({@code WSAEINVAL}); java.nio would bind an
 * unbound channel implicitly, so the socket tracks whether {@code WSPBind}, {@code WSPConnect} or a
 * first {@code WSPSendTo} bound it.
 */
final class UdpSocket extends TcpipSocket {
    /** {@code SO_MAX_MSG_SIZE} of UDP over IPv4: 65535 minus the IPv4 and UDP headers. */
    static final int MAX_IPV4_MESSAGE = 65507;
    /** {@code SO_MAX_MSG_SIZE} of UDP over IPv6: 65535 minus the UDP header. */
    static final int MAX_IPV6_MESSAGE = 65527;
    private static final int SCRATCH_SIZE = 64 * 1024;

    private final DatagramChannel channel;
    private final int maxMessage;
    private final boolean leaf;
    private volatile boolean bound;
    private volatile InetSocketAddress peer;
    private volatile SockAddr group; // the multicast group a sending leaf joined: where WSPSend sends

    private final ReentrantLock receiveLock = new ReentrantLock();
    private ByteBuffer scratch; // guarded by receiveLock; read mode: the held datagram
    private DatagramPacket packet; // guarded by receiveLock: the scratch buffer for timed receives
    private SocketAddress heldFrom; // guarded by receiveLock: the sender of the held datagram
    private volatile boolean holding; // whether the scratch buffer holds a datagram not yet received

    /**
     * Makes the state of a new UDP socket.
     *
     * @param dispatch the dispatch creating it
     * @param info the catalog entry
     * @param family {@code AF_INET} or {@code AF_INET6}
     * @param channel its channel, of that family
     * @param leaf whether it was created as a multipoint leaf ({@code WSA_FLAG_MULTIPOINT_*_LEAF})
     */
    UdpSocket(TcpipDispatch dispatch, ProtocolInfo info, int family, DatagramChannel channel, boolean leaf) {
        super(dispatch, info, family);
        this.channel = channel;
        this.leaf = leaf;
        this.maxMessage = family == AddressFamily.AF_INET6 ? MAX_IPV6_MESSAGE : MAX_IPV4_MESSAGE;
    }

    @Override
    public SelectableChannel channel() {
        return channel;
    }

    @Override
    int type() {
        return SocketType.SOCK_DGRAM;
    }

    @Override
    void bind(SockAddr name) throws WsaException {
        InetSocketAddress local = Addresses.inet(name, family, WsaError.WSAEFAULT, "WSPBind");
        synchronized (modeLock) {
            if (bound) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPBind: " + describe() + " is already bound to " + localName());
            }
            try {
                channel.bind(local);
            } catch (IOException | RuntimeException e) {
                throw failure(e, "WSPBind to " + name);
            }
            bound = true;
        }
    }

    @Override
    void listen(int backlog) throws WsaException {
        throw streamOnly("WSPListen");
    }

    @Override
    SocketHandle accept(AcceptCondition condition) throws WsaException {
        throw streamOnly("WSPAccept");
    }

    private WsaException streamOnly(String function) {
        return new WsaException(WsaError.WSAEOPNOTSUPP, function + " needs a SOCK_STREAM socket; " + describe()
                + " is SOCK_DGRAM");
    }

    /**
     * {@code WSPConnect}: sets the default peer, whose datagrams alone are then received; the
     * all-zero address dissolves the association. Connect data and QOS are ignored, as Winsock
     * ignores them for connectionless sockets.
     */
    @Override
    void connect(SockAddr name, ConnectData data) throws WsaException {
        InetSocketAddress remote = Addresses.inet(name, family, WsaError.WSAEAFNOSUPPORT, "WSPConnect");
        boolean dissolve = Addresses.isWildcard(remote);
        if (!dissolve && remote.getPort() == 0) {
            throw new WsaException(WsaError.WSAEADDRNOTAVAIL, "WSPConnect needs a peer port, not 0 in " + name);
        }
        synchronized (modeLock) {
            try {
                if (peer != null) {
                    channel.disconnect();
                    peer = null;
                }
                if (!dissolve) {
                    channel.connect(remote);
                    peer = remote;
                    bound = true;
                }
            } catch (IOException | RuntimeException e) {
                throw failure(e, "WSPConnect to " + name);
            }
        }
    }

    @Override
    int send(ByteBuffer src, int flags) throws WsaException {
        SockAddr to = group;
        if (peer == null && to == null) {
            throw notConnected("WSPSend");
        }
        return transmit(src, null, flags, to, "WSPSend");
    }

    @Override
    int send(ByteBuffer[] srcs, int flags) throws WsaException {
        SockAddr to = group;
        if (peer == null && to == null) {
            throw notConnected("WSPSend");
        }
        return transmit(null, srcs, flags, to, "WSPSend");
    }

    /**
     * {@code WSPJoinLeaf}: joins the multicast group {@code name}. A receiving leaf binds to the
     * group's port if it was not bound and joins on the interface of its bound address, or on the
     * loopback interface when bound to the wildcard (ws2 keeps multicast on the machine unless told
     * otherwise). A sending leaf sends from then on to the group with {@code WSPSend}, through
     * that interface, with multicast loopback on, so leaves on this machine hear each other.
     *
     * @param name the group address and port
     * @param data connect data and QOS: none may be given
     * @param flags {@code JL_SENDER_ONLY}, {@code JL_RECEIVER_ONLY} or {@code JL_BOTH}
     * @throws WsaException {@code WSAEOPNOTSUPP} for a socket not created as a leaf,
     *         {@code WSAEINVAL} for bad flags or a group that is not multicast,
     *         {@code WSAEPROTONOSUPPORT} for connect data
     */
    void joinLeaf(SockAddr name, ConnectData data, int flags) throws WsaException {
        if (!leaf) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPJoinLeaf: " + describe() + " was not created as a"
                    + " multipoint leaf (WSA_FLAG_MULTIPOINT_C_LEAF | WSA_FLAG_MULTIPOINT_D_LEAF)");
        }
        if (flags != SocketFlags.JL_SENDER_ONLY && flags != SocketFlags.JL_RECEIVER_ONLY && flags != SocketFlags.JL_BOTH) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPJoinLeaf: flags must be JL_SENDER_ONLY (1), JL_RECEIVER_ONLY"
                    + " (2) or JL_BOTH (4), got " + flags);
        }
        if (data != null && (data.callerData() != null || data.sqos() != null || data.gqos() != null)) {
            throw new WsaException(WsaError.WSAEPROTONOSUPPORT, "WSPJoinLeaf: UDP carries no connect data or QOS");
        }
        InetSocketAddress g = Addresses.remote(name, family, "WSPJoinLeaf");
        if (!g.getAddress().isMulticastAddress()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPJoinLeaf: " + g.getAddress().getHostAddress()
                    + " is not a multicast group address");
        }
        synchronized (modeLock) {
            try {
                if (!bound) {
                    channel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
                    channel.bind(new InetSocketAddress(g.getPort()));
                    bound = true;
                }
                NetworkInterface via = joinInterface();
                if (flags != SocketFlags.JL_SENDER_ONLY) {
                    channel.join(g.getAddress(), via); // closing the channel leaves the group
                }
                if (flags != SocketFlags.JL_RECEIVER_ONLY) {
                    channel.setOption(StandardSocketOptions.IP_MULTICAST_IF, via);
                    channel.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
                    group = name;
                }
            } catch (IOException | RuntimeException e) {
                throw failure(e, "WSPJoinLeaf to " + name);
            }
        }
    }

    /** The interface of the bound address, or loopback for the wildcard. The caller holds modeLock. */
    private NetworkInterface joinInterface() throws IOException {
        InetAddress local = ((InetSocketAddress) channel.getLocalAddress()).getAddress();
        NetworkInterface ni = local.isAnyLocalAddress() ? null : NetworkInterface.getByInetAddress(local);
        if (ni == null) {
            ni = NetworkInterface.getByInetAddress(family == AddressFamily.AF_INET6
                    ? InetAddress.getByName("::1") : InetAddress.getLoopbackAddress());
        }
        if (ni == null) {
            throw new SocketException("no interface to join a multicast group on for " + local);
        }
        return ni;
    }

    @Override
    int sendTo(ByteBuffer[] srcs, int flags, SockAddr to) throws WsaException {
        boolean single = srcs.length == 1;
        return transmit(single ? srcs[0] : null, single ? null : srcs, flags, to, "WSPSendTo");
    }

    /**
     * Sends one datagram from {@code src} or, when it is null, from {@code srcs}: two parameters so
     * the single-buffer data path allocates no array. A connected socket sends to its peer and
     * ignores {@code to}, as {@code WSASendTo} does.
     */
    private int transmit(ByteBuffer src, ByteBuffer[] srcs, int flags, SockAddr to, String function)
            throws WsaException {
        if (flags != 0) {
            checkFlags(flags, 0, function);
        }
        if (outputShutdown) {
            throw sendShutDown(function);
        }
        long size = src != null ? src.remaining() : Buffers.remaining(srcs);
        if (size > maxMessage) {
            throw new WsaException(WsaError.WSAEMSGSIZE, function + ": a " + size + "-byte datagram exceeds the "
                    + maxMessage + "-byte limit of UDP over " + AddressFamily.name(family) + " (SO_MAX_MSG_SIZE)");
        }
        InetSocketAddress connectedTo = peer;
        InetSocketAddress target = connectedTo != null ? connectedTo : destination(to, function);
        long sent;
        try {
            if (connectedTo != null) {
                sent = src != null ? channel.write(src) : channel.write(srcs);
            } else if (src != null) {
                sent = channel.send(src, target);
            } else {
                sent = channel.send(Buffers.gather(srcs, (int) size), target);
                if (sent > 0) {
                    Buffers.consume(srcs);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw sendFailure(e, function + " to " + target);
        }
        if (sent == 0 && size > 0) {
            throw WsaException.wouldBlock();
        }
        if (!bound) {
            bound = true; // the first send bound the socket implicitly
        }
        return (int) sent;
    }

    private InetSocketAddress destination(SockAddr to, String function) throws WsaException {
        if (to == null) {
            throw new WsaException(WsaError.WSAEDESTADDRREQ, function + ": " + describe()
                    + " is not connected, so it needs a destination address");
        }
        return Addresses.remote(to, family, function);
    }

    @Override
    int recv(ByteBuffer dst, int flags) throws WsaException {
        if ((flags | rcvTimeout) != 0 || holding || dst.remaining() < maxMessage) {
            return recv(new ByteBuffer[] {dst}, flags);
        }
        requireReceivable("WSPRecv");
        int start = dst.position();
        SocketAddress from;
        try {
            from = channel.receive(dst);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPRecv");
        }
        if (from == null) {
            throw WsaException.wouldBlock();
        }
        return dst.position() - start;
    }

    @Override
    int recv(ByteBuffer[] dsts, int flags) throws WsaException {
        receiveLock.lock();
        try {
            return receive(dsts, flags, "WSPRecv");
        } finally {
            receiveLock.unlock();
        }
    }

    @Override
    Received recvFrom(ByteBuffer[] dsts, int flags) throws WsaException {
        receiveLock.lock();
        try {
            int n = receive(dsts, flags, "WSPRecvFrom");
            return new Received(n, 0, SockAddr.of((InetSocketAddress) heldFrom));
        } finally {
            receiveLock.unlock();
        }
    }

    private void requireReceivable(String function) throws WsaException {
        if (inputShutdown) {
            throw receiveShutDown(function);
        }
        if (!bound) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": " + describe()
                    + " is not bound; bind, connect or send first");
        }
    }

    /**
     * Receives the held datagram, or the next one, through the scratch buffer. The caller holds
     * {@link #receiveLock}; {@link #heldFrom} then names the sender.
     *
     * @return bytes copied
     * @throws WsaException {@code WSAEMSGSIZE} after filling the buffers with a datagram larger
     *         than they are; with {@code MSG_PEEK} it stays held, else the rest is discarded
     */
    private int receive(ByteBuffer[] dsts, int flags, String function) throws WsaException {
        checkFlags(flags, MessageFlags.MSG_PEEK, function);
        requireReceivable(function);
        if (!holding) {
            take(function);
        }
        int size = scratch.remaining();
        int start = scratch.position();
        int n = Buffers.scatter(scratch, dsts);
        boolean peek = (flags & MessageFlags.MSG_PEEK) != 0;
        if (peek) {
            scratch.position(start);
        } else {
            holding = false;
        }
        if (n < size) {
            throw new WsaException(WsaError.WSAEMSGSIZE, function + " on " + describe() + ": the " + size
                    + "-byte datagram from " + heldFrom + " was cut to the " + n + " bytes the buffers hold"
                    + (peek ? "; it stays queued" : ""));
        }
        return n;
    }

    /**
     * Receives the next datagram into the scratch buffer: blocking, non-blocking
     * ({@code WSAEWOULDBLOCK} if none is queued), or through the socket adaptor when
     * {@code SO_RCVTIMEO} bounds a blocking receive ({@code WSAETIMEDOUT}). The caller holds
     * {@link #receiveLock}.
     */
    private void take(String function) throws WsaException {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(SCRATCH_SIZE);
            packet = new DatagramPacket(scratch.array(), SCRATCH_SIZE);
        }
        scratch.clear();
        SocketAddress from;
        try {
            int timeout = rcvTimeout;
            if (timeout != 0 && channel.isBlocking()) {
                DatagramSocket adaptor = channel.socket();
                adaptor.setSoTimeout(timeout);
                packet.setLength(SCRATCH_SIZE);
                adaptor.receive(packet);
                scratch.limit(packet.getLength());
                from = packet.getSocketAddress();
            } else {
                from = channel.receive(scratch);
                scratch.flip();
            }
        } catch (IOException | RuntimeException e) {
            throw failure(e, function);
        }
        if (from == null) {
            throw WsaException.wouldBlock();
        }
        heldFrom = from;
        holding = true;
    }

    /**
     * {@code FIONREAD}: the size of the next datagram, 0 if none is queued. The datagram is taken
     * into the scratch buffer, where the next receive finds it, with the channel held non-blocking
     * for the moment. While another thread receives on the socket, that thread takes whatever is
     * queued, so the answer is 0.
     */
    @Override
    int readable() throws WsaException {
        if (!receiveLock.tryLock()) {
            return 0;
        }
        try {
            if (!holding && bound && !inputShutdown) {
                holdNonBlocking();
                try {
                    take("FIONREAD");
                } catch (WsaException e) {
                    if (e.error() != WsaError.WSAEWOULDBLOCK) {
                        throw e;
                    }
                } finally {
                    releaseNonBlocking();
                }
            }
            return holding ? scratch.remaining() : 0;
        } finally {
            receiveLock.unlock();
        }
    }

    /** {@code WSPShutdown}: UDP has no shutdown on the wire, so this only stops later calls. */
    @Override
    void shutdown(boolean input, boolean output, String function) {
        if (input) {
            inputShutdown = true;
            holding = false;
        }
        if (output) {
            outputShutdown = true;
        }
    }

    @Override
    SockAddr peerName() throws WsaException {
        InetSocketAddress p = peer;
        if (p == null) {
            throw notConnected("WSPGetPeerName");
        }
        return SockAddr.of(p);
    }

    @Override
    Object get(Option o) throws IOException {
        return o == Option.SO_MAX_MSG_SIZE ? maxMessage : super.get(o);
    }

    /** A datagram socket can always send: its first {@code FD_WRITE} is due at once. */
    @Override
    boolean isConnected() {
        return true;
    }

    @Override
    boolean isConnecting() {
        return false;
    }

    @Override
    boolean connectFinished() {
        return true;
    }

    /** A readable datagram socket holds a datagram; there is no end of stream. */
    @Override
    int peekState() {
        return 1;
    }

    @Override
    void closeChannels(boolean abortive) throws IOException {
        channel.close();
    }

    @Override
    int interestOps(int interest) {
        return ((interest & READ) != 0 ? SelectionKey.OP_READ : 0) | ((interest & WRITE) != 0 ? SelectionKey.OP_WRITE : 0);
    }

    @Override
    int readiness(int interest, int readyOps) {
        int ready = 0;
        if ((readyOps & SelectionKey.OP_READ) != 0 || holding) {
            ready |= interest & READ;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            ready |= interest & WRITE;
        }
        return ready;
    }
}
