package ws2.core.upcall;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.Completion;
import ws2.api.CompletionPort;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.socket.HandleTable;
import ws2.spi.transport.CompletionDriver;

/**
 * An I/O completion port ({@code CreateIoCompletionPort}): a queue of completion packets, in the
 * order operations completed, taken by any number of threads. Closing it wakes them all with
 * {@code WSA_INVALID_HANDLE}; packets of its sockets go nowhere afterwards.
 *
 * <h2>Leader/follower</h2>
 * When the providers of its sockets offer a {@link CompletionDriver} (the tcpip provider's selector
 * loop), a thread of {@code GetQueuedCompletionStatus} that finds the queue empty does not just
 * wait: if no other thread leads that loop, it becomes the leader and runs it until a ready socket
 * completes an operation; it keeps the first packet of that round for itself, queues the others,
 * gives the lead back and returns the packet, so a completion is handled in the thread that produced
 * it. The other threads wait as followers; a packet queued wakes one, a leader that leaves
 * promotes a waiting follower to lead next, and a follower looks at the lead again every
 * {@value #FOLLOWER_WAIT_MILLIS} ms in case a leader left before it began to wait. A
 * packet posted from any other thread while a leader waits in its loop wakes the loop (unless a
 * follower takes it). Packets come out in the order they were queued, except that a leader
 * returns the packet its own round produced before those queued meanwhile by other threads.
 */
public final class CompletionPortImpl extends HandleTable.Handle implements CompletionPort {
    private static final Logger LOG = LoggerFactory.getLogger(CompletionPortImpl.class);
    private static final CompletionDriver[] NO_DRIVERS = {};
    /**
     * How long a follower waits before it looks at the lead again: a leader that left just before
     * the follower began to wait could not promote it, and the loop would otherwise be left to the
     * provider's own thread.
     */
    private static final long FOLLOWER_WAIT_MILLIS = 10;
    private static final long FOLLOWER_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(FOLLOWER_WAIT_MILLIS);

    private final Object owner;
    private final HandleQueue<Completion> queue;
    private volatile CompletionDriver[] drivers = NO_DRIVERS;
    private final AtomicReference<Thread> leaderThread = new AtomicReference<>(); // one leader per port at a time
    private volatile CompletionDriver leading; // the driver the leader runs, once it runs one
    private Completion caught; // the leader's only: the first packet its round produced

    /**
     * Creates a port; called by the handle table.
     *
     * @param value the handle value
     * @param owner the owning client context (compared by identity)
     */
    public CompletionPortImpl(long value, Object owner) {
        super(value);
        this.owner = Objects.requireNonNull(owner, "owner");
        this.queue = new HandleQueue<>(WsaError.WSA_INVALID_HANDLE, "completion port " + value + " is closed");
    }

    /**
     * Returns the owning context.
     *
     * @return the owner
     */
    public Object owner() {
        return owner;
    }

    /**
     * Lets this port's threads drive the loop that completes an associated socket's operations.
     *
     * @param driver the socket's driver; one already known is not added twice
     */
    public synchronized void addDriver(CompletionDriver driver) {
        CompletionDriver[] d = drivers;
        for (CompletionDriver known : d) {
            if (known == driver) {
                return;
            }
        }
        d = Arrays.copyOf(d, d.length + 1);
        d[d.length - 1] = driver;
        drivers = d;
    }

