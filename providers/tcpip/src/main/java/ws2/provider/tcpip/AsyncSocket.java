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

    /** One overlapped operation waiting for the reactor. */
    private static final class Op {
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
    }

    /** A completion to indicate once the lock is released; {@code failure} is the exception behind an error. */
    private record Done(Op op, int error, int transferred, int flags, WsaException failure) {
        Done(Op op, int error, int transferred, int flags) {
            this(op, error, transferred, flags, null);
        }
    }

    private final TcpipSocket socket;
    private final Upcall upcall;
    private final Reactor reactor;

    // guarded by this
    private final ArrayDeque<Op> reads = new ArrayDeque<>(2);
    private final ArrayDeque<Op> writes = new ArrayDeque<>(2);
    private final ArrayDeque<Op> accepts = new ArrayDeque<>(1);
    private Op connecting;
    private final NetworkEventSelection selection = new NetworkEventSelection();
    private boolean readArmed = true;
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
            from = listener.selection.snapshot();
        }
        if (from.events() == 0) {
            return;
        }
        socket.setNonBlocking(true);
        synchronized (this) {
            selection.inherit(from, via, upcall);
        }
        requestUpdate();
    }

    /** {@code WSPEnumNetworkEvents}: takes the record and resets the event, atomically. */
    synchronized NetworkEvents enumNetworkEvents(EventHandle reset) throws WsaException {
        return selection.take(upcall, reset);
    }

    /**
     * Tells whether an event or async selection is active, which forbids {@code FIONBIO} to make
     * the socket blocking.
     *
     * @return true while events are selected
     */
    synchronized boolean isSelecting() {
        return selection.isActive();
    }

    /**
     * The re-enabling rule: a call that re-enables {@code bits} was made.
     *
     * @param bits {@code FD_*} bits the call re-enables
     * @param wouldBlock the call was a send that failed with {@code WSAEWOULDBLOCK}
     */
    void reenable(int bits, boolean wouldBlock) {
        synchronized (this) {
            if (!selection.isActive()) {
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
            connectWatched = selection.isActive();
        }
        requestUpdate();
    }

    /** Records an event if selected and enabled, and signals or posts it. The caller holds the lock. */
    private void record(int bit, int error) {
        if (!selection.record(bit, error)) {
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
            indicate(new Done(op, 0, 0, 0));
            return 0;
        }
        requestUpdate();
        throw WsaException.ioPending();
    }

    /** Queues an operation, or runs it at once when it is first in its queue and can complete. */
    private int start(ArrayDeque<Op> queue, Op op) throws WsaException {
        Done done;
        synchronized (this) {
            requireOpen();
            done = queue.isEmpty() ? attempt(op) : null;
            if (done == null) {
                queue.add(op);
            }
        }
        if (done == null) {
            requestUpdate();
            throw WsaException.ioPending();
        }
        if (done.failure != null) {
            throw done.failure; // failed at once: an error return, and no completion indication
        }
        indicate(done);
        return done.transferred;
    }

    private void requireOpen() throws WsaException {
        if (closed) {
            throw new WsaException(WsaError.WSAENOTSOCK, socket.describe() + " is closed");
        }
    }

    /**
     * Tries an operation now, without blocking. The caller holds the lock.
     *
     * @return its completion, or null if it must wait
     */
    private Done attempt(Op op) {
        try {
            switch (op.kind) {
                case RECV:
                    return new Done(op, 0, socket.recv(op.buffers, op.flags), 0);
                case RECV_FROM:
                    Received r = socket.recvFrom(op.buffers, op.flags);
                    op.overlapped.recordSender(r.from());
                    return new Done(op, 0, r.bytes(), r.flags());
                case SEND:
                    return sendSome(op);
                case SEND_TO:
                    return new Done(op, 0, socket.sendTo(op.buffers, op.flags, op.address), 0);
                case ACCEPT:
                    return ((TcpSocket) socket).acceptInto(op.target, this) ? new Done(op, 0, 0, 0) : null;
                default:
                    return socket.connectFinished() ? new Done(op, 0, 0, 0) : null;
            }
        } catch (WsaException e) {
            return e.error() == WsaError.WSAEWOULDBLOCK ? null : new Done(op, e.error().code(), (int) op.done, 0, e);
        }
    }

    /** A stream send completes when every byte went out. */
    private Done sendSome(Op op) throws WsaException {
        while (Buffers.remaining(op.buffers) > 0) {
            try {
                op.done += socket.send(op.buffers, op.flags);
            } catch (WsaException e) {
                if (e.error() == WsaError.WSAEWOULDBLOCK) {
                    return null;
                }
                throw e;
            }
        }
        return new Done(op, 0, (int) op.done, 0);
    }

    private void indicate(Done d) {
        try {
            OverlappedCompletion.indicate(upcall, d.op.via, d.op.overlapped, d.op.routine, d.op.thread, d.error,
                    d.transferred, d.flags);
        } catch (WsaException | RuntimeException e) {
            LOG.warn("{}: indicating the completion of an overlapped operation failed: {}", socket.describe(), e.toString());
        }
    }

    private void indicate(List<Done> done) {
        if (done != null) {
            for (Done d : done) {
                indicate(d);
            }
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
        List<Done> aborted = new ArrayList<>();
        synchronized (this) {
            for (ArrayDeque<Op> q : List.of(reads, writes, accepts)) {
                for (Iterator<Op> it = q.iterator(); it.hasNext(); ) {
                    Op op = it.next();
                    if (ov == null || op.overlapped == ov) {
                        it.remove();
                        aborted.add(new Done(op, WsaError.WSA_OPERATION_ABORTED.code(), (int) op.done, 0));
                    }
                }
            }
            if (connecting != null && (ov == null || connecting.overlapped == ov)) {
                aborted.add(new Done(connecting, WsaError.WSA_OPERATION_ABORTED.code(), 0, 0));
                connecting = null;
            }
        }
        indicate(aborted);
        requestUpdate();
        return aborted.size();
    }

    /** {@code WSPCloseSocket}: aborts what is pending and drops the selection. */
    void close() {
        synchronized (this) {
            closed = true;
            selection.clear();
        }
        cancel(null);
    }

    // ---- the reactor's side -----------------------------------------------------------------

    private void requestUpdate() {
        synchronized (this) {
            if (queued || interest() == registeredOps && !closed) {
                return;
            }
            queued = true;
        }
        reactor.update(this);
    }

    /** The selection operations the socket needs now. The caller holds the lock. */
    private int interest() {
        if (closed) {
            return 0;
        }
        int ops = 0;
        boolean readEvents = readArmed && (selection.wants(NetworkEvents.FD_READ)
                || selection.selects(NetworkEvents.FD_CLOSE) && !closeSeen);
        if (!reads.isEmpty() || readEvents) {
            ops |= SelectionKey.OP_READ;
        }
        if (!writes.isEmpty() || selection.writeDue()) {
            ops |= SelectionKey.OP_WRITE;
        }
        if (!accepts.isEmpty() || selection.wants(NetworkEvents.FD_ACCEPT)) {
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

    /** On the reactor thread: serves what the channel is ready for. */
    void ready(SelectionKey k) {
        int ready = k.readyOps();

        List<Done> done = null;
        synchronized (this) {
            if ((ready & SelectionKey.OP_CONNECT) != 0) {
                done = connectReady(done);
            }
            if ((ready & SelectionKey.OP_ACCEPT) != 0) {
                done = serve(accepts, done);
                if (accepts.isEmpty()) {
                    record(NetworkEvents.FD_ACCEPT, 0);
                }
            }
            if ((ready & SelectionKey.OP_READ) != 0) {
                done = serve(reads, done);
                if (reads.isEmpty()) {
                    readReady();
                }
            }
            if ((ready & SelectionKey.OP_WRITE) != 0) {
                done = serve(writes, done);
                if (writes.isEmpty() && selection.writeDue()) {
                    record(NetworkEvents.FD_WRITE, 0);
                }
            }
            int ops = interest() & k.channel().validOps();
            if (ops != registeredOps) {
                k.interestOps(ops);
                registeredOps = ops;
            }
        }
        indicate(done);
    }

    private List<Done> serve(ArrayDeque<Op> queue, List<Done> done) {
        for (Op op; (op = queue.peek()) != null; ) {
            Done d = attempt(op);
            if (d == null) {
                break;
            }
            queue.poll();
            if (done == null) {
                done = new ArrayList<>(2);
            }
            done.add(d);
        }
        return done;
    }

    private List<Done> connectReady(List<Done> done) {
        int error = 0;
        try {
            if (!socket.connectFinished()) {
                return done;
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
            if (done == null) {
                done = new ArrayList<>(1);
            }
            done.add(new Done(connecting, error, 0, 0));
            connecting = null;
        }
        return done;
    }

    /** Readable with no receive waiting: what the selected events make of it. */
    private void readReady() {
        if (!selection.isActive()) {
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
