package ws2.provider.tcpip;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.SocketOption;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.NetworkChannel;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.AcceptCondition;
import ws2.api.AddressFamily;
import ws2.api.ConnectData;
import ws2.api.IfsHandle;
import ws2.api.MessageFlags;
import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;

/**
 * The per-socket state of the tcpip provider: the {@link IfsHandle} it registers with
 * {@code WPUModifyIFSHandle} and gets back from {@link SocketHandle#ifsHandle()} on every call.
 *
 * <p>This class holds what TCP and UDP sockets share: the Winsock blocking mode, the options
 * java.nio does not keep, the pending {@code SO_ERROR}, the shutdown state and the option values
 * the application set. {@link TcpSocket} and {@link UdpSocket} implement the operations.
 *
 * <h2>Blocking mode</h2>
 * The Winsock mode ({@code FIONBIO}) is the channel's JDK blocking mode, except while
 * {@code WSPSelect} (or a UDP {@code FIONREAD}) holds the channel non-blocking to register it with a
 * selector: {@link #holdNonBlocking()} and {@link #releaseNonBlocking()} count those holds under
 * {@link #modeLock} and restore the Winsock mode when the last one ends.
 *
 * <h2>Threads</h2>
 * Thread-safe. The data path reads volatile fields only (a UDP receive that needs the scratch
 * buffer also takes its lock); control operations that change the channel or its mode synchronize
 * on {@link #modeLock}.
 */
abstract class TcpipSocket implements IfsHandle {
    /** {@code WSPSelect} interest and readiness bit: the read set. */
    static final int READ = 1;
    /** {@code WSPSelect} interest and readiness bit: the write set. */
    static final int WRITE = 2;
    /** {@code WSPSelect} interest and readiness bit: the except set. */
    static final int EXCEPT = 4;

    /** The dispatch (client context) that created the socket. */
    final TcpipDispatch dispatch;
    /** The catalog entry the socket was created with ({@code SO_PROTOCOL_INFOW}). */
    final ProtocolInfo info;
    /** {@code AF_INET} or {@code AF_INET6}. */
    final int family;
    /** Guards the blocking mode and every change of the socket's channel. */
    final Object modeLock = new Object();
    /** Receive timeout in milliseconds ({@code SO_RCVTIMEO}), 0 for none. */
    volatile int rcvTimeout;
    /** Whether {@code SD_RECEIVE} shut receiving down. */
    volatile boolean inputShutdown;
    /** Whether {@code SD_SEND} shut sending down. */
    volatile boolean outputShutdown;
    /**
     * JDK option values the application set, by JDK option: applied to every channel the socket
     * gets and answered by {@code WSPGetSockOpt} as set (the operating system may round them).
     */
    private volatile Map<SocketOption<?>, Object> applied = Map.of(); // copied on write, under modeLock: few options, many sockets

    private volatile SocketHandle handle;
    private volatile AsyncSocket async;
    private final AtomicInteger descriptors = new AtomicInteger(1);
    private volatile boolean shared;
    private volatile boolean closed;
    private volatile int sndTimeout;
    private volatile boolean oobInline;
    private volatile boolean debug;
    private volatile boolean dontRoute;
    private final AtomicInteger pendingError = new AtomicInteger();
    private boolean nonBlocking; // guarded by modeLock
    private int nonBlockingHolds; // guarded by modeLock

    /**
     * Makes the shared state of a socket.
     *
     * @param dispatch the dispatch creating it
     * @param info the catalog entry
     * @param family {@code AF_INET} or {@code AF_INET6}
     */
    TcpipSocket(TcpipDispatch dispatch, ProtocolInfo info, int family) {
        this.dispatch = dispatch;
        this.info = info;
        this.family = family;
    }

    /**
     * Returns the java.nio protocol family of an address family.
     *
     * @param family {@code AF_INET} or {@code AF_INET6}
     * @return {@code INET} or {@code INET6}
     */
    static ProtocolFamily protocolFamily(int family) {
        return family == AddressFamily.AF_INET6 ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET;
    }

    /**
     * Returns the socket type.
     *
     * @return {@code SOCK_STREAM} or {@code SOCK_DGRAM}
     */
    abstract int type();

    // The operations below have the contracts, arguments and error codes of the WspDispatch method
    // of the same Winsock name, for the synchronous case; the dispatch has checked the handle.