    private synchronized void removeDriver(CompletionDriver driver) {
        CompletionDriver[] d = drivers;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == driver) {
                CompletionDriver[] less = Arrays.copyOf(d, d.length - 1);
                System.arraycopy(d, i + 1, less, i, d.length - i - 1);
                drivers = less;
                return;
            }
        }
    }

    /**
     * Queues a packet ({@code PostQueuedCompletionStatus}, or a completed operation). A packet
     * queued by the leader's own loop wakes nothing; one from another thread goes to a waiting
     * follower if there is one, else wakes the leader's loop.
     *
     * @param c the packet
     */
    public void post(Completion c) {
        Thread me = Thread.currentThread();
        if (leaderThread.get() == me) {
            if (caught == null) {
                caught = c; // the leader takes the first packet of its round itself
            } else {
                queue.offer(c);
            }
            return;
        }
        if (queue.handOff(c) || !queue.offer(c)) {
            return; // a waiting follower took it, or the port is closed
        }
        CompletionDriver d = leading; // read after queueing: a leader announced later polls the queue first
        if (d != null) {
            d.wakeup();
        }
    }

    /**
     * Takes the next packet ({@code GetQueuedCompletionStatus}), leading a driver's loop while the
     * queue is empty and no other thread leads it.
     *
     * @param timeoutNanos how long to wait; negative waits for ever, zero polls
     * @return the packet, or null if none came in time
     * @throws WsaException {@code WSA_INVALID_HANDLE} once the port is closed, {@code WSAEINTR} if
     *         the thread is interrupted
     */
    public Completion take(long timeoutNanos) throws WsaException {
        if (drivers.length == 0) {
            return queue.take(timeoutNanos);
        }
        Completion c = queue.poll(); // no spinning: leading the loop is the better use of the wait
        if (c != null) {
            return c;
        }
        boolean led = false;
        try {
            long deadline = System.nanoTime() + timeoutNanos;
            while (true) {
                long left = timeoutNanos < 0 ? -1 : Math.max(0, deadline - System.nanoTime());
                CompletionDriver d = lead();
                if (d != null) {
                    led = true;
                    c = round(d, left);
                } else if (timeoutNanos == 0) {
                    c = queue.poll();
                } else {
                    c = queue.await(left < 0 ? FOLLOWER_WAIT_NANOS : Math.min(left, FOLLOWER_WAIT_NANOS));
                }
                if (c != null || timeoutNanos >= 0 && deadline - System.nanoTime() <= 0) {
                    return c;
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new WsaException(WsaError.WSAEINTR, "the wait was interrupted");
                }
            }
        } finally {
            if (led) {
                queue.promote(); // a follower leads next, if one waits
            }
        }
    }

    /**
     * Makes the calling thread the port's leader and has it take the lead of the first driver
     * nobody leads; returns null if another thread of this port leads or no driver can be led. One
     * leader per port keeps {@link #caught} and {@link #leading} single-owner.
     */
    private CompletionDriver lead() {
        Thread me = Thread.currentThread();
        if (!leaderThread.compareAndSet(null, me)) {
            return null;
        }
        for (CompletionDriver d : drivers) {
            try {
                if (d.tryLead()) {
                    leading = d;
                    return d;
                }
            } catch (RuntimeException e) {
                dropFaulty(d, "tryLead", e);
            }
        }
        leaderThread.set(null);
        return null;
    }

    /** A driver that throws is a provider fault: it is dropped, and the port's threads wait for packets as without it. */
    private void dropFaulty(CompletionDriver d, String call, RuntimeException e) {
        removeDriver(d);
        LOG.warn("{}: the completion driver {} failed in {} and is no longer led; its provider's own threads"
                + " complete its operations", this, d, call, e);
    }

    /** As the leader of a driver: one round of its loop unless a packet is already queued. */
    private Completion round(CompletionDriver d, long timeoutNanos) throws WsaException {
        try {
            Completion c = queue.poll(); // after announcing the leader: a later post wakes the loop
            if (c != null) {
                return c;
            }
            try {
                if (!d.drive(timeoutNanos)) {
                    removeDriver(d); // its provider context ended
                }
            } catch (RuntimeException e) {
                dropFaulty(d, "drive", e);
            }
            c = caught;
            caught = null;
            if (c == null) {
                return queue.poll();
            }
            queue.requireOpen();
            return c;
        } finally {
            caught = null;
            leading = null;
            try {
                d.release();
            } catch (RuntimeException e) {
                dropFaulty(d, "release", e);
            }
            leaderThread.set(null);
        }
    }

    /** Drops the queued packets and wakes every waiting thread; called once the port is released. */
    public void close() {
        queue.close();
        CompletionDriver d = leading;
        if (d != null) {
            d.wakeup();
        }
    }

    @Override
    public String toString() {
        return "completion port " + value() + " (" + queue.size() + " packets)";
    }
}
