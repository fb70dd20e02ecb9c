package ws2.provider.tcpip;

import java.io.IOException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import ws2.api.FdSet;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * {@code WSPSelect} on java.nio selectors, one per thread and dispatch, kept between calls so
 * repeated selects do not open and close file descriptors.
 *
 * <h2>One call</h2>
 * Each socket in the sets is held non-blocking ({@link TcpipSocket#holdNonBlocking()}) and
 * registered for what its state lets the selector tell: accept for a listener, connect for a
 * connecting socket, read and write for a connected or datagram socket, nothing for an idle TCP
 * socket (which Winsock never reports ready). What the selector cannot see (peeked bytes, a
 * deferred connection, a datagram {@code FIONREAD} took) makes the call poll. When the wait ends,
 * every key is cancelled and flushed with {@link Selector#selectNow()}, which deregisters the
 * channels, and the sockets' blocking modes are restored.
 *
 * <p>Consequence for other threads: a blocking call running on a socket when a select begins
 * delays the select until it returns (java.nio changes the mode under the channel's locks), and a
 * blocking call that starts on the socket while a select holds it finds the channel non-blocking
 * and fails with {@code WSAEWOULDBLOCK} instead of waiting. Closing a socket while another thread
 * selects on it does not wake that select.
 *
 * <p>Selectors of threads that ended stay open until {@link #close()}, called by {@code WSPCleanup}.
 */
final class Selection {
    private final ThreadLocal<Selector> perThread = new ThreadLocal<>();
    private final Set<Selector> open = ConcurrentHashMap.newKeySet();

    /** One socket of a select: what its sets ask, its key and what it turned out to be ready for. */
    private static final class Entry {
        final TcpipSocket socket;
        int interest;
        SelectionKey key;
        int readyOps;
        int ready;

        Entry(TcpipSocket socket) {
            this.socket = socket;
        }

        /** Registers the socket's current channel for what its state lets the selector tell. */
        void register(Selector selector) throws WsaException {
            int ops = socket.interestOps(interest);
            SelectableChannel ch = socket.channel();
            try {
                if (key != null && key.channel() != ch) {
                    key.cancel(); // the socket changed channel: it listened, or a failed connect replaced it
                    key = null;
                }
                if (key != null) {
                    key.interestOps(ops);
                } else if (ops != 0) {
                    key = ch.register(selector, ops, this);
                }
            } catch (IOException | RuntimeException e) {
                throw socket.failure(e, "WSPSelect");
            }
        }
    }

    /**
     * {@code WSPSelect}.
     *
     * @param dispatch the dispatch whose sockets the sets must hold
     * @param read sockets tested for reading, or null
     * @param write sockets tested for writing, or null
     * @param except sockets tested for a failed connect, or null
     * @param timeout null to wait for ever, zero to poll
     * @return the ready sockets of all sets, a socket counting once per set
     * @throws WsaException {@code WSAENOTSOCK} for a foreign socket, {@code WSAEINVAL} for empty
     *         sets or a negative timeout, {@code WSAEINTR} if the thread is interrupted
     */
    int select(TcpipDispatch dispatch, FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        Map<TcpipSocket, Entry> entries = new IdentityHashMap<>();
        collect(dispatch, entries, read, TcpipSocket.READ);
        collect(dispatch, entries, write, TcpipSocket.WRITE);
        collect(dispatch, entries, except, TcpipSocket.EXCEPT);
        if (entries.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSelect needs at least one socket in its sets");
        }
        if (timeout != null && timeout.isNegative()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSelect timeout must not be negative: " + timeout);
        }
        Selector selector = selector();
        List<Entry> held = new ArrayList<>(entries.size());
        try {
            for (Entry e : entries.values()) {
                e.socket.holdNonBlocking();
                held.add(e);
            }
            await(selector, held, timeout);
        } catch (IOException | RuntimeException e) {
            WsaException releaseFailure = release(selector, held);
            WsaException failure = Failures.map(e, null, "WSPSelect", false);
            if (releaseFailure != null) {
                failure.addSuppressed(releaseFailure);
            }
            throw failure;
        }
        WsaException releaseFailure = release(selector, held);
        if (releaseFailure != null) {
            throw releaseFailure;
        }
        return reduce(read, entries, TcpipSocket.READ) + reduce(write, entries, TcpipSocket.WRITE)
                + reduce(except, entries, TcpipSocket.EXCEPT);
    }

    private static void collect(TcpipDispatch dispatch, Map<TcpipSocket, Entry> entries, FdSet set, int bit)
            throws WsaException {
        if (set == null) {
            return;
        }
        for (int i = 0; i < set.count(); i++) {
            entries.computeIfAbsent(dispatch.socketOf(set.get(i)), Entry::new).interest |= bit;
        }
    }

    /** Waits until a socket is ready or the timeout ends; loops over wake-ups that ready nothing. */
    private static void await(Selector selector, List<Entry> entries, Duration timeout) throws IOException {
        long deadline = timeout == null ? 0 : System.nanoTime() + saturatedNanos(timeout);
        while (true) {
            boolean readyNow = false;
            for (Entry e : entries) {
                e.register(selector);
                e.readyOps = 0;
                readyNow |= e.socket.readiness(e.interest, 0) != 0;
            }
            long left = timeout == null ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (readyNow || left <= 0) {
                selector.selectNow();
            } else if (timeout == null) {
                selector.select();
            } else {
                selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            for (SelectionKey key : selector.selectedKeys()) {
                ((Entry) key.attachment()).readyOps = key.readyOps();
            }
            selector.selectedKeys().clear();
            boolean any = false;
            for (Entry e : entries) {
                e.ready = e.socket.readiness(e.interest, e.readyOps);
                any |= e.ready != 0;
            }
            if (any || timeout != null && deadline - System.nanoTime() <= 0) {
                return;
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new WsaException(WsaError.WSAEINTR, "WSPSelect was interrupted");
            }
        }
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2; // centuries: as good as no timeout, without overflowing the deadline
        }
    }

    /**
     * Cancels the keys, flushes them so the channels leave the selector, and restores the blocking
     * modes. Runs to the end whatever fails.
     *
     * @return the first failure, with later ones suppressed, or null
     */
    private static WsaException release(Selector selector, List<Entry> held) {
        WsaException failure = null;
        for (Entry e : held) {
            if (e.key != null) {
                e.key.cancel();
            }
        }
        try {
            selector.selectNow();
        } catch (IOException | RuntimeException e) {
            failure = Failures.map(e, null, "WSPSelect", false);
        }
        for (Entry e : held) {
            try {
                e.socket.releaseNonBlocking();
            } catch (WsaException x) {
                failure = Failures.chain(failure, x);
            }
        }
        return failure;
    }

    /** Removes the sockets not ready for the set's condition; returns how many stay. */
    private static int reduce(FdSet set, Map<TcpipSocket, Entry> entries, int bit) {
        if (set == null) {
            return 0;
        }
        for (int i = set.count() - 1; i >= 0; i--) {
            SocketHandle s = set.get(i);
            if ((entries.get((TcpipSocket) s.ifsHandle()).ready & bit) == 0) {
                set.clear(s);
            }
        }
        return set.count();
    }

    private Selector selector() throws WsaException {
        Selector selector = perThread.get();
        if (selector == null || !selector.isOpen()) {
            try {
                selector = Selector.open();
            } catch (IOException e) {
                throw Failures.map(e, null, "WSPSelect", false);
            }
            open.add(selector);
            perThread.set(selector);
        }
        return selector;
    }

    /**
     * Closes every selector this dispatch opened, for {@code WSPCleanup}; a select still running
     * fails.
     *
     * @throws IOException the first failure, with later ones suppressed
     */
    void close() throws IOException {
        IOException failure = null;
        for (Selector selector : open) {
            open.remove(selector);
            failure = Failures.close(selector, failure);
        }
        if (failure != null) {
            throw failure;
        }
    }
}
