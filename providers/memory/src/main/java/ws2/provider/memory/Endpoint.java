package ws2.provider.memory;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.AcceptCondition;
import ws2.api.EventHandle;
import ws2.api.Linger;
import ws2.api.MessageFlags;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.WindowHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.provider.memory.SocketOptions.Option;
import ws2.spi.transport.NetworkEventSelection;

/**
 * One socket of the memory provider: what every descriptor of it shares (its state, name,
 * connection, options, event selection and queued overlapped operations). Its operations have the
 * contracts and error codes of the {@code WSP*} functions they are named after; the dispatch has
 * found the descriptor.
 *
 * <h2>States</h2>
 * New (bound or not), listening, connected, closed. A connect completes at once: the connecting
 * socket is connected when its {@link Link} enters the listener's {@link Backlog} (or is refused with
 * {@code WSAECONNREFUSED}), as a TCP connection is complete before {@code accept}; an accept attaches
 * the server end. The socket closes when its last descriptor does.
 *
 * <h2>Locking</h2>
 * Each endpoint has its own lock; no thread ever holds two, so connections, accepts and duplicated
 * sockets cannot deadlock. A change runs under the lock ({@link #change}), then
 * {@link #serve} serves what it made possible: queued overlapped operations, the network events of
 * the selection, the threads blocked on the socket. Completions are indicated after the lock is
 * released, and when bytes moved through a pipe the peer is served the same way ({@link #pump}),
 * which may move bytes back; the chain ends when nothing moves. There is no provider thread: the
 * side that makes a condition true (a writer, a reader making room, a connecting or closing peer)
 * serves it.
 *
 * <h2>Blocking</h2>
 * A blocking call ({@link #untilDone}) registers a {@link Blocking.Waiter}, releases the lock and
 * parks; serving the endpoint after a change wakes it to try again.
 */
final class Endpoint {
    /**
     * What a socket taken from a listener's backlog gets: its connection and what it inherits from
     * the listener, as Winsock's accepted sockets have their listener's properties.
     *
     * @param link the connection
     * @param name the listener's name, the accepted socket's local name
     * @param options the listener's options
     * @param selection the listener's event selection
     */
    record Handover(Link link, String name, SocketOptions options, NetworkEventSelection.Snapshot selection) {
    }

    /**
     * A change of the endpoint, run under its lock.
     *
     * @param <T> the result
     */
    @FunctionalInterface
    interface Change<T> {
        /**
         * Runs the change.
         *
         * @return the result; for an attempt of {@link #untilDone}, null while the call must wait
         * @throws WsaException the call's failure
         */
        T run() throws WsaException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(Endpoint.class);
    private static final int NEW = 0;
    private static final int LISTENING = 1;
    private static final int CONNECTED = 2;
    private static final int CLOSED = 3;
    /** The largest backlog; {@code SOMAXCONN} and larger requests get this. */
    private static final int MAX_BACKLOG = 4096;
    private static final int SEND_FLAGS = MessageFlags.MSG_DONTROUTE;
    private static final int RECEIVE_FLAGS = MessageFlags.MSG_PEEK | MessageFlags.MSG_WAITALL
            | MessageFlags.MSG_PUSH_IMMEDIATE;

    /** The catalog entry the socket was created with ({@code SO_PROTOCOL_INFOW}). */
    final ProtocolInfo info;
    private final PipeNetwork network;
    private final SocketOptions options = new SocketOptions();
    private final Object lock = new Object();

    // Everything below is guarded by lock.
    private int state = NEW;
    private String name;
    private String peerName;
    private boolean connecting;
    private Link link;
    private Pipe inbound;
    private Pipe outbound;
    private Backlog backlog;
    private boolean inputShutdown;
    private boolean outputShutdown;
    private byte[] disconnectData;
    private int refs = 1;
    /** Bytes moved through a pipe (or its state changed) since the last serve: the peer must be served. */
    private boolean moved;
    /** Something a blocked thread may wait for changed since the last serve. */
    private boolean changed;
    private final NetworkEventSelection events = new NetworkEventSelection();
    private final ArrayDeque<Op> reads = new ArrayDeque<>(2);
    private final ArrayDeque<Op> writes = new ArrayDeque<>(2);
    private final ArrayDeque<Op> accepts = new ArrayDeque<>(2);
    private final List<Blocking.Waiter> waiters = new ArrayList<>(1);

    /**
     * Makes a new, unbound socket.
     *
     * @param network the names and tokens it shares with the provider's other sockets
     * @param info its catalog entry
     */
    Endpoint(PipeNetwork network, ProtocolInfo info) {
        this.network = network;
        this.info = info;
    }

    // ---- the change machinery ---------------------------------------------------------------

    /**
     * Runs a change under the lock, serves what it made possible, then, with the lock released,
     * indicates completions and serves the peer if bytes moved.
     */
    private <T> T change(Change<T> change) throws WsaException {
        Outcomes outcomes = new Outcomes();
        try {
            synchronized (lock) {
                try {
                    return change.run();
                } finally {
                    serve(outcomes);
                }
            }
        } finally {
            pump(outcomes.deliver());
        }
    }

    /**
     * Serves endpoints a change elsewhere concerns, following the chain while bytes move between
     * peers. Called with no lock held.
     *
     * @param first the endpoint to serve, or null
     */
    static void pump(Endpoint first) {
        for (Endpoint e = first; e != null; ) {
            Outcomes outcomes = new Outcomes();
            synchronized (e.lock) {
                e.changed = true;
                e.serve(outcomes);
            }
            e = outcomes.deliver();
        }
    }