    /**
     * {@code WSPBind}.
     *
     * @param name the local address, of the socket's family
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#bind}
     */
    abstract void bind(SockAddr name) throws WsaException;

    /**
     * {@code WSPListen}.
     *
     * @param backlog the queue length, clamped
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#listen}
     */
    abstract void listen(int backlog) throws WsaException;

    /**
     * {@code WSPAccept}.
     *
     * @param condition the condition function, or null
     * @return the accepted socket's handle
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#accept}
     */
    abstract SocketHandle accept(AcceptCondition condition) throws WsaException;

    /**
     * {@code WSPConnect}.
     *
     * @param name the peer
     * @param data connect data and QOS, or null
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#connect}
     */
    abstract void connect(SockAddr name, ConnectData data) throws WsaException;

    /**
     * The single-buffer {@code WSPSend} of the data path: no lock, lookup or allocation of its own.
     *
     * @param src the data
     * @param flags {@code MSG_*} flags
     * @return bytes sent
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#send(SocketHandle, ByteBuffer, int)}
     */
    abstract int send(ByteBuffer src, int flags) throws WsaException;

    /**
     * Synchronous {@code WSPSend}.
     *
     * @param srcs the data
     * @param flags {@code MSG_*} flags
     * @return bytes sent
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#send(SocketHandle, ByteBuffer, int)}
     */
    abstract int send(ByteBuffer[] srcs, int flags) throws WsaException;

    /**
     * Synchronous {@code WSPSendTo}.
     *
     * @param srcs the datagram
     * @param flags {@code MSG_*} flags
     * @param to the destination, or null for the connected peer
     * @return bytes sent
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#sendTo}
     */
    abstract int sendTo(ByteBuffer[] srcs, int flags, SockAddr to) throws WsaException;

    /**
     * The single-buffer {@code WSPRecv} of the data path: without flags, no lock, lookup or
     * allocation of its own.
     *
     * @param dst where the data goes
     * @param flags {@code MSG_*} flags
     * @return bytes received, 0 at the end of a stream
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#recv(SocketHandle, ByteBuffer, int)}
     */
    abstract int recv(ByteBuffer dst, int flags) throws WsaException;

    /**
     * Synchronous {@code WSPRecv}.
     *
     * @param dsts where the data goes
     * @param flags {@code MSG_*} flags
     * @return bytes received, 0 at the end of a stream
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#recv(SocketHandle, ByteBuffer, int)}
     */
    abstract int recv(ByteBuffer[] dsts, int flags) throws WsaException;

    /**
     * Synchronous {@code WSPRecvFrom}.
     *
     * @param dsts where the data goes
     * @param flags {@code MSG_*} flags
     * @return bytes, flags and sender
     * @throws WsaException as {@link ws2.spi.transport.WspDispatch#recvFrom}
     */
    abstract Received recvFrom(ByteBuffer[] dsts, int flags) throws WsaException;

    /**
     * {@code WSPGetPeerName}.
     *
     * @return the peer's address
     * @throws WsaException {@code WSAENOTCONN}
     */
    abstract SockAddr peerName() throws WsaException;

    /**
     * {@code WSPGetSockName}. java.nio binds a channel only when told to or when it sends or
     * connects, which the sockets track, so an unbound channel is an unbound socket.
     *
     * @return the local address
     * @throws WsaException {@code WSAEINVAL} if the socket is not bound
     */
    final SockAddr localName() throws WsaException {
        InetSocketAddress local;
        try {
            local = (InetSocketAddress) ((NetworkChannel) channel()).getLocalAddress();
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPGetSockName");
        }
        if (local == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPGetSockName: " + describe() + " is not bound");
        }
        return SockAddr.of(local);
    }

    /**
     * {@code FIONREAD}.
     *
     * @return bytes a receive can return now (stream) or the size of the next datagram
     * @throws WsaException if the channel fails
     */
    abstract int readable() throws WsaException;

    /**
     * Shuts one or both directions down; {@link #shutdown(int, String)} has checked {@code how}.
     *
     * @param input stop receiving
     * @param output stop sending
     * @param function the {@code WSP*} function, for messages
     * @throws WsaException {@code WSAENOTCONN} for a stream socket that is not connected
     */
    abstract void shutdown(boolean input, boolean output, String function) throws WsaException;

    /**
     * Closes the socket's channels.
     *
     * @param abortive reset connections instead of honouring {@code SO_LINGER}
     * @throws IOException the first failure; every channel is closed all the same
     */
    abstract void closeChannels(boolean abortive) throws IOException;

