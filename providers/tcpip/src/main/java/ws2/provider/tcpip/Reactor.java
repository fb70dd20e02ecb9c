package ws2.provider.tcpip;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.spi.transport.CompletionDriver;

/**
 * The selector loop of one dispatch: it watches the channels of the sockets that have asynchronous
 * work ({@code WSPEventSelect}, {@code WSPAsyncSelect}, overlapped operations) and hands each
 * readiness to the socket's {@link AsyncSocket}, which does the non-blocking I/O and indicates the
 * completions. It plays the part the kernel plays for an IFS provider on Windows.
 *
 * <h2>Who runs it</h2>
 * One thread at a time leads the loop. The reactor's own thread, started by the first socket that
 * needs it, leads by default. As a {@link CompletionDriver}, a completion port's thread that finds
 * its queue empty may take the lead (the own thread hands it over on request) and run rounds
 * itself, so completions are handled in the thread that produced them. While port threads lead, the
 * own thread stands by (see {@link #standBy()}): it takes the loop back once no port thread has
 * led it for {@value #STANDBY_MILLIS} to {@value #STANDBY_MAX_MILLIS} ms.
 *
 * <p>Interest changes from other threads are queued and the selector woken; the leader applies
 * them before each select, so only the leader touches the selection keys. {@code WSPCleanup} stops
 * the loop.
 */
final class Reactor implements Runnable, CompletionDriver {
    private static final Logger LOG = LoggerFactory.getLogger(Reactor.class);
    /** How long the loop must go without a port thread leading before the own thread takes it back. */
    static final long STANDBY_MILLIS = 1;
    /** The longest pause of the own thread while port threads keep leading. */
    static final long STANDBY_MAX_MILLIS = 64;
    /** How long a port thread spins while the own thread hands the lead over (it is woken, then releases). */
    private static final long HANDOVER_SPIN_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    /** How long it sleeps between later looks, when the own thread has not been scheduled yet. */
    private static final long HANDOVER_PARK_NANOS = TimeUnit.MICROSECONDS.toNanos(100);
    /** When it gives up and waits for packets as a follower. */
    private static final long HANDOVER_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Selector selector;
    private final Thread thread;
    private final Queue<AsyncSocket> changed = new ConcurrentLinkedQueue<>();
    private final List<AsyncSocket.Op> done = new ArrayList<>(); // leader only: one key's completions
    private SelectionKey[] selected = new SelectionKey[64]; // leader only: keys of the last select not yet served
    private int served; // leader only: how many of them were served
    private int count; // leader only: how many the last select gave
    private final AtomicReference<Thread> leader = new AtomicReference<>();
    private volatile long portLeads; // written by the leader only
    private volatile boolean handoverWanted;
    private volatile boolean sleeping;
    private volatile boolean running = true;

