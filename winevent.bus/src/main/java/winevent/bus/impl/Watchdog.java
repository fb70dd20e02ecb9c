package winevent.bus.impl;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one daemon thread ({@code winevent-watchdog}) that looks after out-of-context hooks: every
 * quarter of the stall timeout (between 10 ms and 1 s) it reports new overflow episodes, and
 * isolates a hook that has had events pending without taking one for the stall timeout. What it
 * remembers of each hook is its own, touched by no other thread.
 */
final class Watchdog {
    private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);

    private final Bus bus;
    /** Per hook: events taken when last seen moving, since when, and the overflow episodes reported. */
    private Map<QueuedHook, Progress> progress = new IdentityHashMap<>();
    private Thread thread;

    private record Progress(long taken, long since, int overflows) {
    }

    Watchdog(Bus bus) {
        this.bus = bus;
    }

    synchronized void start() {
        thread = new Thread(null, this::run, "winevent-watchdog", 0, false);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the thread and waits for it; it never runs a callback, so this is quick. */
    synchronized void stop() {
        if (thread == null) {
            return;
        }
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                long stall = bus.settings().stallTimeoutMillis();
                Thread.sleep(Math.max(10, Math.min(1000, stall / 4)));
                check(System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(stall));
            }
        } catch (InterruptedException e) {
            // stop() asked
        } catch (RuntimeException e) {
            LOG.error("The WinEvent watchdog failed and stops; stalled hooks are no longer isolated", e);
        }
    }

    private void check(long now, long stallNanos) {
        Map<QueuedHook, Progress> next = new IdentityHashMap<>();
        for (Hook h : bus.index().active()) {
            if (h instanceof QueuedHook) {
                QueuedHook q = (QueuedHook) h;
                Progress p = progress(q, progress.get(q), now, stallNanos);
                if (p != null) {
                    next.put(q, p);
                }
            }
        }
        progress = next;
    }

    private Progress progress(QueuedHook q, Progress before, long now, long stallNanos) {
        long taken = q.delivered();
        long pending = q.pending();
        int overflows = q.overflows();
        Progress p = before == null ? new Progress(taken, now, 0) : before;
        if (overflows != p.overflows) {
            LOG.warn("{}: its queue of {} events was full, so events for it were dropped (the notifiers did not wait);"
                    + " {} dropped so far, {} pending", q, q.capacity(), q.dropped(), pending);
        }
        if (pending == 0 || taken != p.taken) {
            return new Progress(taken, now, overflows);
        }
        if (now - p.since >= stallNanos) {
            bus.isolate(q, "it took no event for " + TimeUnit.NANOSECONDS.toMillis(now - p.since) + " ms with "
                    + pending + " pending (stall timeout " + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms)");
            return null;
        }
        return new Progress(p.taken, p.since, overflows);
    }
}