    /** Serves queued operations, events and blocked threads. The caller holds the lock. */
    private void serve(Outcomes outcomes) {
        if (state == CONNECTED) {
            for (Op op; (op = writes.peek()) != null && writeFrom(op); ) {
                outcomes.completed(writes.poll());
            }
            if (outputShutdown && writes.isEmpty() && outbound.finish(disconnectData)) {
                progress(); // the FIN goes after the sends queued before SD_SEND
            }
            for (Op op; (op = reads.peek()) != null && readInto(op); ) {
                outcomes.completed(reads.poll());
            }
        } else if (state == LISTENING) {
            for (Op op; (op = accepts.peek()) != null && !backlog.isEmpty(); ) {
                op.handover = handover(backlog.poll());
                outcomes.completed(accepts.poll());
            }
        }
        evaluate();
        if (changed) {
            changed = false;
            for (Blocking.Waiter w : waiters) {
                w.wake();
            }
        }
        if (moved) {
            moved = false;
            outcomes.next(outbound == null ? null : outbound.reader());
        }
    }

    /** Records the network events whose conditions hold. The caller holds the lock. */
    private void evaluate() {
        if (!events.isActive()) {
            return;
        }
        if (state == LISTENING) {
            if (events.wants(NetworkEvents.FD_ACCEPT) && backlog.announces()) {
                recordEvent(NetworkEvents.FD_ACCEPT, 0);
            }
            return;
        }
        if (state != CONNECTED) {
            return;
        }
        if (inbound.isReset()) {
            recordEvent(NetworkEvents.FD_CLOSE, WsaError.WSAECONNRESET.code());
            return;
        }
        if (events.wants(NetworkEvents.FD_READ) && !inputShutdown && inbound.available() > 0) {
            recordEvent(NetworkEvents.FD_READ, 0);
        } else if (events.wants(NetworkEvents.FD_CLOSE) && inbound.isEnded()) {
            recordEvent(NetworkEvents.FD_CLOSE, 0); // only once every byte was received
        }
        if (events.writeDue() && !outputShutdown && outbound.canWrite()) {
            recordEvent(NetworkEvents.FD_WRITE, 0);
        }
    }

    /** Records an event, if selected and enabled; a client that closed its event or window is only logged. */
    private void recordEvent(int bit, int error) {
        if (!events.record(bit, error)) {
            LOG.debug("memory socket '{}': the event object or window selected for event 0x{} is gone", name,
                    Integer.toHexString(bit));
        }
    }

    /** Bytes moved or a pipe changed: serve the peer and wake blocked threads. The caller holds the lock. */
    private void progress() {
        moved = true;
        changed = true;
    }

    /** Resets the connection. The caller holds the lock. */
    private void resetLink() {
        link.reset();
        progress();
    }

    /** Stops receiving; unread bytes reset the connection, as TCP does. The caller holds the lock. */
    private void shutInput() {
        if (!inputShutdown) {
            inputShutdown = true;
            changed = true;
            if (inbound.shutdownReader()) {
                resetLink();
            }
        }
    }

    /**
     * Runs a call that may block: tries it under the lock and, while it returns null on a blocking
     * socket, waits until a change wakes it. An attempt throws {@code WSAEWOULDBLOCK} itself on a
     * non-blocking socket, after what the failed call must record.
     *
     * @param d the descriptor the call runs on
     * @param timeoutMillis the call's timeout, 0 for none
     * @param function the {@code WSP*} function, for messages
     * @param attempt the attempt
     * @return its result
     * @throws WsaException the attempt's failure, {@code WSAETIMEDOUT}, or {@code WSAEINTR} when
     *         cancelled or when the descriptor is closed meanwhile
     */
    private <T> T untilDone(Descriptor d, int timeoutMillis, String function, Change<T> attempt) throws WsaException {
        Blocking blocking = d.blocking();
        Blocking.Waiter waiter = null;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            while (true) {
                Blocking.Waiter w = waiter;
                T result = change(() -> {
                    if (d.isClosed()) { // checked under the lock, so a close cannot slip in before the wait
                        throw new WsaException(WsaError.WSAEINTR, function + " on " + d.describe() + " ended: another"
                                + " thread closed the socket");
                    }
                    if (w != null && !waiters.contains(w)) {
                        waiters.add(w);
                    }
                    return attempt.run();
                });
                if (result != null) {
                    return result;
                }
                if (waiter == null) {
                    waiter = blocking.begin(); // register, then try once more before parking
                    continue;
                }
                if (!blocking.await(waiter, timeoutMillis > 0, deadline, d, function)) {
                    throw new WsaException(WsaError.WSAETIMEDOUT, function + " on " + d.describe() + " timed out after "
                            + timeoutMillis + " ms");
                }
            }
        } finally {
            if (waiter != null) {
                synchronized (lock) {
                    waiters.remove(waiter);
                }
                blocking.end(waiter);
            }
        }
    }

    // ---- transfers --------------------------------------------------------------------------

