package ws2.provider.tcpip;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;

import ws2.api.AcceptCondition;
import ws2.api.ConnectData;
import ws2.api.Linger;
import ws2.api.MessageFlags;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;

/**
 * A TCP socket: a {@link SocketChannel} until it listens, a {@link ServerSocketChannel} after.
 *
 * <h2>Listening</h2>
 * A Winsock socket does not say at creation whether it will connect or listen, so it starts as a
 * {@link SocketChannel}, which {@code WSPBind} binds. {@code WSPListen} closes that channel and
 * binds a {@link ServerSocketChannel} to the same address and port: a bound, never-connected TCP
 * socket frees its port at once, but another process may take the port in between, and then
 * {@code WSPListen} fails with {@code WSAEADDRINUSE}. Option values the application set move to the
 * new channel (and on to accepted sockets); those a server channel cannot hold are answered from
 * what the socket had before it listened.
 *
 * <h2>Receiving</h2>
 * The data path ({@link #send(ByteBuffer, int)}, {@link #recv(ByteBuffer, int)} without flags)
 * is one channel call. Everything else receives through a small per-socket <em>peek buffer</em>
 * that later receives drain first: {@code MSG_PEEK} (java.nio cannot peek), and receives under
 * {@code SO_RCVTIMEO}, which read through the channel's socket adaptor, whose timed read really
 * times out ({@code WSAETIMEDOUT}) and needs a byte array. A failed connect closes a java.nio
 * channel, while Winsock lets the socket try again, so the socket then gets a fresh channel, bound
 * to its old address if {@code WSPBind} had bound it.
 */
final class TcpSocket extends TcpipSocket {
    /** The backlog a {@code SOMAXCONN} (or larger) {@code WSPListen} gets; the system may lower it. */
    private static final int MAX_BACKLOG = 4096;
    /** The peek buffer's first size. */
    private static final int PEEK_INITIAL = 8 * 1024;
    /** The most a {@code MSG_PEEK} shows, and the most a timed receive takes at once. */
    private static final int PEEK_MAX = 64 * 1024;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** The stream channel; null once listening. */
    private volatile SocketChannel stream;
    /** The listening channel; null until {@code WSPListen}. */
    private volatile ServerSocketChannel server;
    /** Connections an accept condition deferred ({@code CF_DEFER}), returned first by the next accept. */
    private final Deque<SocketChannel> deferred = new ConcurrentLinkedDeque<>();
    /** The {@code l_linger} time, kept while lingering is off so {@code SO_DONTLINGER = FALSE} can restore it. */
    private volatile int lingerSeconds;
    /** JDK option values of the stream channel at {@code WSPListen}. */
    private volatile Map<SocketOption<?>, Object> beforeListen = Map.of();
    private InetSocketAddress bound; // guarded by modeLock: where WSPBind bound the socket

    private final Object peekLock = new Object();
    private ByteBuffer peek = EMPTY; // guarded by peekLock; read mode: the peeked bytes
    private volatile int peeked; // peek.remaining(), readable without the lock
    private InputStream input; // guarded by peekLock: adaptor stream of inputChannel
    private SocketChannel inputChannel; // guarded by peekLock

    /**
     * Makes the state of a new or accepted TCP socket.
     *
     * @param dispatch the dispatch creating it
     * @param info the catalog entry
     * @param family {@code AF_INET} or {@code AF_INET6}
     * @param stream its channel, of that family
     */
    TcpSocket(TcpipDispatch dispatch, ProtocolInfo info, int family, SocketChannel stream) {
        super(dispatch, info, family);
        this.stream = stream;
    }

    @Override
    public SelectableChannel channel() {
        SocketChannel ch = stream; // WSPListen sets server before it clears stream
        return ch != null ? ch : server;
    }

    @Override
    int type() {
        return SocketType.SOCK_STREAM;
    }

    @Override
    boolean isListening() {
        return server != null;
    }

    @Override
    Map<SocketOption<?>, Object> optionsBeforeListen() {
        return beforeListen;
    }

