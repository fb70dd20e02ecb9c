package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.WinEventBus;
import winevent.WinEventHook;
import winevent.WinEventProc;

/** Out-of-context hooks: queued, in order, on the hook's own thread; unhook and overflow (requirements 1, 3). */
class OutOfContextDeliveryTest {
    private static final int EVENT = 0x0105;
    private static final int RING = 16;
    @AutoClose
    private final Fixture f = new Fixture(60_000, RING);
    private final WinEventBus client = f.bus(40, "client");
    private final WinEventBus source = f.bus(41, "source");

    /** A callback that blocks on its first call until released, recording every call. */
    private static final class Blocking extends Recorder {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread,
                long eventTime) {
            super.onEvent(hook, event, hwnd, idObject, idChild, eventThread, eventTime);
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void awaitEntered() throws InterruptedException {
            assertTrue(entered.await(30, TimeUnit.SECONDS), "the callback was entered");
        }
    }

    @Test
    void eventsArriveOnTheHooksOwnThreadWithTheSevenValues() {
        Recorder r = new Recorder();
        WinEventHook h = client.setWinEventHook(EVENT, EVENT, null, r, 0, 0, WINEVENT_OUTOFCONTEXT);
        long before = System.currentTimeMillis();
        source.notifyWinEvent(EVENT, 9, -4, 3);
        long after = System.currentTimeMillis();
        r.awaitCount(1);
        Recorder.Call c = r.calls().get(0);
        assertSame(h, c.hook());
        assertEquals(EVENT, c.event());
        assertEquals(9, c.hwnd());
        assertEquals(-4, c.idObject());
        assertEquals(3, c.idChild());
        assertEquals(Thread.currentThread().getId(), c.eventThread());
        assertTrue(c.eventTime() >= before && c.eventTime() <= after);
        assertEquals("winevent-hook-" + h.value(), c.ranOn().getName());
        assertTrue(c.ranOn().isDaemon());
        assertNotSame(Thread.currentThread(), c.ranOn());
    }

    @Test
    void notifyDoesNotWaitForTheCallback() throws InterruptedException {
        Blocking b = new Blocking();
        client.setWinEventHook(EVENT, EVENT, null, b, 0, 0, WINEVENT_OUTOFCONTEXT);
        source.notifyWinEvent(EVENT, 1, 0, 1);
        b.awaitEntered();
        source.notifyWinEvent(EVENT, 1, 0, 2);
        b.release.countDown();
        b.awaitCount(2);
        assertEquals(List.of(1, 2), b.children());
    }