    /**
     * {@code WSPSelect}: the selection operations to register for the interest bits, given the
     * socket's state. Zero means the selector can tell nothing: the socket is not registered.
     *
     * @param interest {@link #READ}, {@link #WRITE} and {@link #EXCEPT} bits
     * @return {@code SelectionKey.OP_*} bits
     */
    abstract int interestOps(int interest);

    /**
     * {@code WSPSelect}: which of the interest bits the socket satisfies.
     *
     * @param interest {@link #READ}, {@link #WRITE} and {@link #EXCEPT} bits
     * @param readyOps what the selector reported, 0 before selecting (then only state the selector
     *        cannot see counts, such as peeked data)
     * @return the satisfied bits
     */
    abstract int readiness(int interest, int readyOps);

    /**
     * Tells whether the socket can send now: a connected TCP socket, any UDP socket.
     *
     * @return true if a first {@code FD_WRITE} is due
     */
    abstract boolean isConnected();

    /**
     * Tells whether a non-blocking connect is in progress.
     *
     * @return true while connecting
     */
    abstract boolean isConnecting();

    /**
     * Finishes a non-blocking connect if it has completed.
     *
     * @return true once connected (at once for a socket that needs no connect)
     * @throws WsaException the connect's failure
     */
    abstract boolean connectFinished() throws WsaException;

    /**
     * Looks at what a readable socket holds without taking it, for {@code FD_READ} and
     * {@code FD_CLOSE}.
     *
     * @return a positive number if data waits, 0 at the end of the stream
     * @throws WsaException {@code WSAEWOULDBLOCK} if nothing waits after all, or a reset
     */
    abstract int peekState() throws WsaException;

    /**
     * Returns how many received bytes the socket holds itself, out of any selector's sight.
     *
     * @return the count, 0 for a socket that holds none
     */
    int buffered() {
        return 0;
    }

    /**
     * Returns the socket's asynchronous side, making it (and the socket's channel non-blocking for
     * good) on first use.
     *
     * @return the asynchronous state
     * @throws WsaException if the channel is closed or the reactor cannot start
     */
    final AsyncSocket async() throws WsaException {
        AsyncSocket a = async;
        if (a == null) {
            synchronized (modeLock) {
                a = async;
                if (a == null) {
                    a = new AsyncSocket(this, dispatch.upcall(), dispatch.reactor());
                    async = a;
                }
            }
        }
        return a;
    }

    /**
     * Returns the asynchronous side if the socket has one; a single volatile read on the data path.
     *
     * @return the state, or null
     */
    final AsyncSocket asyncIfAny() {
        return async;
    }

    /**
     * Tells whether {@code WSPDuplicateSocket} gave the socket more descriptors, so that a dispatch
     * must check the handle, not just the socket.
     *
     * @return true once shared
     */
    final boolean isShared() {
        return shared;
    }

