package winevent.bus.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failures of one hook's callback: counts them, logs the first at once and the following ones
 * at most once per {@link #REPORT_INTERVAL_NANOS} (with how many were not logged), and says when
 * {@link #LIMIT} consecutive failures call for isolation. A success costs one volatile read.
 *
 * <p>Thread-safe: an in-context callback may fail on several notifying threads at once.
 */
final class Failures {
    /** Consecutive failures after which a hook is isolated. */
    static final int LIMIT = 10;
    /** Shortest time between two failure reports of one hook. */
    static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(Failures.class);
    private static final VarHandle CONSECUTIVE = VarHandles.field(MethodHandles.lookup(), "consecutive", int.class);
    private static final VarHandle TOTAL = VarHandles.field(MethodHandles.lookup(), "total", long.class);
    private static final VarHandle UNREPORTED = VarHandles.field(MethodHandles.lookup(), "unreported", long.class);
    private static final VarHandle NEXT_REPORT = VarHandles.field(MethodHandles.lookup(), "nextReport", long.class);

    private volatile int consecutive;
    private volatile long total;
    private volatile long unreported;
    /** When the next failure may be logged; the first one is due at once. */
    private volatile long nextReport = System.nanoTime();

    /** A call returned normally: the consecutive count starts again. */
    void succeeded() {
        if (consecutive != 0) {
            consecutive = 0;
        }
    }

    /**
     * A call threw: counts and reports it.
     *
     * @param hook the hook, for the report
     * @param event the event being delivered
     * @param failure what the callback threw
     * @return true when this failure is the {@link #LIMIT}th in a row
     */
    boolean failed(Hook hook, int event, Throwable failure) {
        int n = (int) CONSECUTIVE.getAndAdd(this, 1) + 1;
        TOTAL.getAndAdd(this, 1L);
        report(hook, event, failure, n);
        return n == LIMIT;
    }

    private void report(Hook hook, int event, Throwable failure, int consecutiveNow) {
        long now = System.nanoTime();
        long due = nextReport;
        if (now - due < 0 || !NEXT_REPORT.compareAndSet(this, due, now + REPORT_INTERVAL_NANOS)) {
            UNREPORTED.getAndAdd(this, 1L);
            return;
        }
        long skipped = (long) UNREPORTED.getAndSet(this, 0L);
        LOG.error("{}: its callback threw on event {} ({} in a row, {} in all{}); it is isolated after {} in a row",
                hook, EventNames.hex(event), consecutiveNow, total,
                skipped == 0 ? "" : ", " + skipped + " not logged", LIMIT, failure);
    }

    /**
     * Failures since the hook was set.
     *
     * @return the total
     */
    long total() {
        return total;
    }
}
