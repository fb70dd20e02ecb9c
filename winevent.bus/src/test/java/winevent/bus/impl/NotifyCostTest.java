package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.WinEventBus;
import winevent.WinEventHook;
import winevent.WinEventProc;

/**
 * The notify path allocates nothing: without a hook, with an in-context hook, and when queueing for
 * an out-of-context hook (requirement 3). Allocation is a behaviour, counted by the JVM per thread;
 * no time is measured.
 */
class NotifyCostTest {
    private static final int EVENT = 0x0105;
    private static final int CALLS = 200_000;
    /** What the measurement itself may allocate; a single allocation per notify would be 100 times more. */
    private static final long SLACK = 16 * 1024;
    @AutoClose
    private final Fixture f = new Fixture(60_000, 1 << 20);
    private final WinEventBus source = f.bus(41, "source");
    private long sink;

    private static com.sun.management.ThreadMXBean threads() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "per-thread allocation counters");
        com.sun.management.ThreadMXBean t = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(t.isThreadAllocatedMemorySupported() && t.isThreadAllocatedMemoryEnabled());
        return t;
    }

    private long allocatedByNotifies(int event) {
        com.sun.management.ThreadMXBean t = threads();
        long id = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            source.notifyWinEvent(event, 1, 0, i);
        }
        long before = t.getThreadAllocatedBytes(id);
        for (int i = 0; i < CALLS; i++) {
            source.notifyWinEvent(event, 1, 0, i);
        }
        return t.getThreadAllocatedBytes(id) - before;
    }

    @Test
    void notifyWithoutAHookAllocatesNothing() {
        f.bus(40, "other").setWinEventHook(0x8000, 0x80FF, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        long bytes = allocatedByNotifies(EVENT);
        assertTrue(bytes < SLACK, bytes + " bytes for " + CALLS + " notifies");
    }

    @Test
    void notifyToAnInContextHookAllocatesNothing() {
        WinEventProc count = (h, e, w, o, c, t, m) -> sink += c;
        f.bus(40, "hooker").setWinEventHook(EVENT, EVENT, FakeBundles.bundle(40, "hooker"), count, 0, 0,
                WINEVENT_INCONTEXT);
        long bytes = allocatedByNotifies(EVENT);
        assertTrue(bytes < SLACK, bytes + " bytes for " + CALLS + " notifies");
        assertTrue(sink > 0);
    }

    @Test
    void queueingForAnOutOfContextHookAllocatesNothingInTheNotifier() {
        WinEventHook h = f.bus(40, "hooker").setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> { },
                0, 0, WINEVENT_OUTOFCONTEXT);
        long bytes = allocatedByNotifies(EVENT);
        assertTrue(bytes < SLACK, bytes + " bytes for " + CALLS + " notifies");
        Hook hook = f.listed(h.value());
        Await.until("everything delivered", () -> hook.delivered() == 2L * CALLS);
        assertEquals(0, hook.dropped());
    }
}