    /**
     * Adds a descriptor ({@code WSPSocket} with a duplicated info).
     *
     * @throws WsaException {@code WSAEINVAL} if the socket closed meanwhile
     */
    final void share() throws WsaException {
        if (descriptors.getAndUpdate(n -> n == 0 ? 0 : n + 1) == 0) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: the duplicated " + describe() + " was closed by all"
                    + " its descriptors");
        }
        shared = true;
    }

    /**
     * Drops one descriptor.
     *
     * @return true if it was the last, so the socket must close
     */
    final boolean releaseDescriptor() {
        return descriptors.decrementAndGet() == 0;
    }

    /**
     * Returns the handle {@code WPUModifyIFSHandle} gave the socket.
     *
     * @return the handle
     */
    final SocketHandle handle() {
        return handle;
    }

    /**
     * Tells whether the socket listens ({@code SO_ACCEPTCONN}).
     *
     * @return true after a successful {@code WSPListen}
     */
    boolean isListening() {
        return false;
    }

    /**
     * Records the handle {@code WPUModifyIFSHandle} returned for this socket.
     *
     * @param h the handle
     */
    final void handle(SocketHandle h) {
        handle = h;
    }

    /**
     * Names the socket in messages.
     *
     * @return for example {@code "socket 42"}
     */
    final String describe() {
        SocketHandle h = handle;
        return h == null ? "a new " + SocketType.name(type()) + " socket" : "socket " + h.value();
    }

    /**
     * Tells whether {@code WSPCloseSocket} or {@code WSPCleanup} closed the socket.
     *
     * @return true once closed
     */
    final boolean isClosed() {
        return closed;
    }

    /**
     * Tells whether sending was shut down.
     *
     * @return true after {@code SD_SEND} or {@code SD_BOTH}
     */
    final boolean isOutputShutdown() {
        return outputShutdown;
    }

    /**
     * {@code WSPCloseSocket}: marks the socket closed, so calls still running on other threads fail
     * with {@code WSAEINTR}, then closes its channels.
     *
     * @param abortive reset connections (as {@code WSPCleanup} does) instead of honouring {@code SO_LINGER}
     * @throws WsaException if closing a channel failed
     */
    final void close(boolean abortive) throws WsaException {
        closed = true;
        try {
            closeChannels(abortive);
        } catch (IOException | RuntimeException e) {
            throw new WsaException(WsaError.WSAENETDOWN, "WSPCloseSocket on " + describe() + " failed: " + e, e);
        } finally {
            AsyncSocket a = async;
            if (a != null) {
                a.close(); // pending overlapped operations complete with WSA_OPERATION_ABORTED
            }
        }
    }

    /**
     * {@code WSPShutdown}: checks {@code how} and shuts the directions down.
     *
     * @param how {@code SD_RECEIVE}, {@code SD_SEND} or {@code SD_BOTH}
     * @param function the {@code WSP*} function, for messages
     * @throws WsaException {@code WSAEINVAL} for another {@code how}, or as the socket type reports
     */
    final void shutdown(int how, String function) throws WsaException {
        if (how != ShutdownHow.SD_RECEIVE && how != ShutdownHow.SD_SEND && how != ShutdownHow.SD_BOTH) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": how must be SD_RECEIVE (0), SD_SEND (1) or SD_BOTH (2), got "
                    + how);
        }
        shutdown(how != ShutdownHow.SD_SEND, how != ShutdownHow.SD_RECEIVE, function);
    }

    /**
     * {@code FIONBIO}: sets the Winsock blocking mode.
     *
     * @param on true for non-blocking
     * @throws WsaException if the channel is closed
     */
    final void setNonBlocking(boolean on) throws WsaException {
        synchronized (modeLock) {
            nonBlocking = on;
            applyMode(channel());
        }
    }

    /**
     * Returns the Winsock blocking mode, which a select in progress does not change.
     *
     * @return true if the socket is non-blocking
     */
    final boolean isNonBlocking() {
        synchronized (modeLock) {
            return nonBlocking;
        }
    }

    /**
     * Makes the channel non-blocking until the matching {@link #releaseNonBlocking()}, so it can be
     * registered with a selector. A blocking call already running on the channel delays this until
     * it returns (java.nio changes the mode under the channel's read and write locks).
     *
     * @throws WsaException if the channel is closed
     */
    final void holdNonBlocking() throws WsaException {
        synchronized (modeLock) {
            nonBlockingHolds++;
            try {
                applyMode(channel());
            } catch (WsaException e) {
                nonBlockingHolds--;
                throw e;
            }
        }
    }

    /**
     * Ends a {@link #holdNonBlocking()}; the last one restores the Winsock mode. The channel must no
     * longer be registered with any selector.
     *
     * @throws WsaException if the mode cannot be restored
     */
    final void releaseNonBlocking() throws WsaException {
        synchronized (modeLock) {
            nonBlockingHolds--;
            SelectableChannel ch = channel();
            if (ch.isOpen()) {
                applyMode(ch);
            }
        }
    }

    /**
     * Gives a channel of this socket the mode it must have now. The caller holds {@link #modeLock}.
     *
     * @param ch the socket's current or new channel
     * @throws WsaException if the channel is closed
     */
    final void applyMode(SelectableChannel ch) throws WsaException {
        try {
            ch.configureBlocking(!nonBlocking && nonBlockingHolds == 0);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "FIONBIO");
        }
    }

    /**
     * Gives an accepted socket what it inherits from its listener: blocking mode, timeouts, the
     * options java.nio does not keep and the JDK option values the application set, which are
     * applied to its channel.
     *
     * @param listener the listening socket
     * @param ch the accepted channel
     * @throws IOException if the channel refuses a value
     */
    final void inherit(TcpipSocket listener, SocketChannel ch) throws IOException {
        synchronized (modeLock) {
            nonBlocking = listener.isNonBlocking();
            rcvTimeout = listener.rcvTimeout;
            sndTimeout = listener.sndTimeout;
            oobInline = listener.oobInline;
            debug = listener.debug;
            dontRoute = listener.dontRoute;
            applied = listener.applied; // immutable: shared until either socket sets an option
            applyOptions(ch);
            applyMode(ch);
        }
    }

    /**
     * Sets the JDK options the application set on a channel the socket gets, where the channel
     * supports them.
     *
     * @param ch a new channel of this socket
     * @throws IOException if the channel refuses a value
     */
    final void applyOptions(NetworkChannel ch) throws IOException {
        for (Map.Entry<SocketOption<?>, Object> e : applied.entrySet()) {
            if (ch.supportedOptions().contains(e.getKey())) {
                setOption(ch, e.getKey(), e.getValue());
            }
        }
    }

    private static <T> void setOption(NetworkChannel ch, SocketOption<T> option, Object value) throws IOException {
        ch.setOption(option, option.type().cast(value));
    }

    /**
     * {@code WSPGetSockOpt}.
     *
     * @param <T> the value type
     * @param option the option
     * @return its value
     * @throws WsaException {@code WSAENOPROTOOPT} for an option this provider or socket type does not have
     */
    final <T> T getSockOpt(SockOpt<T> option) throws WsaException {
        Option o = Option.of(option, type(), "WSPGetSockOpt");
        Object value;
        try {
            value = get(o);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPGetSockOpt " + option);
        }
        return option.cast(value);
    }

    /**
     * {@code WSPSetSockOpt}.
     *
     * @param option the option
     * @param value the value, checked against the option's type
     * @throws WsaException {@code WSAENOPROTOOPT} for an unknown option, {@code WSAEINVAL} for a
     *         read-only option or a bad value, {@code WSAEFAULT} for a value of the wrong type
     */
    final void setSockOpt(SockOpt<?> option, Object value) throws WsaException {
        Option o = Option.of(option, type(), "WSPSetSockOpt");
        if (o.readOnly) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSetSockOpt: " + option + " can only be read");
        }
        Object checked = o.sockOpt.cast(value);
        try {
            set(o, checked);
        } catch (IOException | RuntimeException e) {
            throw failure(e, "WSPSetSockOpt " + option + " = " + value);
        }
    }

    /**
     * Reads an option; socket types handle their own and pass the others here.
     *
     * @param o the option, applicable to this socket type
     * @return its value, of the option's type
     * @throws IOException if java.nio cannot read it
     */
    Object get(Option o) throws IOException {
        switch (o) {
            case SO_TYPE:
                return type();
            case SO_PROTOCOL_INFOW:
                return info;
            case SO_ERROR:
                return pendingError.getAndSet(0);
            case SO_ACCEPTCONN:
                return isListening();
            case SO_RCVTIMEO:
                return rcvTimeout;
            case SO_SNDTIMEO:
                return sndTimeout;
            case SO_OOBINLINE:
                return oobInline;
            case SO_DEBUG:
                return debug;
            case SO_DONTROUTE:
                return dontRoute;
            default:
                return jdkOption(o.jdk);
        }
    }

    /**
     * Writes an option; socket types handle their own and pass the others here.
     *
     * <p>{@code SO_SNDTIMEO} is stored and returned only: java.nio cannot time out a send, so a
     * blocking send waits until the data is buffered or the connection fails.
     * {@code SO_OOBINLINE}, {@code SO_DEBUG} and {@code SO_DONTROUTE} are stored and returned; this
     * provider has no out-of-band data, no debug output and no routing control.
     *
     * @param o the option, applicable to this socket type and writable
     * @param value the value, of the option's type
     * @throws IOException if java.nio refuses the value
     */
    void set(Option o, Object value) throws IOException {
        switch (o) {
            case SO_RCVTIMEO:
                rcvTimeout = timeout(o, value);
                break;
            case SO_SNDTIMEO:
                sndTimeout = timeout(o, value);
                break;
            case SO_OOBINLINE:
                oobInline = (Boolean) value;
                break;
            case SO_DEBUG:
                debug = (Boolean) value;
                break;
            case SO_DONTROUTE:
                dontRoute = (Boolean) value;
                break;
            default:
                setJdkOption(o.jdk, value);
        }
    }

    private static int timeout(Option o, Object value) throws WsaException {
        int ms = (Integer) value;
        if (ms < 0) {
            throw new WsaException(WsaError.WSAEINVAL, o + " takes milliseconds, 0 for no timeout, got " + ms);
        }
        return ms;
    }

    /**
     * Reads a JDK-backed option: the value the application set, else the value the socket had
     * before its channel changed (see {@link #optionsBeforeListen()}), else the channel's.
     *
     * @param option the JDK option
     * @return its value
     * @throws IOException if the channel cannot read it
     */
    final Object jdkOption(SocketOption<?> option) throws IOException {
        Object value = applied.get(option);
        if (value == null) {
            value = optionsBeforeListen().get(option);
        }
        return value != null ? value : ((NetworkChannel) channel()).getOption(option);
    }

    /**
     * Writes a JDK-backed option to the channel, where it supports it, and records it for the
     * socket's later channels.
     *
     * @param option the JDK option
     * @param value its value
     * @throws IOException if the channel refuses the value
     */
    final void setJdkOption(SocketOption<?> option, Object value) throws IOException {
        NetworkChannel ch = (NetworkChannel) channel();
        if (ch.supportedOptions().contains(option)) {
            setOption(ch, option, value);
        }
        synchronized (modeLock) {
            Map<SocketOption<?>, Object> next = new HashMap<>(applied);
            next.put(option, value);
            applied = Map.copyOf(next);
        }
    }

    /**
     * JDK option values of a TCP socket's stream channel, read when it became a listener whose
     * server channel cannot hold them.
     *
     * @return the values, empty for sockets that never listened
     */
    Map<SocketOption<?>, Object> optionsBeforeListen() {
        return Map.of();
    }

    /**
     * Records a failure for {@code SO_ERROR}, as a failed non-blocking connect does.
     *
     * @param e the failure
     */
    final void recordError(WsaException e) {
        pendingError.set(e.code());
    }

    /**
     * Maps a java.nio failure of an operation that does not send.
     *
     * @param e the failure
     * @param function the {@code WSP*} function
     * @return the exception to throw
     */
    final WsaException failure(Exception e, String function) {
        return Failures.map(e, this, function, false);
    }

    /**
     * Maps a java.nio failure of a send, where a closed channel can mean {@code SD_SEND}.
     *
     * @param e the failure
     * @param function the {@code WSP*} function
     * @return the exception to throw
     */
    final WsaException sendFailure(Exception e, String function) {
        return Failures.map(e, this, function, true);
    }

    /**
     * Fails a call that needs a connection.
     *
     * @param function the {@code WSP*} function
     * @return {@code WSAENOTCONN}
     */
    final WsaException notConnected(String function) {
        return new WsaException(WsaError.WSAENOTCONN, function + " needs a connected socket; " + describe()
                + " is not connected");
    }

    /**
     * Fails a receive after {@code SD_RECEIVE}.
     *
     * @param function the {@code WSP*} function
     * @return {@code WSAESHUTDOWN}
     */
    final WsaException receiveShutDown(String function) {
        return new WsaException(WsaError.WSAESHUTDOWN, function + " on " + describe()
                + ": receiving was shut down (SD_RECEIVE)");
    }

    /**
     * Fails a send after {@code SD_SEND}.
     *
     * @param function the {@code WSP*} function
     * @return {@code WSAESHUTDOWN}
     */
    final WsaException sendShutDown(String function) {
        return new WsaException(WsaError.WSAESHUTDOWN, function + " on " + describe()
                + ": sending was shut down (SD_SEND)");
    }

    /**
     * Checks {@code MSG_*} flags. {@code MSG_DONTROUTE} is always allowed and ignored.
     *
     * @param flags the flags
     * @param allowed the other flags the operation supports
     * @param function the {@code WSP*} function
     * @throws WsaException {@code WSAEOPNOTSUPP} naming {@code MSG_OOB} or the unknown bits
     */
    final void checkFlags(int flags, int allowed, String function) throws WsaException {
        int rejected = flags & ~(allowed | MessageFlags.MSG_DONTROUTE);
        if (rejected == 0) {
            return;
        }
        if ((rejected & MessageFlags.MSG_OOB) != 0) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, function + ": MSG_OOB is not supported; java.nio cannot"
                    + " send or receive urgent data, so XP1_EXPEDITED_DATA is not set");
        }
        throw new WsaException(WsaError.WSAEOPNOTSUPP, function + ": flags 0x" + Integer.toHexString(rejected)
                + " are not supported on " + SocketType.name(type()) + " sockets");
    }
}
