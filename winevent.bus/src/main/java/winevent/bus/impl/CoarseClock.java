package winevent.bus.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The event time of notifications ({@code dwmsEventTime}): {@code System.currentTimeMillis()} as
 * of the last tick of a clock thread, so a notify reads one volatile field instead of the system
 * clock (which costs 20 to 30 ns, most of an in-context notification).
 *
 * <p>The thread ticks every millisecond only while the time is being read; after
 * {@value #IDLE_TICKS} ticks without a read it parks until the next read, which then takes the
 * system clock itself and wakes the thread. So an idle bus costs no CPU, and a read is at most
 * about one tick behind the system clock (more if the machine starves the clock thread). Windows'
 * own event time, from {@code GetTickCount}, moves in steps of 10 to 16 ms.
 */
final class CoarseClock implements AutoCloseable {
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int IDLE_TICKS = 100;
    /** {@link #millis} while the thread does not tick. */
    private static final long NOT_TICKING = Long.MIN_VALUE;
    private static final int TICKING = 0;
    private static final int SLEEPING = 1;
    private static final int CLOSED = 2;
    private static final VarHandle STATE = VarHandles.field(MethodHandles.lookup(), "state", int.class);

    private final Thread thread;
    private volatile long millis = NOT_TICKING;
    /** Set by readers, cleared by every tick: was the time read since the last tick. */
    private volatile boolean read;
    private volatile int state = SLEEPING;

    /** Creates the clock and starts its thread, parked until the first read. */
    CoarseClock() {
        thread = new Thread(null, this::run, "winevent-clock", 0, false);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The current time in milliseconds since the epoch, at tick resolution.
     *
     * @return the time
     */
    long millis() {
        long m = millis;
        if (m == NOT_TICKING) {
            return wake();
        }
        if (!read) {
            read = true;
        }
        return m;
    }

    private long wake() {
        if (STATE.compareAndSet(this, SLEEPING, TICKING)) {
            LockSupport.unpark(thread);
        }
        return System.currentTimeMillis();
    }

    private void run() {
        int idle = 0;
        for (int s = state; s != CLOSED; s = state) {
            if (s == SLEEPING) {
                LockSupport.park(this);
                idle = 0;
                continue;
            }
            millis = System.currentTimeMillis();
            if (read) {
                read = false;
                idle = 0;
            } else if (++idle >= IDLE_TICKS && STATE.compareAndSet(this, TICKING, SLEEPING)) {
                // A reader that still sees the last tick gets a time at most a tick old; one that
                // sees NOT_TICKING reads the system clock and wakes this thread again.
                millis = NOT_TICKING;
                continue;
            }
            LockSupport.parkNanos(this, TICK_NANOS);
        }
        millis = NOT_TICKING;
    }

    /**
     * Tells whether the thread ticks, that is, whether the time was read lately.
     *
     * @return true while ticking
     */
    boolean ticking() {
        return state == TICKING;
    }

    /** Ends the thread and waits for it (briefly); reads keep working, from the system clock. */
    @Override
    public void close() {
        state = CLOSED;
        LockSupport.unpark(thread);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