    /**
     * Opens the selector and starts the thread.
     *
     * @param name the thread's name
     * @throws IOException if no selector can be opened
     */
    Reactor(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Has the loop apply a socket's interest: at once if the calling thread leads, else before the
     * leader's next select.
     *
     * @param socket the socket whose interest changed
     */
    void update(AsyncSocket socket) {
        if (leader.get() == Thread.currentThread()) {
            socket.applyInterest(selector);
            return;
        }
        changed.add(socket);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                if (!leader.compareAndSet(null, thread)) {
                    standBy();
                    continue;
                }
                try {
                    while (running && !handoverWanted) {
                        round(-1, false);
                    }
                } finally {
                    handoverWanted = false;
                    leader.set(null);
                }
                if (running) {
                    standBy();
                }
            }
        } finally {
            try {
                selector.close(); // waits for a port thread's select in progress, which the close wakes
            } catch (IOException e) {
                LOG.debug("Closing the selector of {}: {}", thread.getName(), e.toString());
            }
        }
    }

    /**
     * Waits while port threads lead. It pauses, {@value #STANDBY_MILLIS} ms at first and twice as
     * long after each pause in which port threads led, up to {@value #STANDBY_MAX_MILLIS} ms, and
     * returns after a whole pause in which none did; while a port thread holds the lead it sleeps
     * until that thread's {@link #release()} wakes it. Under a steady port load it thus wakes a few
     * times a second.
     */
    private void standBy() {
        long pause = TimeUnit.MILLISECONDS.toNanos(STANDBY_MILLIS);
        while (running) {
            long seen = portLeads;
            long end = System.nanoTime() + pause;
            for (long left; running && (left = end - System.nanoTime()) > 0; ) {
                LockSupport.parkNanos(this, left); // returns early on a release's unpark: pause on
            }
            if (leader.get() == null && portLeads == seen) {
                return;
            }
            pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(STANDBY_MAX_MILLIS));
            sleeping = true;
            if (leader.get() != null && running) {
                LockSupport.park(this);
            }
            sleeping = false;
        }
    }

    @Override
    public boolean tryLead() {
        Thread me = Thread.currentThread();
        if (!running || me == thread) {
            return false;
        }
        for (Thread t; (t = leader.get()) != thread; ) {
            if (t != null) {
                return false; // another port thread leads
            }
            if (lead(me)) {
                return true;
            } // else taken meanwhile: look again
        }
        handoverWanted = true; // the own thread leads: it hands over
        selector.wakeup();
        long start = System.nanoTime();
        for (long waited = 0; waited < HANDOVER_LIMIT_NANOS; waited = System.nanoTime() - start) {
            if (lead(me)) {
                return true;
            }
            Thread t = leader.get();
            if (t != null && t != thread || !running || me.isInterrupted()) {
                return false;
            }
            if (t == thread && !handoverWanted) { // it handed over, stood by and took the loop back before we ran
                handoverWanted = true;
                selector.wakeup();
            }
            if (waited < HANDOVER_SPIN_NANOS) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, HANDOVER_PARK_NANOS); // the own thread is not running yet: a busy machine
            }
        }
        return false;
    }

    private boolean lead(Thread me) {
        if (!leader.compareAndSet(null, me)) {
            return false;
        }
        portLeads++; // only the leader writes it
        return true;
    }

    @Override
    public boolean drive(long timeoutNanos) {
        return round(timeoutNanos, true);
    }

    /**
     * One round as the leader: applies the queued interest changes, selects unless keys of the last
     * select are still to be served, and serves them.
     *
     * @param timeoutNanos the longest wait for readiness; negative waits for ever, zero does not wait
     * @param untilCompleted stop after the first key that completed an operation (a port thread
     *        leading: it goes to handle the completion, and the next leader serves the rest)
     * @return false once the loop is closed
     */
    private boolean round(long timeoutNanos, boolean untilCompleted) {
        try {
            for (AsyncSocket s; (s = changed.poll()) != null; ) {
                s.applyInterest(selector);
            }
            if (served == count) {
                served = 0;
                count = 0;
                if (timeoutNanos < 0) {
                    selector.select(this::collect);
                } else if (timeoutNanos == 0) {
                    selector.selectNow(this::collect);
                } else {
                    selector.select(this::collect, Math.max(1, TimeUnit.NANOSECONDS.toMillis(timeoutNanos)));
                }
            }
            while (served < count) {
                SelectionKey key = selected[served];
                selected[served++] = null;
                if (dispatch(key) && untilCompleted) {
                    break;
                }
            }
        } catch (ClosedSelectorException e) {
            running = false;
        } catch (IOException | RuntimeException e) {
            if (running) {
                running = false;
                LOG.error("The tcpip reactor {} failed; asynchronous sockets of its context stop completing",
                        thread.getName(), e);
                LockSupport.unpark(thread);
            }
        }
        return running;
    }

    /** Keeps a key the select found ready, to be served in order by this leader or the next. */
    private void collect(SelectionKey key) {
        if (count == selected.length) {
            selected = Arrays.copyOf(selected, count * 2);
        }
        selected[count++] = key;
    }

    @Override
    public void wakeup() {
        selector.wakeup();
    }

    @Override
    public void release() {
        leader.set(null);
        if (sleeping) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * Serves one ready key. A socket closed meanwhile is skipped; a failure of one socket is logged
     * and its key cancelled, and the loop goes on serving the others.
     *
     * @return whether an overlapped operation completed
     */
    private boolean dispatch(SelectionKey key) {
        if (!key.isValid()) {
            return false;
        }
        try {
            ((AsyncSocket) key.attachment()).ready(key, done);
            return !done.isEmpty();
        } catch (CancelledKeyException e) {
            return !done.isEmpty(); // the socket was closed while it was being served: the close aborted the rest
        } catch (RuntimeException e) {
            LOG.error("The tcpip reactor {} dropped a socket whose readiness it could not serve", thread.getName(), e);
            key.cancel();
            return false;
        } finally {
            done.clear();
        }
    }

    /** Stops the loop; the sockets were closed before, which cancelled their keys. */
    void close() {
        running = false;
        selector.wakeup();
        LockSupport.unpark(thread);
    }
}