    /**
     * Receives into an operation's buffers. The caller holds the lock.
     *
     * @return true when the operation is complete, its outcome set
     */
    private boolean readInto(Op op) {
        if (inputShutdown) {
            return op.fail(WsaError.WSAESHUTDOWN);
        }
        if (!op.hasBytes()) { // a zero-byte receive completes once a receive would not wait
            return inbound.isReset() ? op.fail(WsaError.WSAECONNRESET) : inbound.canRead();
        }
        int n = inbound.read(op.buffers, op.peek());
        if (n > 0) {
            if (!op.peek()) {
                progress();
            }
            op.done += n;
            return !op.waitAll() || !op.hasBytes();
        }
        if (n == Pipe.RESET) {
            return op.done > 0 || op.fail(WsaError.WSAECONNRESET);
        }
        return n == Pipe.END; // 0 bytes (or what MSG_WAITALL got) at the graceful end of the stream
    }

    /**
     * Sends what fits from an operation's buffers. The caller holds the lock.
     *
     * @return true when the operation is complete (every byte in the pipe) or failed
     */
    private boolean writeFrom(Op op) {
        int n = outbound.write(op.buffers);
        if (n == Pipe.RESET) {
            resetLink();
            return op.fail(WsaError.WSAECONNRESET);
        }
        if (n > 0) {
            progress();
            op.done += n;
        }
        return !op.hasBytes();
    }

    /**
     * Returns a finished operation's byte count, or throws its failure.
     *
     * @param op a complete operation
     * @param function the {@code WSP*} function, for the message
     * @return bytes moved
     * @throws WsaException the operation's error
     */
    private static Integer result(Op op, String function) throws WsaException {
        if (op.error == 0) {
            return op.transferred();
        }
        WsaError e = WsaError.of(op.error);
        throw new WsaException(e, function + " on " + op.issuer.describe() + ": " + (e == WsaError.WSAESHUTDOWN
                ? "receiving was shut down (SD_RECEIVE)" : "the connection was reset"));
    }