    @Override
    void bind(SockAddr name) throws WsaException {
        InetSocketAddress local = Addresses.inet(name, family, WsaError.WSAEFAULT, "WSPBind");
        synchronized (modeLock) {
            SocketChannel ch = stream;
            if (bound != null || ch == null) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPBind: " + describe() + " is already bound to " + bound);
            }
            try {
                ch.bind(local);
                bound = (InetSocketAddress) ch.getLocalAddress();
            } catch (IOException | RuntimeException e) {
                throw failure(e, "WSPBind to " + name);
            }
        }
    }

    @Override
    void listen(int backlog) throws WsaException {
        synchronized (modeLock) {
            if (server != null) {
                return; // a second WSPListen succeeds; java.nio cannot change a bound channel's backlog
            }
            SocketChannel ch = stream;
            if (ch.isConnected() || ch.isConnectionPending()) {
                throw new WsaException(WsaError.WSAEISCONN, "WSPListen: " + describe() + " is connected or connecting");
            }
            if (bound == null) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPListen: " + describe() + " is not bound; call WSPBind first");
            }
            ServerSocketChannel ss = null;
            Map<SocketOption<?>, Object> before;
            try {
                ss = ServerSocketChannel.open(protocolFamily(family));
                applyOptions(ss);
                before = snapshot(ch);
                ch.close();
                ss.bind(bound, Math.max(1, Math.min(backlog, MAX_BACKLOG)));
                applyMode(ss);
            } catch (IOException | RuntimeException e) {
                WsaException failure = failure(e, "WSPListen on " + bound);
                closeAfterFailure(ss, failure);
                reopen(ch, failure);
                throw failure;
            }
            beforeListen = before;
            server = ss;
            stream = null;
        }
    }

    private static Map<SocketOption<?>, Object> snapshot(SocketChannel ch) throws IOException {
        Map<SocketOption<?>, Object> values = new HashMap<>();
        for (Option o : Option.values()) {
            if (o.jdk != null && ch.supportedOptions().contains(o.jdk)) {
                values.put(o.jdk, ch.getOption(o.jdk));
            }
        }
        return Map.copyOf(values);
    }

    @Override
    SocketHandle accept(AcceptCondition condition) throws WsaException {
        ServerSocketChannel ss = server;
        if (ss == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPAccept: " + describe() + " is not listening; call WSPListen first");
        }
        SocketChannel ch = deferred.pollFirst();
        if (ch == null) {
            try {
                ch = ss.accept();
            } catch (IOException | RuntimeException e) {
                throw failure(e, "WSPAccept");
            }
            if (ch == null) {
                throw WsaException.wouldBlock();
            }
        }
        if (condition != null) {
            decide(ch, condition);
        }
        TcpSocket accepted = new TcpSocket(dispatch, info, family, ch);
        try {
            accepted.inherit(this, ch);
            accepted.lingerSeconds = lingerSeconds;
        } catch (IOException | RuntimeException e) {
            WsaException failure = failure(e, "WSPAccept");
            closeAfterFailure(ch, failure);
            throw failure;
        }
        SocketHandle h = dispatch.register(accepted, info.catalogEntryId());
        AsyncSocket listenerAsync = asyncIfAny();
        if (listenerAsync != null && listenerAsync.isSelecting()) {
            accepted.async().inherit(listenerAsync, h);
        }
        return h;
    }

    /**
     * {@code AcceptEx}: checks that {@code target} can take a connection: a fresh TCP socket of the
     * same entry, not bound, connected or listening.
     *
     * @param target the socket to accept into
     * @throws WsaException {@code WSAEINVAL} if this socket does not listen or the target is not fresh
     */
    void checkAcceptInto(TcpSocket target) throws WsaException {
        if (server == null) {
            throw new WsaException(WsaError.WSAEINVAL, "AcceptEx: " + describe() + " is not listening; call WSPListen first");
        }
        synchronized (target.modeLock) {
            SocketChannel ch = target.stream;
            if (target == this || ch == null || target.bound != null || ch.isConnected() || ch.isConnectionPending()
                    || target.family != family) {
                throw new WsaException(WsaError.WSAEINVAL, "AcceptEx: " + target.describe() + " must be a new, unbound"
                        + " and unconnected socket of the listener's family");
            }
        }
    }

    /**
     * {@code AcceptEx}, non-blocking: takes a waiting connection into {@code target}, which gets the
     * listener's options and, if the listener has them, its selected network events.
     *
     * @param target a socket {@link #checkAcceptInto} accepted
     * @param listenerAsync this socket's asynchronous side
     * @return false if no connection waits
     * @throws WsaException if accepting or installing the connection failed
     */
    boolean acceptInto(TcpSocket target, AsyncSocket listenerAsync) throws WsaException {
        SocketChannel ch = deferred.pollFirst();
        try {
            if (ch == null) {
                ch = server.accept();
            }
        } catch (IOException | RuntimeException e) {
            throw failure(e, "AcceptEx");
        }
        if (ch == null) {
            return false;
        }
        synchronized (target.modeLock) {
            SocketChannel fresh = target.stream;
            try {
                target.stream = ch;
                target.inherit(this, ch);
                target.lingerSeconds = lingerSeconds;
                fresh.close();
            } catch (IOException | RuntimeException e) {
                WsaException failure = failure(e, "AcceptEx");
                closeAfterFailure(ch, failure);
                throw failure;
            }
        }
        if (listenerAsync.isSelecting()) {
            target.async().inherit(listenerAsync, target.handle());
        }
        return true;
    }

    /** Runs the accept condition; returns if it accepts, throws if it rejects or defers. */
    private void decide(SocketChannel ch, AcceptCondition condition) throws WsaException {
        SockAddr caller;
        SockAddr callee;
        try {
            caller = SockAddr.of((InetSocketAddress) ch.getRemoteAddress());
            callee = SockAddr.of((InetSocketAddress) ch.getLocalAddress());
        } catch (IOException | RuntimeException e) {
            WsaException failure = failure(e, "WSPAccept");
            closeAfterFailure(ch, failure);
            throw failure;
        }
        int verdict = AcceptCondition.CF_DEFER; // if the condition throws, the connection stays queued
        try {
            verdict = condition.condition(caller, null, null, null, callee, null);
        } finally {
            if (verdict == AcceptCondition.CF_DEFER) {
                deferred.offerFirst(ch);
            }
        }
        if (verdict == AcceptCondition.CF_ACCEPT) {
            return;
        }
        if (verdict == AcceptCondition.CF_DEFER) {
            throw new WsaException(WsaError.WSATRY_AGAIN, "WSPAccept: the condition function deferred the connection from "
                    + caller + "; it stays first in the queue");
        }
        WsaException refusal = verdict == AcceptCondition.CF_REJECT
                ? new WsaException(WsaError.WSAECONNREFUSED, "WSPAccept: the condition function rejected the connection from "
                        + caller)
                : new WsaException(WsaError.WSAEINVAL, "WSPAccept: the condition function returned " + verdict
                        + ", not CF_ACCEPT, CF_REJECT or CF_DEFER; the connection from " + caller + " was reset");
        IOException resetFailure = close(ch, true, null);
        if (resetFailure != null) {
            refusal.addSuppressed(resetFailure);
        }
        throw refusal;
    }

    @Override
    void connect(SockAddr name, ConnectData data) throws WsaException {
        InetSocketAddress remote = Addresses.remote(name, family, "WSPConnect");
        refuseConnectData(data);
        SocketChannel ch = stream;
        if (ch == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPConnect: " + describe() + " is listening and cannot connect");
        }
        if (ch.isConnectionPending()) {
            throw completeConnect(ch) ? alreadyConnected() : new WsaException(WsaError.WSAEALREADY, "WSPConnect: "
                    + describe() + " is still connecting; select reports it writable when connected");
        }
        if (ch.isConnected()) {
            throw alreadyConnected();
        }
        boolean connected;
        try {
            connected = ch.connect(remote);
        } catch (IOException | RuntimeException e) {
            throw connectFailed(ch, e);
        }
        if (!connected) {
            throw WsaException.wouldBlock();
        }
    }

    private static void refuseConnectData(ConnectData data) throws WsaException {
        if (data == null) {
            return;
        }
        if (data.callerData() != null && data.callerData().hasRemaining()) {
            throw new WsaException(WsaError.WSAEPROTONOSUPPORT, "WSPConnect: TCP carries no connect data (XP1_CONNECT_DATA"
                    + " is not set), got " + data.callerData().remaining() + " bytes");
        }
        if (data.sqos() != null || data.gqos() != null) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPConnect: this provider has no QOS (XP1_QOS_SUPPORTED is not set)");
        }
    }

    private WsaException alreadyConnected() {
        return new WsaException(WsaError.WSAEISCONN, "WSPConnect: " + describe() + " is already connected");
    }

    /**
     * Finishes a non-blocking connect.
     *
     * @param ch the stream channel, connecting
     * @return true once connected, false while the connect is still in progress
     * @throws WsaException the connect's failure; the socket has a fresh channel for another try
     */
    private boolean completeConnect(SocketChannel ch) throws WsaException {
        try {
            return ch.finishConnect();
        } catch (IOException | RuntimeException e) {
            throw connectFailed(ch, e);
        }
    }

    private WsaException connectFailed(SocketChannel ch, Exception e) {
        WsaException failure = failure(e, "WSPConnect");
        if (!isClosed()) {
            reopen(ch, failure);
        }
        return failure;
    }

    /**
     * Replaces a stream channel java.nio closed after a failed connect or listen: a new channel with
     * the socket's options and mode, bound where {@code WSPBind} bound the old one. A failure to do so
     * is added to the failure that caused it.
     */
    private void reopen(SocketChannel old, WsaException cause) {
        synchronized (modeLock) {
            if (stream != old || old.isOpen()) {
                return;
            }
            try {
                SocketChannel ch = SocketChannel.open(protocolFamily(family));
                stream = ch;
                applyOptions(ch);
                applyMode(ch);
                if (bound != null) {
                    ch.bind(bound);
                }
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    }

    /**
     * Returns the stream channel of a connected socket, finishing a non-blocking connect that has
     * completed (the selector may not have been asked).
     */
    private SocketChannel connected(String function) throws WsaException {
        SocketChannel ch = stream;
        if (ch != null && (ch.isConnected() || ch.isConnectionPending() && completeConnect(ch))) {
            return ch;
        }
        throw notConnected(function);
    }

    @Override
    boolean isConnected() {
        SocketChannel ch = stream;
        return ch != null && ch.isConnected();
    }

    @Override
    boolean isConnecting() {
        SocketChannel ch = stream;
        return ch != null && ch.isConnectionPending();
    }

    @Override
    boolean connectFinished() throws WsaException {
        SocketChannel ch = stream;
        return ch != null && (ch.isConnected() || ch.isConnectionPending() && completeConnect(ch));
    }

    /** Receives what the channel has into the peek buffer, where later receives find it first. */
    @Override
    int peekState() throws WsaException {
        SocketChannel ch = connected("WSPRecv");
        synchronized (peekLock) {
            if (peek.hasRemaining()) {
                return peek.remaining();
            }
            int n = fill(ch, PEEK_INITIAL);
            if (n < 0) {
                return 0;
            }
            if (n == 0) {
                throw WsaException.wouldBlock();
            }
            return n;
        }
    }

    @Override
    int buffered() {
        return peeked;
    }

    @Override
    int send(ByteBuffer src, int flags) throws WsaException {
        return write(src, null, flags);
    }

    @Override
    int send(ByteBuffer[] srcs, int flags) throws WsaException {
        return write(null, srcs, flags);
    }

    @Override
    int sendTo(ByteBuffer[] srcs, int flags, SockAddr to) throws WsaException {
        return write(null, srcs, flags); // a connection-oriented socket ignores the address
    }

    /**
     * Sends from {@code src} or, when it is null, from {@code srcs}: two parameters so the
     * single-buffer data path allocates no array. A blocking send sends everything; a non-blocking
     * one what fits, {@code WSAEWOULDBLOCK} if nothing does.
     */
    private int write(ByteBuffer src, ByteBuffer[] srcs, int flags) throws WsaException {
        if (flags != 0) {
            checkFlags(flags, 0, "WSPSend");
        }
        SocketChannel ch = connected("WSPSend");
        long sent = 0;
        try {
            long n;
            do {
                n = src != null ? ch.write(src) : srcs.length == 1 ? ch.write(srcs[0]) : ch.write(srcs);
                sent += n;
            } while (n > 0 && hasRemaining(src, srcs) && ch.isBlocking());
        } catch (IOException | RuntimeException e) {
            throw sendFailure(e, "WSPSend");
        }
        if (sent == 0 && hasRemaining(src, srcs)) {
            throw WsaException.wouldBlock();
        }
        return (int) Math.min(sent, Integer.MAX_VALUE);
    }

    private static boolean hasRemaining(ByteBuffer src, ByteBuffer[] srcs) {
        return src != null ? src.hasRemaining() : Buffers.remaining(srcs) > 0;
    }

    @Override
    int recv(ByteBuffer dst, int flags) throws WsaException {
        if ((flags | peeked | rcvTimeout) != 0) {
            return recv(new ByteBuffer[] {dst}, flags);
        }
        SocketChannel ch = connected("WSPRecv");
        int n;
        try {
            n = ch.read(dst);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPRecv");
        }
        if (n < 0) {
            return endOfStream();
        }
        if (n == 0 && dst.hasRemaining()) {
            throw WsaException.wouldBlock();
        }
        return n;
    }

    @Override
    int recv(ByteBuffer[] dsts, int flags) throws WsaException {
        checkFlags(flags, MessageFlags.MSG_PEEK | MessageFlags.MSG_WAITALL, "WSPRecv");
        boolean waitAll = (flags & MessageFlags.MSG_WAITALL) != 0;
        boolean peekOnly = (flags & MessageFlags.MSG_PEEK) != 0;
        if (waitAll && (peekOnly || isNonBlocking())) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPRecv: MSG_WAITALL needs a blocking socket and no MSG_PEEK");
        }
        SocketChannel ch = connected("WSPRecv");
        if (inputShutdown) {
            throw receiveShutDown("WSPRecv");
        }
        if (peekOnly) {
            return peek(ch, dsts);
        }
        long total = 0;
        while (Buffers.remaining(dsts) > 0) {
            long n = receiveOnce(ch, dsts);
            if (n < 0) {
                return total > 0 ? (int) total : endOfStream();
            }
            if (n == 0) {
                if (total == 0) {
                    throw WsaException.wouldBlock();
                }
                break;
            }
            total += n;
            if (!waitAll) {
                break;
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    @Override
    Received recvFrom(ByteBuffer[] dsts, int flags) throws WsaException {
        return new Received(recv(dsts, flags), 0, null); // a connection-oriented socket reports no sender
    }

    /** At the end of the stream a receive returns 0, unless the application shut receiving down. */
    private int endOfStream() throws WsaException {
        if (inputShutdown) {
            throw receiveShutDown("WSPRecv");
        }
        return 0;
    }

    /**
     * One receive: peeked bytes first; else the channel, through the peek buffer when a timeout
     * applies.
     *
     * @return bytes received, -1 at the end of the stream, 0 if a non-blocking socket has none
     */
    private long receiveOnce(SocketChannel ch, ByteBuffer[] dsts) throws WsaException {
        if (peeked == 0 && (rcvTimeout == 0 || !ch.isBlocking())) {
            try {
                return dsts.length == 1 ? ch.read(dsts[0]) : ch.read(dsts); // read(2), not readv(2), for one buffer
            } catch (IOException | RuntimeException e) {
                throw failure(e, "WSPRecv");
            }
        }
        synchronized (peekLock) {
            if (!peek.hasRemaining()) {
                int n = fill(ch, (int) Math.min(Buffers.remaining(dsts), PEEK_MAX));
                if (n <= 0) {
                    return n;
                }
            }
            int n = Buffers.scatter(peek, dsts);
            peeked = peek.remaining();
            return n;
        }
    }

    /**
     * {@code MSG_PEEK}: copies up to 64 KiB of what has arrived without consuming it. With nothing
     * peeked yet it receives as a receive would (blocking, timed or not); with bytes peeked it adds
     * only what has already arrived, so it never blocks then.
     */
    private int peek(SocketChannel ch, ByteBuffer[] dsts) throws WsaException {
        int want = (int) Math.min(Buffers.remaining(dsts), PEEK_MAX);
        synchronized (peekLock) {
            if (want > peek.remaining() && (!peek.hasRemaining() || available(ch) > 0)) {
                int n = fill(ch, want);
                if (n < 0 && !peek.hasRemaining()) {
                    return endOfStream();
                }
                if (n == 0 && !peek.hasRemaining()) {
                    throw WsaException.wouldBlock();
                }
            }
            int start = peek.position();
            int n = Buffers.scatter(peek, dsts);
            peek.position(start);
            return n;
        }
    }

    /**
     * Receives into the peek buffer until it holds up to {@code want} bytes. The caller holds
     * {@link #peekLock}.
     *
     * @return bytes received, -1 at the end of the stream, 0 if a non-blocking socket has none
     */
    private int fill(SocketChannel ch, int want) throws WsaException {
        if (peek.capacity() < want) {
            peek = ByteBuffer.allocate(Math.max(want, PEEK_INITIAL)).put(peek).flip();
        }
        peek.compact().limit(want);
        try {
            return rcvTimeout != 0 && ch.isBlocking() ? timedRead(ch) : ch.read(peek);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPRecv");
        } finally {
            peek.flip();
            peeked = peek.remaining();
        }
    }

    /**
     * A blocking receive bounded by {@code SO_RCVTIMEO}, through the socket adaptor's timed read
     * (a {@link java.net.SocketTimeoutException} becomes {@code WSAETIMEDOUT}). The caller holds
     * {@link #peekLock}; the peek buffer is in write mode.
     */
    private int timedRead(SocketChannel ch) throws IOException {
        ch.socket().setSoTimeout(rcvTimeout);
        int n = input(ch).read(peek.array(), peek.arrayOffset() + peek.position(), peek.remaining());
        if (n > 0) {
            peek.position(peek.position() + n);
        }
        return n;
    }

    /** The adaptor input stream of the stream channel. The caller holds {@link #peekLock}. */
    private InputStream input(SocketChannel ch) throws IOException {
        if (inputChannel != ch) {
            input = ch.socket().getInputStream();
            inputChannel = ch;
        }
        return input;
    }

    /** Bytes the system holds for the channel. The caller holds {@link #peekLock}. */
    private int available(SocketChannel ch) throws WsaException {
        try {
            return input(ch).available();
        } catch (IOException | RuntimeException e) {
            throw failure(e, "FIONREAD");
        }
    }

    @Override
    int readable() throws WsaException {
        SocketChannel ch = stream;
        synchronized (peekLock) {
            boolean open = ch != null && ch.isConnected() && !inputShutdown;
            return peek.remaining() + (open ? available(ch) : 0);
        }
    }

    @Override
    void shutdown(boolean input, boolean output, String function) throws WsaException {
        SocketChannel ch = connected(function);
        try {
            if (input) {
                inputShutdown = true;
                synchronized (peekLock) {
                    peek = EMPTY;
                    peeked = 0;
                }
                ch.shutdownInput();
            }
            if (output) {
                outputShutdown = true;
                ch.shutdownOutput();
            }
        } catch (IOException | RuntimeException e) {
            throw failure(e, function);
        }
    }

    @Override
    SockAddr peerName() throws WsaException {
        SocketChannel ch = connected("WSPGetPeerName");
        try {
            return SockAddr.of((InetSocketAddress) ch.getRemoteAddress());
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPGetPeerName");
        }
    }

    @Override
    Object get(Option o) throws IOException {
        if (o != Option.SO_LINGER && o != Option.SO_DONTLINGER) {
            return super.get(o);
        }
        int seconds = (Integer) jdkOption(o.jdk);
        if (o == Option.SO_DONTLINGER) {
            return seconds < 0;
        }
        return new Linger(seconds >= 0, seconds >= 0 ? seconds : lingerSeconds);
    }

    @Override
    void set(Option o, Object value) throws IOException {
        if (o == Option.SO_LINGER) {
            Linger linger = (Linger) value;
            lingerSeconds = linger.seconds();
            setJdkOption(o.jdk, linger.onOff() ? linger.seconds() : -1);
        } else if (o == Option.SO_DONTLINGER) {
            setJdkOption(o.jdk, (Boolean) value ? -1 : lingerSeconds);
        } else {
            super.set(o, value);
        }
    }

    /**
     * {@code WSPCloseSocket}. With {@code SO_LINGER} on and 0 seconds the close resets the
     * connection; on with a time, a blocking socket waits for its data to go out. A non-blocking
     * Winsock socket would fail the close with {@code WSAEWOULDBLOCK} while data is unsent; java.nio
     * cannot tell whether data is unsent and its close would block for the linger time, so such a
     * close goes on gracefully in the background instead.
     */
    @Override
    void closeChannels(boolean abortive) throws IOException {
        IOException failure = close(stream, abortive, null);
        for (SocketChannel pending; (pending = deferred.pollFirst()) != null;) {
            failure = close(pending, true, failure);
        }
        failure = Failures.close(server, failure);
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Closes a connection of this socket, or one it deferred, with a reset if {@code abortive}.
     *
     * @param ch the connection, or null
     * @param abortive whether to reset it
     * @param failure the failure of earlier steps of the same close, or null
     * @return {@code failure} with this step's failure chained, if any
     */
    private IOException close(SocketChannel ch, boolean abortive, IOException failure) {
        if (ch == null) {
            return failure;
        }
        try (ch) {
            if (abortive) {
                ch.setOption(StandardSocketOptions.SO_LINGER, 0);
            } else if (isNonBlocking() && ch.getOption(StandardSocketOptions.SO_LINGER) > 0) {
                ch.setOption(StandardSocketOptions.SO_LINGER, -1);
            }
        } catch (ClosedChannelException e) {
            return failure; // java.nio closed it already, after a failed connect
        } catch (IOException e) {
            return Failures.chain(failure, e);
        }
        return failure;
    }

    private static void closeAfterFailure(NetworkChannel ch, WsaException failure) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    int interestOps(int interest) {
        SocketChannel ch = stream;
        if (ch == null) {
            return (interest & READ) != 0 ? SelectionKey.OP_ACCEPT : 0;
        }
        if (ch.isConnectionPending()) {
            return (interest & (WRITE | EXCEPT)) != 0 ? SelectionKey.OP_CONNECT : 0;
        }
        if (!ch.isConnected()) {
            return 0; // never ready; java.nio would report the idle socket's POLLHUP as ready for everything
        }
        return ((interest & READ) != 0 ? SelectionKey.OP_READ : 0) | ((interest & WRITE) != 0 ? SelectionKey.OP_WRITE : 0);
    }

    @Override
    int readiness(int interest, int readyOps) {
        int ready = 0;
        if ((readyOps & SelectionKey.OP_CONNECT) != 0) {
            ready |= connectOutcome(interest);
        }
        if ((readyOps & (SelectionKey.OP_READ | SelectionKey.OP_ACCEPT)) != 0 || peeked != 0 || !deferred.isEmpty()) {
            ready |= interest & READ;
        }
        if ((readyOps & SelectionKey.OP_WRITE) != 0) {
            ready |= interest & WRITE;
        }
        return ready;
    }

    /** A non-blocking connect the selector reported done: writable if it succeeded, except if it failed. */
    private int connectOutcome(int interest) {
        SocketChannel ch = stream;
        try {
            return ch != null && ch.isConnectionPending() && completeConnect(ch) ? interest & WRITE : 0;
        } catch (WsaException e) {
            recordError(e);
            return interest & EXCEPT;
        }
    }
}
