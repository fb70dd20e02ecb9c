package ws2.provider.tcpip;

import java.nio.ByteBuffer;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.CompletionRoutine;
import ws2.api.EventHandle;
import ws2.api.MessageFlags;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.transport.NetworkEventSelection;
import ws2.spi.transport.OverlappedCompletion;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The asynchronous side of one socket: its network-event selection ({@code WSPEventSelect} or
 * {@code WSPAsyncSelect}) and its pending overlapped operations, driven by the dispatch's
 * {@link Reactor}.
 *
 * <h2>Mode</h2>
 * A socket gets this state with its first asynchronous call and keeps its channel non-blocking from
 * then on ({@link TcpipSocket#holdNonBlocking()} with no release), so the reactor can select on it.
 *
 * <h2>Network events</h2>
 * Recorded as Winsock records them: an event selected and enabled is recorded once, then waits for
 * its re-enabling call ({@link #reenable}): a receive for {@code FD_READ}, a send that would block
 * and then can proceed for {@code FD_WRITE}, an accept for {@code FD_ACCEPT}. {@code FD_READ} and
 * {@code FD_ACCEPT} are level-triggered: if data or a connection is still waiting after the
 * re-enabling call, the reactor records them again. {@code FD_CLOSE} is recorded when the reactor,
 * peeking, finds the end of the stream (error 0) or a reset ({@code WSAECONNRESET}); while unread
 * data waits after an {@code FD_READ}, the reactor stops reading, so {@code FD_CLOSE} comes once
 * the application has received what was there, never before.
 *
 * <h2>Overlapped operations</h2>
 * Each direction is a queue served in order. A new operation whose queue is empty is tried at once
 * and, if it can complete, completes in the calling thread (with its completion indicated, as the SPI
 * demands of an immediate success); else it waits for the reactor. A stream send completes when all
 * its bytes are sent. Completions are indicated after the lock is released.
 *
 * <p>Thread-safe: the state is guarded by this object's monitor; the selection key is touched only
 * by the reactor thread.
 */
final class AsyncSocket {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncSocket.class);

    private static final int RECV = 0;
    private static final int RECV_FROM = 1;
    private static final int SEND = 2;
    private static final int SEND_TO = 3;
    private static final int ACCEPT = 4;
    private static final int CONNECT = 5;

    /** One overlapped operation; once complete it also holds its outcome, indicated after the lock. */
    static final class Op {
        final int kind;
        final SocketHandle via;
        final ByteBuffer[] buffers;
        final int flags;
        final SockAddr address;
        final Overlapped overlapped;
        final CompletionRoutine routine;
        final ThreadId thread;
        final TcpSocket target;
        long done;
        int error;
        int resultFlags;
        WsaException failure;

        Op(int kind, SocketHandle via, ByteBuffer[] buffers, int flags, SockAddr address, Overlapped overlapped,
                CompletionRoutine routine, ThreadId thread, TcpSocket target) {
            this.kind = kind;
            this.via = via;
            this.buffers = buffers;
            this.flags = flags;
            this.address = address;
            this.overlapped = overlapped;
            this.routine = routine;
            this.thread = thread;
            this.target = target;
        }

        /** Records the outcome. */
        Op finish(int code, long transferred, int flags) {
            error = code;
            done = transferred;
            resultFlags = flags;
            return this;
        }
    }

    private final TcpipSocket socket;
    private final Upcall upcall;
    private final Reactor reactor;

    // guarded by this
    private final ArrayDeque<Op> reads = new ArrayDeque<>(2);
    private final ArrayDeque<Op> writes = new ArrayDeque<>(2);
    private ArrayDeque<Op> accepts; // created by the first AcceptEx: listeners only
    private Op connecting;
    private NetworkEventSelection selection; // made by the first selection: most sockets never select
    private boolean readArmed = true;
    private boolean readable = true; // whether a receive is worth trying before the reactor reports data
    private boolean connectWatched;
    private boolean closeSeen;
    private boolean closed;
    private boolean queued;
    private int registeredOps;
    private SelectionKey key; // reactor thread only

    AsyncSocket(TcpipSocket socket, Upcall upcall, Reactor reactor) throws WsaException {
        this.socket = socket;
        this.upcall = upcall;
        this.reactor = reactor;
        socket.holdNonBlocking();
    }

    // ---- network-event selection ------------------------------------------------------------

    /**
     * {@code WSPEventSelect} ({@code window == null}) or {@code WSPAsyncSelect}: replaces the
     * selection and clears the record; what already holds is recorded as the reactor sees it.
     */
    void select(SocketHandle via, EventHandle event, WindowHandle window, int message, int events)
            throws WsaException {
        socket.setNonBlocking(true);
        synchronized (this) {
            if (selection == null) {
                selection = new NetworkEventSelection();
            }
            selection.select(via, upcall, event, window, message, events, socket.isConnected());
            readArmed = true;
            closeSeen = false;
            connectWatched = events != 0 && socket.isConnecting();
        }
        requestUpdate();
    }

    /** Gives an accepted socket its listener's selection, as Winsock does, and FD_WRITE is due. */
    void inherit(AsyncSocket listener, SocketHandle via) throws WsaException {
        NetworkEventSelection.Snapshot from;
        synchronized (listener) {
            from = listener.selection == null ? null : listener.selection.snapshot();
        }
        if (from == null || from.events() == 0) {
            return;
        }
        socket.setNonBlocking(true);
        synchronized (this) {
            if (selection == null) {
                selection = new NetworkEventSelection();
            }
            selection.inherit(from, via, upcall);
        }
        requestUpdate();
    }

    /** {@code WSPEnumNetworkEvents}: takes the record and resets the event, atomically. */
    synchronized NetworkEvents enumNetworkEvents(EventHandle reset) throws WsaException {
        return selection == null ? NetworkEventSelection.nothingRecorded(upcall, reset) : selection.take(upcall, reset);
    }

    /**
     * Tells whether an event or async selection is active, which forbids {@code FIONBIO} to make
     * the socket blocking.
     *
     * @return true while events are selected
     */
    synchronized boolean isSelecting() {
        return selecting();
    }

    /** Whether events are selected. The caller holds the lock. */
    private boolean selecting() {
        return selection != null && selection.isActive();
    }

    /** Whether an event is selected and enabled. The caller holds the lock. */
    private boolean wants(int bits) {
        return selection != null && selection.wants(bits);
    }

    /**
     * The re-enabling rule: a call that re-enables {@code bits} was made.
     *
     * @param bits {@code FD_*} bits the call re-enables
     * @param wouldBlock the call was a send that failed with {@code WSAEWOULDBLOCK}
     */
    void reenable(int bits, boolean wouldBlock) {
        synchronized (this) {
            if (!selecting()) {
                return;
            }
            selection.reenable(bits);
            if ((bits & NetworkEvents.FD_READ) != 0) {
                readArmed = true;
                if (socket.buffered() > 0) {
                    record(NetworkEvents.FD_READ, 0); // bytes the socket already holds: no selector sees them
                }
            }
            if (wouldBlock) {
                selection.armWrite();
            }
        }
        requestUpdate();
    }

    /** A non-blocking connect started: FD_CONNECT follows when it ends. */
    void connectStarted() {
        synchronized (this) {
            connectWatched = selecting();
        }
        requestUpdate();
    }

    /** Records an event if selected and enabled, and signals or posts it. The caller holds the lock. */
    private void record(int bit, int error) {
        if (selection != null && !selection.record(bit, error)) {
            LOG.debug("{}: the event or window selected for event 0x{} is gone", socket.describe(),
                    Integer.toHexString(bit));
        }
    }

    // ---- overlapped operations --------------------------------------------------------------

    int recv(SocketHandle via, ByteBuffer[] buffers, int flags, Overlapped ov, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        if ((flags & MessageFlags.MSG_PEEK) != 0) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPRecv: an overlapped receive cannot peek (MSG_PEEK)");
        }
        return start(reads, new Op(RECV, via, buffers, flags, null, ov, routine, thread, null));
    }

    int recvFrom(SocketHandle via, ByteBuffer[] buffers, int flags, Overlapped ov, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        return start(reads, new Op(RECV_FROM, via, buffers, flags, null, ov, routine, thread, null));
    }

    int send(SocketHandle via, ByteBuffer[] buffers, int flags, Overlapped ov, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        return start(writes, new Op(SEND, via, buffers, flags, null, ov, routine, thread, null));
    }

    int sendTo(SocketHandle via, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped ov,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return start(writes, new Op(SEND_TO, via, buffers, flags, to, ov, routine, thread, null));
    }

    int accept(SocketHandle via, TcpSocket target, Overlapped ov, CompletionRoutine routine, ThreadId thread)
            throws WsaException {
        synchronized (this) {
            if (accepts == null) {
                accepts = new ArrayDeque<>(2);
            }
        }
        return start(accepts, new Op(ACCEPT, via, null, 0, null, ov, routine, thread, target));
    }

    int connect(SocketHandle via, SockAddr name, Overlapped ov, CompletionRoutine routine, ThreadId thread)
            throws WsaException {
        Op op = new Op(CONNECT, via, null, 0, name, ov, routine, thread, null);
        synchronized (this) {
            requireOpen();
            if (connecting != null) {
                throw new WsaException(WsaError.WSAEALREADY, "ConnectEx: " + socket.describe() + " is already connecting");
            }
            try {
                socket.connect(name, null);
            } catch (WsaException e) {
                if (e.error() != WsaError.WSAEWOULDBLOCK) {
                    throw e;
                }
                connecting = op;
            }
        }
        if (connecting != op) {
            indicate(op.finish(0, 0, 0));
            return 0;
        }
        requestUpdate();
        throw WsaException.ioPending();
    }

    /**
     * Queues an operation, or runs it at once when it is first in its queue and can complete. A
     * receive is not tried while the socket is known to be empty (a receive found nothing and the
     * reactor has not reported it readable since): that read would fail.
     */
    private int start(ArrayDeque<Op> queue, Op op) throws WsaException {
        boolean now;
        boolean update = false;
        synchronized (this) {
            requireOpen();
            boolean reading = queue == reads;
            now = queue.isEmpty() && (!reading || readable || socket.buffered() > 0) && attempt(op);
            if (!now) {
                if (reading) {
                    readable = false;
                }
                queue.add(op);
                update = needsUpdate();
            }
        }
        if (!now) {
            if (update) {
                reactor.update(this);
            }
            throw WsaException.ioPending();
        }
        if (op.failure != null) {
            throw op.failure; // failed at once: an error return, and no completion indication
        }
        indicate(op);
        return (int) op.done;
    }

    private void requireOpen() throws WsaException {
        if (closed) {
            throw new WsaException(WsaError.WSAENOTSOCK, socket.describe() + " is closed");
        }
    }

    /**
     * Tries an operation now, without blocking. The caller holds the lock.
     *
     * @return true if it completed (its outcome is in it), false if it must wait
     */
    private boolean attempt(Op op) {
        try {
            switch (op.kind) {
                case RECV:
                    int n = socket.recv(op.buffers, op.flags);
                    if (n > 0) {
                        readable = false; // more data, if any, is the reactor's to report
                    }
                    op.finish(0, n, 0);
                    return true;
                case RECV_FROM:
                    Received r = socket.recvFrom(op.buffers, op.flags);
                    op.overlapped.recordSender(r.from());
                    op.finish(0, r.bytes(), r.flags());
                    return true;
                case SEND:
                    return sendSome(op);
                case SEND_TO:
                    op.finish(0, socket.sendTo(op.buffers, op.flags, op.address), 0);
                    return true;
                case ACCEPT:
                    return ((TcpSocket) socket).acceptInto(op.target, this);
                default:
                    return socket.connectFinished();
            }
        } catch (WsaException e) {
            if (e.error() == WsaError.WSAEWOULDBLOCK) {
                return false;
            }
            op.finish(e.error().code(), op.done, 0).failure = e;
            return true;
        }
    }

    /** A stream send completes when every byte went out. */
    private boolean sendSome(Op op) throws WsaException {
        while (Buffers.remaining(op.buffers) > 0) {
            try {
                op.done += socket.send(op.buffers, op.flags);
            } catch (WsaException e) {
                if (e.error() == WsaError.WSAEWOULDBLOCK) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    private void indicate(Op op) {
        try {
            OverlappedCompletion.indicate(upcall, op.via, op.overlapped, op.routine, op.thread, op.error,
                    (int) Math.min(op.done, Integer.MAX_VALUE), op.resultFlags);
        } catch (WsaException | RuntimeException e) {
            LOG.warn("{}: indicating the completion of an overlapped operation failed: {}", socket.describe(), e.toString());
        }
    }

    private void indicate(List<Op> done) {
        for (int i = 0; i < done.size(); i++) {
            indicate(done.get(i));
        }
    }

    /**
     * {@code CancelIoEx}: completes the pending operations that match with
     * {@code WSA_OPERATION_ABORTED}.
     *
     * @param ov the operation, or null for all
     * @return how many were cancelled
     */
    int cancel(Overlapped ov) {
        List<Op> aborted = new ArrayList<>();
        synchronized (this) {
            abort(reads, ov, aborted);
            abort(writes, ov, aborted);
            abort(accepts, ov, aborted);
            if (connecting != null && (ov == null || connecting.overlapped == ov)) {
                aborted.add(connecting.finish(WsaError.WSA_OPERATION_ABORTED.code(), 0, 0));
                connecting = null;
            }
        }
        indicate(aborted);
        requestUpdate();
        return aborted.size();
    }

    private static void abort(ArrayDeque<Op> queue, Overlapped ov, List<Op> aborted) {
        if (queue == null) {
            return;
        }
        for (Iterator<Op> it = queue.iterator(); it.hasNext(); ) {
            Op op = it.next();
            if (ov == null || op.overlapped == ov) {
                it.remove();
                aborted.add(op.finish(WsaError.WSA_OPERATION_ABORTED.code(), op.done, 0));
            }
        }
    }

    /** {@code WSPCloseSocket}: aborts what is pending and drops the selection. */
    void close() {
        synchronized (this) {
            closed = true;
            if (selection != null) {
                selection.clear();
            }
        }
        cancel(null);
    }

    // ---- the reactor's side -----------------------------------------------------------------

    /**
     * Asks the reactor to register what the socket needs and is not registered for. Interest the
     * socket no longer needs is dropped by the reactor when a readiness comes that nobody wants, so
     * read interest stays registered between one overlapped receive and the next.
     */
    private void requestUpdate() {
        boolean update;
        synchronized (this) {
            update = needsUpdate();
        }
        if (update) {
            reactor.update(this);
        }
    }

    /** Whether the reactor must register more interest; marks the socket queued if so. The caller holds the lock. */
    private boolean needsUpdate() {
        if (queued || closed || (interest() & ~registeredOps) == 0) {
            return false;
        }
        queued = true;
        return true;
    }

    /** The selection operations the socket needs now. The caller holds the lock. */
    private int interest() {
        if (closed) {
            return 0;
        }
        int ops = 0;
        boolean readEvents = readArmed && selection != null && (selection.wants(NetworkEvents.FD_READ)
                || selection.selects(NetworkEvents.FD_CLOSE) && !closeSeen);
        if (!reads.isEmpty() || readEvents) {
            ops |= SelectionKey.OP_READ;
        }
        if (!writes.isEmpty() || selection != null && selection.writeDue()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (accepts != null && !accepts.isEmpty() || wants(NetworkEvents.FD_ACCEPT)) {
            ops |= SelectionKey.OP_ACCEPT;
        }
        if (connecting != null || connectWatched) {
            ops |= SelectionKey.OP_CONNECT;
        }
        return ops;
    }

    /** On the reactor thread: registers the channel or changes its interest. */
    void applyInterest(Selector selector) {
        SelectableChannel ch = socket.channel();
        int ops;
        synchronized (this) {
            queued = false;
            ops = interest() & ch.validOps();
            registeredOps = ops;
        }

        try {
            if (key != null && key.channel() != ch) {
                key.cancel(); // WSPListen gave the socket a new channel
                key = null;
            }
            if (key != null && key.isValid()) {
                key.interestOps(ops);
            } else if (ops != 0 && ch.isOpen()) {
                key = ch.register(selector, ops, this);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.debug("{}: cannot select its channel: {}", socket.describe(), e.toString());
        }
    }

    /**
     * On the reactor thread: serves what the channel is ready for, collecting completions in
     * {@code done} (the reactor's own list) to be indicated once the lock is released. Read interest
     * that served receives stays registered for the next one.
     *
     * @param k the key
     * @param done an empty list to collect completions in
     */
    void ready(SelectionKey k, List<Op> done) {
        try {
            serveReady(k, done);
        } finally {
            indicate(done);
        }
    }

    private synchronized void serveReady(SelectionKey k, List<Op> done) {
        if (closed || !k.isValid()) {
            return;
        }
        int ready = k.readyOps();
        if ((ready & SelectionKey.OP_CONNECT) != 0) {
            connectReady(done);
        }
        if ((ready & SelectionKey.OP_ACCEPT) != 0) {
            serve(accepts, done);
            if (accepts == null || accepts.isEmpty()) {
                record(NetworkEvents.FD_ACCEPT, 0);
            }
        }
        boolean servedReads = false;
        if ((ready & SelectionKey.OP_READ) != 0) {
            readable = true;
            servedReads = !reads.isEmpty();
            serve(reads, done);
            if (reads.isEmpty()) {
                readReady();
            }
        }
        if ((ready & SelectionKey.OP_WRITE) != 0) {
            serve(writes, done);
            if (writes.isEmpty() && selection != null && selection.writeDue()) {
                record(NetworkEvents.FD_WRITE, 0);
            }
        }
        int ops = (interest() | (servedReads ? SelectionKey.OP_READ : 0)) & k.channel().validOps();
        if (ops != registeredOps) {
            k.interestOps(ops);
            registeredOps = ops;
        }
    }

    private void serve(ArrayDeque<Op> queue, List<Op> done) {
        for (Op op; queue != null && (op = queue.peek()) != null; ) {
            if (!attempt(op)) {
                if (queue == reads) {
                    readable = false;
                }
                return;
            }
            queue.poll();
            done.add(op);
        }
    }

    private void connectReady(List<Op> done) {
        int error = 0;
        try {
            if (!socket.connectFinished()) {
                return;
            }
        } catch (WsaException e) {
            error = e.error().code();
        }
        connectWatched = false;
        record(NetworkEvents.FD_CONNECT, error);
        if (error == 0) {
            record(NetworkEvents.FD_WRITE, 0);
        }
        if (connecting != null) {
            done.add(connecting.finish(error, 0, 0));
            connecting = null;
        }
    }

    /** Readable with no receive waiting: what the selected events make of it. */
    private void readReady() {
        if (!selecting()) {
            return;
        }
        int state;
        int error = 0;
        try {
            state = socket.peekState();
        } catch (WsaException e) {
            state = 0;
            error = e.error() == WsaError.WSAEWOULDBLOCK ? -1 : e.error().code();
        }
        if (error == -1) {
            return;
        }
        if (state > 0 && error == 0) {
            record(NetworkEvents.FD_READ, 0);
            readArmed = false; // data waits for a receive, which re-arms
            return;
        }
        if (!closeSeen) {
            closeSeen = true;
            record(NetworkEvents.FD_CLOSE, error);
        }
    }
}