    /**
     * Checks {@code MSG_*} flags.
     *
     * @param flags the flags
     * @param allowed the flags the function takes
     * @param function the {@code WSP*} function
     * @param d the descriptor, for the message
     * @throws WsaException {@code WSAEOPNOTSUPP} naming {@code MSG_OOB} or the other bits
     */
    private static void checkFlags(int flags, int allowed, String function, Descriptor d) throws WsaException {
        int rejected = flags & ~allowed;
        if ((rejected & MessageFlags.MSG_OOB) != 0) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, function + " on " + d.describe() + ": pipes carry no"
                    + " out-of-band data (XP1_EXPEDITED_DATA is not set); MSG_OOB is not supported");
        }
        if (rejected != 0) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, function + " on " + d.describe() + ": flags 0x"
                    + Integer.toHexString(rejected) + " are not supported here");
        }
    }

    /**
     * Synchronous {@code WSPSend}: a blocking send waits until every byte is in the pipe; a
     * non-blocking one sends what fits, and fails with {@code WSAEWOULDBLOCK} when nothing does,
     * making {@code FD_WRITE} due. Sends wait behind queued overlapped sends.
     *
     * @param d the descriptor
     * @param buffers the data, positions advanced
     * @param flags {@code MSG_*} flags
     * @return bytes sent
     * @throws WsaException {@code WSAENOTCONN}, {@code WSAESHUTDOWN}, {@code WSAECONNRESET},
     *         {@code WSAEWOULDBLOCK}, {@code WSAETIMEDOUT} ({@code SO_SNDTIMEO}), {@code WSAEINTR}
     */
    int send(Descriptor d, ByteBuffer[] buffers, int flags) throws WsaException {
        checkFlags(flags, SEND_FLAGS, "WSPSend", d);
        Op op = Op.transfer(d, buffers, flags, null, null, null);
        return untilDone(d, options.sendTimeout(), "WSPSend", () -> {
            events.reenable(NetworkEvents.FD_WRITE);
            requireSending(d, "WSPSend");
            boolean nonBlocking = options.isNonBlocking();
            if (writes.isEmpty() && (writeFrom(op) || nonBlocking && op.done > 0)) {
                return result(op, "WSPSend");
            }
            if (nonBlocking) {
                events.armWrite();
                throw WsaException.wouldBlock();
            }
            return null;
        });
    }

    /**
     * Synchronous {@code WSPRecv}: what is there, at least one byte; 0 at the graceful end of the
     * stream. {@code MSG_PEEK} leaves the bytes; {@code MSG_WAITALL} (blocking sockets) waits until
     * the buffers are full or the stream ends. Receives wait behind queued overlapped receives.
     *
     * @param d the descriptor
     * @param buffers where the data goes, positions advanced
     * @param flags {@code MSG_*} flags
     * @return bytes received
     * @throws WsaException {@code WSAENOTCONN}, {@code WSAESHUTDOWN}, {@code WSAECONNRESET},
     *         {@code WSAEWOULDBLOCK}, {@code WSAETIMEDOUT} ({@code SO_RCVTIMEO}), {@code WSAEINTR},
     *         {@code WSAEOPNOTSUPP} for {@code MSG_WAITALL} with {@code MSG_PEEK} or on a
     *         non-blocking socket
     */
    int recv(Descriptor d, ByteBuffer[] buffers, int flags) throws WsaException {
        checkFlags(flags, RECEIVE_FLAGS, "WSPRecv", d);
        Op op = Op.transfer(d, buffers, flags, null, null, null);
        if (op.waitAll() && (op.peek() || options.isNonBlocking())) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPRecv on " + d.describe() + ": MSG_WAITALL needs a"
                    + " blocking socket and no MSG_PEEK");
        }
        return untilDone(d, options.receiveTimeout(), "WSPRecv", () -> {
            events.reenable(NetworkEvents.FD_READ);
            requireConnected(d, "WSPRecv");
            if (reads.isEmpty() && readInto(op)) {
                return result(op, "WSPRecv");
            }
            if (options.isNonBlocking()) {
                throw WsaException.wouldBlock();
            }
            return null;
        });
    }

    /**
     * Overlapped {@code WSPSend}: completes at once when every byte fits, else queues; the queue is
     * served as the peer makes room. A stream send completes when all its bytes are in the pipe.
     *
     * @param op the operation
     * @return bytes sent, when it completed at once (the completion is indicated all the same)
     * @throws WsaException {@code WSA_IO_PENDING} when queued; an immediate failure, with no
     *         completion
     */
    int startSend(Op op) throws WsaException {
        checkFlags(op.flags, SEND_FLAGS, "WSPSend", op.issuer);
        boolean now = change(() -> {
            requireOpen(op.issuer);
            events.reenable(NetworkEvents.FD_WRITE);
            requireSending(op.issuer, "WSPSend");
            if (writes.isEmpty() && writeFrom(op)) {
                return true;
            }
            writes.add(op);
            return false;
        });
        return started(op, now, "WSPSend");
    }

    /**
     * Overlapped {@code WSPRecv}: completes at once with what is there, else queues until the peer
     * sends, ends the stream or resets; a zero-byte receive completes with 0 once data waits.
     *
     * @param op the operation
     * @return bytes received, when it completed at once (the completion is indicated all the same)
     * @throws WsaException {@code WSA_IO_PENDING} when queued, {@code WSAEOPNOTSUPP} for
     *         {@code MSG_PEEK}; an immediate failure, with no completion
     */
    int startReceive(Op op) throws WsaException {
        checkFlags(op.flags, MessageFlags.MSG_WAITALL | MessageFlags.MSG_PUSH_IMMEDIATE, "overlapped WSPRecv", op.issuer);
        boolean now = change(() -> {
            requireOpen(op.issuer);
            events.reenable(NetworkEvents.FD_READ);
            requireConnected(op.issuer, "WSPRecv");
            if (reads.isEmpty() && readInto(op)) {
                return true;
            }
            reads.add(op);
            return false;
        });
        return started(op, now, "WSPRecv");
    }

    private static int started(Op op, boolean now, String function) throws WsaException {
        if (!now) {
            throw WsaException.ioPending();
        }
        int n = result(op, function); // failing at once is an error return: no completion follows
        op.deliver();
        return n;
    }

    /**
     * {@code CancelIoEx}: completes the matching queued operations started on a descriptor with
     * {@code WSA_OPERATION_ABORTED}.
     *
     * @param d the descriptor
     * @param overlapped the operation, or null for all of them
     * @return how many were cancelled
     * @throws WsaException never in practice; the change machinery declares it
     */
    int cancel(Descriptor d, Overlapped overlapped) throws WsaException {
        Outcomes aborted = new Outcomes();
        int n = change(() -> abort(d, overlapped, aborted));
        aborted.deliver();
        return n;
    }

    /** Takes the matching queued operations out, failed with WSA_OPERATION_ABORTED. The caller holds the lock. */
    private int abort(Descriptor issuer, Overlapped overlapped, Outcomes into) {
        int n = 0;
        for (ArrayDeque<Op> queue : List.of(reads, writes, accepts)) {
            for (Iterator<Op> it = queue.iterator(); it.hasNext(); ) {
                Op op = it.next();
                if ((issuer == null || op.issuer == issuer) && (overlapped == null || op.overlapped == overlapped)) {
                    it.remove();
                    op.fail(WsaError.WSA_OPERATION_ABORTED);
                    into.completed(op);
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * {@code FIONREAD}: bytes a receive can take now.
     *
     * @return the count, 0 on a socket that is not connected or shut for receiving
     */
    int readable() {
        synchronized (lock) {
            return state == CONNECTED && !inputShutdown ? inbound.available() : 0;
        }
    }

    // ---- names and connections --------------------------------------------------------------

    /**
     * {@code WSPBind}; an empty name assigns a unique one.
     *
     * @param d the descriptor
     * @param requested the name
     * @throws WsaException {@code WSAEINVAL} if already bound or connected, {@code WSAEADDRINUSE}
     */
    void bind(Descriptor d, String requested) throws WsaException {
        change(() -> {
            if (state != NEW || name != null || connecting) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPBind: " + d.describe() + " is already bound to '" + name
                        + "'");
            }
            name = requested.isEmpty() ? network.bindUnique(this) : network.bind(requested, this);
            return null;
        });
    }

    /**
     * {@code WSPListen}; a repeated call changes the backlog and resets the connections beyond it.
     *
     * @param d the descriptor
     * @param requested the backlog, clamped to 1..4096
     * @throws WsaException {@code WSAEINVAL} if not bound, {@code WSAEISCONN} if connected
     */
    void listen(Descriptor d, int requested) throws WsaException {
        int limit = Math.max(1, Math.min(requested, MAX_BACKLOG));
        List<Link> excess = change(() -> {
            if (state == CONNECTED || connecting) {
                throw new WsaException(WsaError.WSAEISCONN, "WSPListen: " + d.describe() + " is connected");
            }
            if (name == null) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPListen: " + d.describe() + " is not bound; call WSPBind"
                        + " first");
            }
            if (state == LISTENING) {
                return backlog.limit(limit);
            }
            state = LISTENING;
            backlog = new Backlog(limit);
            return List.of();
        });
        excess.forEach(Link::abort);
    }

    /**
     * {@code WSPConnect}: binds an unbound socket to a unique name and connects it to the socket
     * listening on {@code target}, at once. On success {@code FD_CONNECT} and {@code FD_WRITE} are
     * recorded if selected, also for a non-blocking socket, which Winsock lets complete at once.
     *
     * @param d the descriptor
     * @param target the listener's name
     * @throws WsaException {@code WSAECONNREFUSED} when nothing listens there or its backlog is full,
     *         {@code WSAEISCONN}, {@code WSAEALREADY}, {@code WSAEINVAL} on a listening socket
     */
    void connect(Descriptor d, String target) throws WsaException {
        String local = change(() -> {
            if (state == LISTENING) {
                throw new WsaException(WsaError.WSAEINVAL, "WSPConnect: " + d.describe() + " is listening");
            }
            if (state == CONNECTED) {
                throw new WsaException(WsaError.WSAEISCONN, "WSPConnect: " + d.describe() + " is already connected");
            }
            if (connecting) {
                throw new WsaException(WsaError.WSAEALREADY, "WSPConnect: " + d.describe() + " is connecting on"
                        + " another thread");
            }
            if (name == null) {
                name = network.bindUnique(this);
            }
            connecting = true;
            return name;
        });
        Endpoint listener = network.lookup(target);
        Link made = listener == null || listener == this ? null : listener.offer(this, local, options.sendBuffer());
        try {
            change(() -> {
                connecting = false;
                if (made == null) {
                    throw new WsaException(WsaError.WSAECONNREFUSED, "WSPConnect: no socket listens on '" + target
                            + "' with room in its backlog");
                }
                if (state != NEW) {
                    throw new WsaException(WsaError.WSAEINTR, "WSPConnect on " + d.describe() + " ended: another thread"
                            + " closed the socket");
                }
                state = CONNECTED;
                link = made;
                inbound = made.toClient;
                outbound = made.toServer;
                peerName = target;
                changed = true;
                recordEvent(NetworkEvents.FD_CONNECT, 0);
                events.armWrite();
                return null;
            });
        } catch (WsaException e) {
            if (made != null) {
                made.abort();
            }
            throw e;
        }
    }

    /**
     * A connect arrives at this socket: queues a new connection if it listens and has room, serving
     * a queued {@code AcceptEx} at once.
     *
     * @param client the connecting socket
     * @param clientName its name
     * @param clientSendBuffer its {@code SO_SNDBUF}
     * @return the connection, or null to refuse
     * @throws WsaException never in practice; the change machinery declares it
     */
    private Link offer(Endpoint client, String clientName, int clientSendBuffer) throws WsaException {
        return change(() -> {
            if (state != LISTENING || !backlog.hasRoom()) {
                return null;
            }
            Link l = new Link(client, clientName, clientSendBuffer, options.sendBuffer());
            backlog.add(l);
            changed = true;
            return l;
        });
    }

    /** What a connection taken from the backlog now carries over. The caller holds the lock. */
    private Handover handover(Link l) {
        return new Handover(l, name, options, events.snapshot());
    }

    /**
     * {@code WSPAccept}: takes the first connection, waiting on a blocking socket, and asks the
     * condition function outside the lock. A deferred connection goes back first in the queue
     * ({@code WSATRY_AGAIN}, no {@code FD_ACCEPT} re-enabling); a rejected one is reset.
     *
     * @param d the listening socket's descriptor
     * @param condition the condition function, or null to accept
     * @return the connection and what the accepted socket inherits
     * @throws WsaException {@code WSAEINVAL} if not listening or for a verdict that is none of
     *         {@code CF_*}, {@code WSAEWOULDBLOCK}, {@code WSAECONNREFUSED}, {@code WSATRY_AGAIN},
     *         {@code WSAEINTR}
     */
    Handover take(Descriptor d, AcceptCondition condition) throws WsaException {
        Handover taken = untilDone(d, 0, "WSPAccept", () -> {
            requireListening(d, "WSPAccept");
            if (!backlog.isEmpty()) {
                return handover(backlog.poll());
            }
            events.reenable(NetworkEvents.FD_ACCEPT);
            if (options.isNonBlocking()) {
                throw WsaException.wouldBlock();
            }
            return null;
        });
        if (condition != null) {
            decide(taken, condition);
        }
        change(() -> {
            events.reenable(NetworkEvents.FD_ACCEPT);
            return null;
        });
        return taken;
    }

    /** Runs the accept condition; returns if it accepts, throws if it rejects or defers. */
    private void decide(Handover taken, AcceptCondition condition) throws WsaException {
        SockAddr caller = UnixAddress.of(taken.link().clientName);
        SockAddr callee = UnixAddress.of(taken.name());
        int verdict = AcceptCondition.CF_DEFER; // if the condition throws, the connection stays queued
        try {
            verdict = condition.condition(caller, null, null, null, callee, null);
        } finally {
            if (verdict == AcceptCondition.CF_DEFER) {
                requeue(taken.link());
            }
        }
        if (verdict == AcceptCondition.CF_ACCEPT) {
            return;
        }
        if (verdict == AcceptCondition.CF_DEFER) {
            throw new WsaException(WsaError.WSATRY_AGAIN, "WSPAccept: the condition function deferred the connection from '"
                    + taken.link().clientName + "'; it stays first in the queue");
        }
        taken.link().abort();
        change(() -> {
            events.reenable(NetworkEvents.FD_ACCEPT);
            return null;
        });
        throw verdict == AcceptCondition.CF_REJECT
                ? new WsaException(WsaError.WSAECONNREFUSED, "WSPAccept: the condition function rejected the connection"
                        + " from '" + taken.link().clientName + "'; it was reset")
                : new WsaException(WsaError.WSAEINVAL, "WSPAccept: the condition function returned " + verdict
                        + ", not CF_ACCEPT, CF_REJECT or CF_DEFER; the connection from '" + taken.link().clientName
                        + "' was reset");
    }

    /** Puts a deferred connection back first, or resets it if the listener closed meanwhile. */
    private void requeue(Link l) throws WsaException {
        boolean kept = change(() -> {
            if (state != LISTENING) {
                return false;
            }
            backlog.defer(l);
            changed = true;
            return true;
        });
        if (!kept) {
            l.abort();
        }
    }

    /**
     * {@code AcceptEx} on this listening socket: takes a waiting connection into the target at once
     * (completion indicated all the same), else queues until a connect arrives.
     *
     * @param op the operation; its target was checked to be new
     * @return 0 when accepted at once
     * @throws WsaException {@code WSA_IO_PENDING} when queued, {@code WSAEINVAL} if not listening,
     *         or the target's failure to take the connection (which is then reset)
     */
    int startAccept(Op op) throws WsaException {
        Handover taken = change(() -> {
            requireOpen(op.issuer);
            requireListening(op.issuer, "AcceptEx");
            events.reenable(NetworkEvents.FD_ACCEPT);
            if (accepts.isEmpty() && !backlog.isEmpty()) {
                return handover(backlog.poll());
            }
            accepts.add(op);
            return null;
        });
        if (taken == null) {
            throw WsaException.ioPending();
        }
        try {
            op.target.endpoint.attach(taken, op.target, "AcceptEx");
        } catch (WsaException e) {
            taken.link().abort();
            throw e;
        }
        op.deliver();
        return 0;
    }

    /**
     * Checks that a socket can take a connection through {@code AcceptEx}: new, neither bound,
     * listening nor connected.
     *
     * @param d its descriptor
     * @param function {@code AcceptEx}, for the message
     * @throws WsaException {@code WSAEINVAL} otherwise
     */
    void requireFresh(Descriptor d, String function) throws WsaException {
        synchronized (lock) {
            if (state != NEW || name != null || connecting || d.isClosed()) {
                throw new WsaException(WsaError.WSAEINVAL, function + ": " + d.describe() + " must be a new socket,"
                        + " neither bound, listening nor connected");
            }
        }
    }

    /**
     * Makes this new socket the server end of an accepted connection: it takes the listener's name,
     * options and event selection, then reads the client's bytes.
     *
     * @param taken the connection and what to inherit
     * @param owner the descriptor that owns the inherited selection
     * @param function the accepting function, for the message
     * @throws WsaException {@code WSAEINVAL} if the socket is no longer new
     */
    void attach(Handover taken, Descriptor owner, String function) throws WsaException {
        change(() -> {
            requireFresh(owner, function);
            options.copyFrom(taken.options());
            state = CONNECTED;
            link = taken.link();
            name = taken.name();
            peerName = link.clientName;
            inbound = link.toServer;
            outbound = link.toClient;
            events.inherit(taken.selection(), owner.handle(), owner.upcall());
            changed = true;
            inbound.reader(this); // from now on the client's sends serve this socket
            return null;
        });
    }

    /**
     * {@code WSPShutdown} and {@code WSPSendDisconnect}. Ending sending queues the end of the stream
     * behind the queued sends; ending receiving drops unread bytes and resets the connection if
     * there were any, as TCP does.
     *
     * @param d the descriptor
     * @param input stop receiving
     * @param output stop sending
     * @param data disconnect data to end the stream with, or null
     * @param function the {@code WSP*} function, for messages
     * @throws WsaException {@code WSAENOTCONN}
     */
    void shutdown(Descriptor d, boolean input, boolean output, byte[] data, String function) throws WsaException {
        change(() -> {
            requireConnected(d, function);
            if (output && !outputShutdown) {
                outputShutdown = true;
                disconnectData = data;
                changed = true;
            }
            if (input) {
                shutInput();
            }
            return null;
        });
    }

    /**
     * {@code WSPRecvDisconnect}: copies the disconnect data the peer ended its stream with, then
     * stops receiving.
     *
     * @param d the descriptor
     * @param into where the data goes, or null
     * @throws WsaException {@code WSAENOTCONN}, {@code WSAEFAULT} if {@code into} cannot hold the
     *         data (nothing changes then)
     */
    void recvDisconnect(Descriptor d, ByteBuffer into) throws WsaException {
        change(() -> {
            requireConnected(d, "WSPRecvDisconnect");
            byte[] data = inbound.disconnectData();
            if (data != null && data.length > 0) {
                if (into == null || into.remaining() < data.length) {
                    throw new WsaException(WsaError.WSAEFAULT, "WSPRecvDisconnect on " + d.describe() + ": the peer's"
                            + " disconnect data has " + data.length + " bytes, the buffer room for "
                            + (into == null ? 0 : into.remaining()));
                }
                into.put(data);
            }
            shutInput();
            return null;
        });
    }

    /**
     * {@code WSPGetSockName}.
     *
     * @param d the descriptor
     * @return the bound name; an accepted socket has its listener's
     * @throws WsaException {@code WSAEINVAL} if not bound
     */
    SockAddr localName(Descriptor d) throws WsaException {
        String n;
        synchronized (lock) {
            n = name;
        }
        if (n == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPGetSockName: " + d.describe() + " is not bound");
        }
        return UnixAddress.of(n);
    }

    /**
     * {@code WSPGetPeerName}.
     *
     * @param d the descriptor
     * @return the peer's name
     * @throws WsaException {@code WSAENOTCONN}
     */
    SockAddr peerName(Descriptor d) throws WsaException {
        String n;
        synchronized (lock) {
            requireConnected(d, "WSPGetPeerName");
            n = peerName;
        }
        return UnixAddress.of(n);
    }

    // ---- event selection and readiness --------------------------------------------------------

    /**
     * {@code WSPEventSelect} ({@code window == null}) and {@code WSPAsyncSelect}: replaces the
     * selection, clears the record, makes the socket non-blocking and records at once what holds.
     *
     * @param owner the selecting descriptor
     * @param event the event object, or null
     * @param window the window, or null
     * @param message the message number
     * @param bits {@code FD_*} bits, 0 to cancel
     * @throws WsaException {@code WSAENOTSOCK} if the descriptor was closed meanwhile
     */
    void select(Descriptor owner, EventHandle event, WindowHandle window, int message, int bits) throws WsaException {
        change(() -> {
            requireOpen(owner);
            options.nonBlocking(true);
            events.select(owner.handle(), owner.upcall(), event, window, message, bits, state == CONNECTED);
            return null;
        });
    }

    /**
     * {@code WSPEnumNetworkEvents}.
     *
     * @param d the calling descriptor, whose upcalls reset the event
     * @param reset the event to reset, or null
     * @return the record, now cleared
     * @throws WsaException {@code WSA_INVALID_HANDLE} for an event that is not open
     */
    NetworkEvents enumNetworkEvents(Descriptor d, EventHandle reset) throws WsaException {
        synchronized (lock) {
            return events.take(d.upcall(), reset);
        }
    }

    /**
     * {@code FIONBIO}.
     *
     * @param d the descriptor
     * @param on true for non-blocking
     * @throws WsaException {@code WSAEINVAL} to make blocking a socket with events selected
     */
    void nonBlocking(Descriptor d, boolean on) throws WsaException {
        synchronized (lock) {
            if (!on && events.isActive()) {
                throw new WsaException(WsaError.WSAEINVAL, "FIONBIO: " + d.describe() + " has events selected"
                        + " (WSPEventSelect or WSPAsyncSelect), which keep it non-blocking; select 0 events first");
            }
            options.nonBlocking(on);
        }
    }

    /**
     * {@code WSPSelect}: which of the interest bits the socket satisfies now; registers a waiter to
     * be woken by the next change.
     *
     * @param interest {@link SelectCall#READ} and {@link SelectCall#WRITE} bits
     * @param waiter the select's waiter, or null when polling
     * @return the satisfied bits: readable with a connection waiting, data, the end of the stream or a
     *         reset; writable with room or a send that would fail at once
     */
    int readiness(int interest, Blocking.Waiter waiter) {
        synchronized (lock) {
            if (waiter != null && !waiters.contains(waiter)) {
                waiters.add(waiter);
            }
            int ready = 0;
            if (state == LISTENING && !backlog.isEmpty()) {
                ready |= SelectCall.READ;
            } else if (state == CONNECTED) {
                if (inputShutdown || inbound.canRead()) {
                    ready |= SelectCall.READ;
                }
                if (outputShutdown || outbound.canWrite()) {
                    ready |= SelectCall.WRITE;
                }
            }
            return ready & interest;
        }
    }

    /**
     * Forgets a select's waiter.
     *
     * @param waiter the waiter
     */
    void unwatch(Blocking.Waiter waiter) {
        synchronized (lock) {
            waiters.remove(waiter);
        }
    }

    // ---- options ----------------------------------------------------------------------------

    /**
     * {@code WSPGetSockOpt}. The buffer sizes of a connected socket are its pipes' capacities.
     *
     * @param <T> the value type
     * @param d the descriptor, for messages
     * @param option the option
     * @return its value
     * @throws WsaException {@code WSAENOPROTOOPT} for an option stream sockets of this provider do not have
     */
    <T> T getSockOpt(Descriptor d, SockOpt<T> option) throws WsaException {
        Option o = Option.of(option, "WSPGetSockOpt on " + d.describe());
        Object value;
        synchronized (lock) {
            switch (o) {
                case SO_ACCEPTCONN:
                    value = state == LISTENING;
                    break;
                case SO_PROTOCOL_INFOW:
                    value = info;
                    break;
                case SO_SNDBUF:
                    value = state == CONNECTED ? outbound.capacity() : options.get(o);
                    break;
                case SO_RCVBUF:
                    value = state == CONNECTED ? inbound.capacity() : options.get(o);
                    break;
                default:
                    value = options.get(o);
            }
        }
        return option.cast(value);
    }

    /**
     * {@code WSPSetSockOpt}. On a connected socket {@code SO_SNDBUF} resizes the outgoing pipe and
     * {@code SO_RCVBUF} the incoming one.
     *
     * @param d the descriptor, for messages
     * @param option the option
     * @param value the value
     * @throws WsaException {@code WSAENOPROTOOPT} (unknown), {@code WSAEINVAL} (read-only or bad
     *         value), {@code WSAEFAULT} (wrong type)
     */
    void setSockOpt(Descriptor d, SockOpt<?> option, Object value) throws WsaException {
        String function = "WSPSetSockOpt on " + d.describe();
        Option o = Option.of(option, function);
        if (o.readOnly) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": " + option + " can only be read");
        }
        Object checked = option.cast(value);
        change(() -> {
            options.set(o, checked, function);
            if (state == CONNECTED && o == Option.SO_SNDBUF) {
                outbound.capacity(options.sendBuffer());
                changed = true;
            } else if (state == CONNECTED && o == Option.SO_RCVBUF) {
                inbound.capacity(options.receiveBuffer());
                progress(); // the peer may have room now
            }
            return null;
        });
    }

    // ---- descriptors and closing ------------------------------------------------------------

    /**
     * Adds a descriptor reference: a duplicated-socket token.
     */
    void retain() {
        synchronized (lock) {
            refs++;
        }
    }

    /**
     * {@code WSPCloseSocket}, first part, for the last descriptor of a socket with {@code SO_LINGER}
     * on: with a time, a blocking socket waits until the peer took the bytes sent, a non-blocking
     * one fails while bytes wait; a zero time closes abortively.
     *
     * @param d the closing descriptor
     * @return true if the close must be abortive
     * @throws WsaException {@code WSAEWOULDBLOCK} (non-blocking, bytes unsent), {@code WSAEINTR}
     *         (cancelled): the handle stays open
     */
    boolean linger(Descriptor d) throws WsaException {
        Linger linger = options.linger();
        if (!linger.onOff() || linger.seconds() == 0) {
            return linger.onOff();
        }
        try {
            untilDone(d, linger.seconds() * 1000, "WSPCloseSocket", () -> {
                if (refs > 1 || state != CONNECTED || outbound.isDrained()) {
                    return Boolean.TRUE;
                }
                if (options.isNonBlocking()) {
                    throw WsaException.wouldBlock();
                }
                return null;
            });
            return false;
        } catch (WsaException e) {
            if (e.error() == WsaError.WSAETIMEDOUT) {
                return true; // the linger time ran out: the connection is reset
            }
            throw e;
        }
    }

    /**
     * Stops serving a closing descriptor: its queued operations complete with
     * {@code WSA_OPERATION_ABORTED} (before its handle is released), its selection ends and its
     * blocked calls wake to fail with {@code WSAEINTR}.
     *
     * @param d the descriptor, already marked closed
     * @throws WsaException never in practice; the change machinery declares it
     */
    void detach(Descriptor d) throws WsaException {
        Outcomes aborted = new Outcomes();
        change(() -> {
            abort(d, null, aborted);
            events.clearIfSelectedVia(d.handle());
            changed = true;
            return null;
        });
        aborted.deliver();
    }

    /**
     * Drops a descriptor reference; the last one closes the socket: gracefully (the peer reads what
     * was sent, then the end of the stream; unread bytes here reset the connection, as TCP does) or
     * abortively (the peer sees {@code WSAECONNRESET}). A listener's waiting connections are reset.
     *
     * @param abortive reset the connection
     * @throws WsaException never in practice; the change machinery declares it
     */
    void release(boolean abortive) throws WsaException {
        Outcomes aborted = new Outcomes();
        List<Link> orphans = change(() -> {
            if (--refs > 0) {
                return List.of();
            }
            int was = state;
            state = CLOSED;
            changed = true;
            abort(null, null, aborted);
            events.clear();
            network.release(name, this);
            if (was == CONNECTED && abortive) {
                resetLink();
            } else if (was == CONNECTED) {
                shutInput();
                if (outbound.finish(disconnectData)) {
                    progress();
                }
            }
            return was == LISTENING ? backlog.drain() : List.of();
        });
        aborted.deliver();
        orphans.forEach(Link::abort);
    }

    // ---- checks; the caller holds the lock ----------------------------------------------------

    private static void requireOpen(Descriptor d) throws WsaException {
        if (d.isClosed()) {
            throw new WsaException(WsaError.WSAENOTSOCK, d.describe() + " was closed");
        }
    }

    private void requireConnected(Descriptor d, String function) throws WsaException {
        if (state != CONNECTED) {
            throw new WsaException(WsaError.WSAENOTCONN, function + " needs a connected socket; " + d.describe()
                    + (state == LISTENING ? " is listening" : " is not connected"));
        }
    }

    private void requireSending(Descriptor d, String function) throws WsaException {
        requireConnected(d, function);
        if (outputShutdown) {
            throw new WsaException(WsaError.WSAESHUTDOWN, function + " on " + d.describe()
                    + ": sending was shut down (SD_SEND)");
        }
    }

    private void requireListening(Descriptor d, String function) throws WsaException {
        if (state != LISTENING) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": " + d.describe() + " is not listening; call"
                    + " WSPListen first");
        }
    }
}