    @Test
    void aMillionEventsArriveInOrder() {
        try (Fixture big = new Fixture(60_000, Settings.DEFAULT_CAPACITY)) {
            WinEventBus hooker = big.bus(40, "client");
            WinEventBus producer = big.bus(41, "source");
            int n = 1_000_000;
            AtomicInteger next = new AtomicInteger();
            AtomicReference<String> wrong = new AtomicReference<>();
            WinEventHook h = hooker.setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> {
                int expected = next.get();
                if (c != expected && wrong.get() == null) {
                    wrong.set("expected idChild " + expected + ", got " + c);
                }
                next.lazySet(expected + 1);
            }, 0, 0, WINEVENT_OUTOFCONTEXT);
            Hook hook = big.listed(h.value());
            for (int i = 0; i < n; i++) {
                // Pace the producer so the ring never overflows: this test is about order.
                while (hook.pending() > Settings.DEFAULT_CAPACITY - 1024) {
                    Thread.onSpinWait();
                }
                producer.notifyWinEvent(EVENT, 1, 0, i);
            }
            Await.until(n + " events delivered", () -> next.get() == n);
            assertEquals(null, wrong.get());
            assertEquals(0, hook.dropped());
            assertEquals(n, hook.delivered());
        }
    }

    @Test
    void eachProducersEventsStayInOrder() throws InterruptedException {
        try (Fixture big = new Fixture(60_000, 1 << 18)) {
            int producers = 4;
            int each = 50_000;
            List<List<Integer>> seen = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                seen.add(Collections.synchronizedList(new ArrayList<>()));
            }
            AtomicInteger total = new AtomicInteger();
            big.bus(40, "client").setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> {
                seen.get((int) w).add(c);
                total.incrementAndGet();
            }, 0, 0, WINEVENT_OUTOFCONTEXT);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                long hwnd = p;
                WinEventBus bus = big.bus(100 + p, "producer" + p);
                threads.add(new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        bus.notifyWinEvent(EVENT, hwnd, 0, i);
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            Await.until("every event delivered", () -> total.get() == producers * each);
            for (List<Integer> l : seen) {
                for (int i = 0; i < each; i++) {
                    assertEquals(i, l.get(i));
                }
            }
        }
    }

    @Test
    void aCallbackMayUnhookItsOwnHook() {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch unhooked = new CountDownLatch(1);
        WinEventHook h = client.setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> {
            calls.incrementAndGet();
            client.unhookWinEvent(hook);
            unhooked.countDown();
        }, 0, 0, WINEVENT_OUTOFCONTEXT);
        for (int i = 0; i < 100; i++) {
            source.notifyWinEvent(EVENT, 1, 0, i);
        }
        Await.until("the callback unhooked", () -> unhooked.getCount() == 0);
        Await.threadEnds("winevent-hook-" + h.value());
        source.notifyWinEvent(EVENT, 1, 0, 100);
        assertEquals(1, calls.get());
        assertEquals(null, f.listed(h.value()));
    }

    @Test
    void unhookWaitsForTheRunningCallbackAndDropsWhatIsPending() throws Exception {
        Blocking b = new Blocking();
        WinEventHook h = client.setWinEventHook(EVENT, EVENT, null, b, 0, 0, WINEVENT_OUTOFCONTEXT);
        source.notifyWinEvent(EVENT, 1, 0, 0);
        b.awaitEntered();
        for (int i = 1; i <= 10; i++) {
            source.notifyWinEvent(EVENT, 1, 0, i);
        }
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        Thread unhooker = new Thread(() -> {
            client.unhookWinEvent(h);
            order.add("unhook returned");
        });
        unhooker.start();
        Await.until("the unhooker waits for the callback", () -> unhooker.getState() == Thread.State.TIMED_WAITING);
        assertTrue(order.isEmpty(), "unhook returned while the callback ran");
        order.add("callback released");
        b.release.countDown();
        unhooker.join();
        assertEquals(List.of("callback released", "unhook returned"), order);
        assertFalse(Await.threadAlive("winevent-hook-" + h.value()), "the delivery thread ended with the unhook");
        assertEquals(List.of(0), b.children());
        source.notifyWinEvent(EVENT, 1, 0, 11);
        assertEquals(List.of(0), b.children());
    }

    @Test
    void aFullRingDropsForThatHookOnlyAndTheNotifierNeverWaits() throws InterruptedException {
        Blocking stalled = new Blocking();
        WinEventHook s = client.setWinEventHook(EVENT, EVENT, null, stalled, 0, 0, WINEVENT_OUTOFCONTEXT);
        AtomicInteger next = new AtomicInteger();
        AtomicReference<String> wrong = new AtomicReference<>();
        WinEventProc healthy = (hook, e, w, o, c, t, m) -> {
            if (c != next.getAndIncrement()) {
                wrong.compareAndSet(null, "out of order at " + c);
            }
        };
        f.bus(42, "healthy").setWinEventHook(EVENT, EVENT, null, healthy, 0, 0, WINEVENT_OUTOFCONTEXT);
        source.notifyWinEvent(EVENT, 1, 0, 0);
        stalled.awaitEntered();
        int n = 20_000;
        Hook hook = f.listed(s.value());
        for (int i = 1; i < n; i++) {
            source.notifyWinEvent(EVENT, 1, 0, i);
            // The healthy hook has a ring of RING too: keep it from overflowing, never the stalled one.
            while (next.get() < i - RING / 2) {
                Thread.onSpinWait();
            }
        }
        Await.until("the healthy hook got everything", () -> next.get() == n);
        assertEquals(null, wrong.get());
        assertEquals(HookState.OVERFLOWING, hook.state());
        assertEquals(RING, hook.pending());
        assertEquals(n - 1 - RING, hook.dropped());
        stalled.release.countDown();
        stalled.awaitCount(1 + RING);
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i <= RING; i++) {
            expected.add(i);
        }
        assertEquals(expected, stalled.children());
        Await.until("the overflow episode ends", () -> hook.state() == HookState.ACTIVE);
        assertEquals(1, ((QueuedHook) hook).overflows(), "one episode, however many drops");
        source.notifyWinEvent(EVENT, 1, 0, n);
        stalled.awaitCount(2 + RING);
        assertEquals(n, (int) stalled.children().get(1 + RING));
    }

    @Test
    void aThrowingHookIsIsolatedAfterTenConsecutiveFailuresAndItsThreadEnds() {
        WinEventHook bad = client.setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> {
            throw new UnsupportedOperationException("always");
        }, 0, 0, WINEVENT_OUTOFCONTEXT);
        Recorder good = new Recorder();
        client.setWinEventHook(EVENT, EVENT, null, good, 0, 0, WINEVENT_OUTOFCONTEXT);
        for (int i = 0; i < 15; i++) {
            source.notifyWinEvent(EVENT, 1, 0, i);
        }
        good.awaitCount(15);
        Hook h = f.listed(bad.value());
        Await.until("the failing hook is isolated", () -> h.state() == HookState.ISOLATED);
        Await.threadEnds("winevent-hook-" + bad.value());
        assertEquals(Failures.LIMIT, h.failures());
        assertEquals(0, h.pending());
        assertEquals(15, h.delivered() + h.dropped());
        source.notifyWinEvent(EVENT, 1, 0, 15);
        good.awaitCount(16);
        assertEquals(Failures.LIMIT, h.failures());
        client.unhookWinEvent(bad);
    }
}
