package winevent.bus.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code WINEVENT_OUTOFCONTEXT} hook: notifiers queue events in its {@link EventRing}; its own
 * daemon thread, {@code winevent-hook-<value>}, calls the callback for each, in the order the
 * events were queued.
 *
 * <h2>Overflow</h2>
 * When the ring is full the event is dropped for this hook only: the notifier goes on at once.
 * Drops are counted with an opaque read and write, not an atomic add: a locked instruction per
 * drop would make the notifier wait for its pending stores (the events it just queued for the
 * other hooks) on every event, and measurably halved the pace of a healthy hook that shares its
 * events with a stalled one. Exact while one thread at a time drops for this hook; when several
 * drop at the same instant the count may miss some, so it is a lower bound. The first drop of an episode raises {@link #overflowing} and counts an
 * episode, which the watchdog reports, so no notifier ever logs; the delivery thread lowers the
 * flag when it finds the ring empty again.
 *
 * <h2>Unhooking</h2>
 * {@link #stop} discards the queued events, wakes the thread and, unless called on that thread
 * (a callback unhooking its own hook), joins it: when {@code unhookWinEvent} returns, the callback
 * has returned and no call can start any more. The join is bounded by the stall timeout; if the
 * callback is still running then, the unhook logs it and returns, and the thread ends when the
 * callback does (it checks the state before every call).
 *
 * <h2>Isolation</h2>
 * {@link #cutOff} discards the backlog (the ring is dropped, its memory freed; the discarded events
 * are counted as dropped), interrupts the thread to free a blocked callback, and keeps the counts
 * for listings. The hook stays listed until its owner unhooks it or stops; that unhook does not
 * wait for a callback that may never return.
 */
final class QueuedHook extends Hook {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedHook.class);
    private static final VarHandle OVERFLOWING = VarHandles.field(MethodHandles.lookup(), "overflowing", boolean.class);
    private static final VarHandle OVERFLOWS = VarHandles.field(MethodHandles.lookup(), "overflows", int.class);
    private static final VarHandle OVERFLOWED = VarHandles.field(MethodHandles.lookup(), "overflowed", long.class);

    private final Thread thread;
    /** Events dropped because the ring was full; see the class comment. */
    private long overflowed;
    /** Events discarded with the ring; written once, before {@link #ring} is cleared. */
    private volatile long discarded;
    /** The queue; null once discarded. */
    private volatile EventRing ring;
    /** Events taken when the ring was discarded; written before {@link #ring} is cleared. */
    private volatile long takenBeforeDiscard;
    private volatile boolean overflowing;
    private volatile int overflows;

    QueuedHook(Bus bus, long value, HookSpec spec, int capacity) {
        super(bus, value, spec);
        thread = new Thread(null, this::run, "winevent-hook-" + value, 0, false);
        thread.setDaemon(true);
        ring = new EventRing(capacity, thread);
    }

    /** Starts the delivery thread; called once, before the hook is published. */
    void start() {
        thread.start();
    }

    @Override
    void deliver(int event, long hwnd, int idObject, int idChild, long thread, long time) {
        EventRing r = ring;
        if (r != null && !r.offer(event, hwnd, idObject, idChild, thread, time)) {
            OVERFLOWED.setOpaque(this, (long) OVERFLOWED.getOpaque(this) + 1);
            if (!overflowing && OVERFLOWING.compareAndSet(this, false, true)) {
                OVERFLOWS.getAndAdd(this, 1);
            }
        }
    }

    private void run() {
        RingEvent e = new RingEvent();
        int idle = 0;
        while (active()) {
            if (take(e)) {
                idle = 0;
                call(e.event, e.hwnd, e.idObject, e.idChild, e.thread, e.time);
            } else {
                idle = idle(idle);
            }
        }
    }

    /* The ring is read from the field in these helpers, never held across a callback, so an
     * isolation can free it while a stuck callback still runs. */
    private boolean take(RingEvent e) {
        EventRing r = ring;
        return r != null && r.take(e);
    }

    private int idle(int idle) {
        EventRing r = ring;
        if (r == null) {
            return idle;
        }
        if (overflowing) {
            overflowing = false;
        }
        int next = r.await(idle);
        if (next == 0) {
            // A park returns at once while the interrupt flag is set; a callback may have left it
            // set. Isolation interrupts too, but it changes the state first and the loop checks it.
            Thread.interrupted();
        }
        return next;
    }

    @Override
    void cutOff() {
        discard();
        thread.interrupt();
        LockSupport.unpark(thread);
    }

    @Override
    void stop(boolean wasActive, long deadline) {
        discard();
        LockSupport.unpark(thread);
        if (!wasActive || Thread.currentThread() == thread) {
            return;
        }
        try {
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.error("{} was unhooked while its callback was running, and the callback has not returned;"
                    + " no further call will start. Thread stack: {}", this, stack(thread));
        }
    }

    private static String stack(Thread t) {
        StringBuilder sb = new StringBuilder();
        for (StackTraceElement e : t.getStackTrace()) {
            sb.append(System.lineSeparator()).append("\tat ").append(e);
        }
        return sb.toString();
    }

    private synchronized void discard() {
        EventRing r = ring;
        if (r != null) {
            takenBeforeDiscard = r.taken();
            discarded = r.pending();
            ring = null;
        }
    }

    @Override
    HookState state() {
        HookState s = life();
        return s == HookState.ACTIVE && overflowing ? HookState.OVERFLOWING : s;
    }

    @Override
    long delivered() {
        EventRing r = ring;
        return r != null ? r.taken() : takenBeforeDiscard;
    }

    @Override
    long pending() {
        EventRing r = ring;
        return r != null ? r.pending() : 0;
    }

    @Override
    long dropped() {
        return (long) OVERFLOWED.getOpaque(this) + discarded;
    }

    /**
     * Overflow episodes so far, for the watchdog's reports.
     *
     * @return the number of times the queue became full
     */
    int overflows() {
        return overflows;
    }

    /**
     * Returns the ring size.
     *
     * @return the capacity the hook was created with
     */
    int capacity() {
        EventRing r = ring;
        return r != null ? r.capacity() : 0;
    }
}
