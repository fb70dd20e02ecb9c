package ws2.provider.memory;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

import ws2.api.FdSet;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * {@code WSPSelect} over sockets of one dispatch: readiness is read from each endpoint under its
 * lock; a select that must wait registers one {@link Blocking.Waiter} with every endpoint in its
 * sets and parks until one of them changes, the timeout ends or the call is cancelled.
 *
 * <p>Readable: a listener with a connection waiting (deferred ones included), a connection with
 * data, at its end of stream, reset or shut for receiving. Writable: a connection with room in its
 * pipe, or whose send would fail at once. The except set is never satisfied: connects complete at
 * once and pipes carry no out-of-band data.
 */
final class SelectCall {
    /** Interest and readiness bit: the read set. */
    static final int READ = 1;
    /** Interest and readiness bit: the write set. */
    static final int WRITE = 2;
    /** Interest bit: the except set. */
    static final int EXCEPT = 4;

    /** One socket of a select: its descriptor, what its sets ask and what it is ready for. */
    private static final class Entry {
        final Descriptor descriptor;
        int interest;
        int ready;

        Entry(Descriptor descriptor) {
            this.descriptor = descriptor;
        }
    }

    private SelectCall() {
    }

    /**
     * {@code WSPSelect}.
     *
     * @param dispatch the dispatch whose sockets the sets must hold
     * @param read sockets tested for reading, or null
     * @param write sockets tested for writing, or null
     * @param except sockets tested for exceptions, or null
     * @param timeout null to wait for ever, zero to poll (without the blocking hook)
     * @return the ready sockets of all sets, a socket counting once per set
     * @throws WsaException {@code WSAENOTSOCK} for a socket that is not the dispatch's,
     *         {@code WSAEINVAL} for empty sets or a negative timeout, {@code WSAEINTR} when cancelled
     *         or when a socket of the sets is closed meanwhile
     */
    static int select(MemoryDispatch dispatch, FdSet read, FdSet write, FdSet except, Duration timeout)
            throws WsaException {
        Map<SocketHandle, Entry> entries = new IdentityHashMap<>();
        collect(dispatch, entries, read, READ);
        collect(dispatch, entries, write, WRITE);
        collect(dispatch, entries, except, EXCEPT);
        if (entries.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSelect needs at least one socket in its sets");
        }
        if (timeout != null && timeout.isNegative()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSelect timeout must not be negative: " + timeout);
        }
        boolean poll = timeout != null && timeout.isZero();
        long deadline = System.nanoTime() + (timeout == null ? 0 : saturatedNanos(timeout));
        Descriptor first = entries.values().iterator().next().descriptor;
        Blocking blocking = dispatch.blocking();
        Blocking.Waiter waiter = null;
        try {
            while (!check(entries.values(), waiter) && !poll) {
                if (waiter == null) {
                    waiter = blocking.begin(); // register, then check once more before parking
                } else if (!blocking.await(waiter, timeout != null, deadline, first, "WSPSelect")) {
                    break;
                }
            }
        } finally {
            if (waiter != null) {
                for (Entry e : entries.values()) {
                    e.descriptor.endpoint.unwatch(waiter);
                }
                blocking.end(waiter);
            }
        }
        return reduce(read, entries, READ) + reduce(write, entries, WRITE) + reduce(except, entries, EXCEPT);
    }

    private static void collect(MemoryDispatch dispatch, Map<SocketHandle, Entry> entries, FdSet set, int bit)
            throws WsaException {
        for (int i = 0; set != null && i < set.count(); i++) {
            SocketHandle s = set.get(i);
            Descriptor d = dispatch.socketOf(s);
            entries.computeIfAbsent(s, ignored -> new Entry(d)).interest |= bit;
        }
    }

    /** Reads every socket's readiness, registering the waiter; tells whether any is ready. */
    private static boolean check(Iterable<Entry> entries, Blocking.Waiter waiter) throws WsaException {
        boolean any = false;
        for (Entry e : entries) {
            e.ready = e.descriptor.endpoint.readiness(e.interest, waiter);
            if (e.descriptor.isClosed()) { // after registering: a close that follows wakes the waiter
                throw new WsaException(WsaError.WSAEINTR, "WSPSelect ended: another thread closed "
                        + e.descriptor.describe());
            }
            any |= e.ready != 0;
        }
        return any;
    }

    private static long saturatedNanos(Duration timeout) {
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 2; // centuries: as good as no timeout, without overflowing the deadline
        }
    }

    /** Removes the sockets not ready for the set's condition; returns how many stay. */
    private static int reduce(FdSet set, Map<SocketHandle, Entry> entries, int bit) {
        if (set == null) {
            return 0;
        }
        for (int i = set.count() - 1; i >= 0; i--) {
            SocketHandle s = set.get(i);
            if ((entries.get(s).ready & bit) == 0) {
                set.clear(s);
            }
        }
        return set.count();
    }
}
