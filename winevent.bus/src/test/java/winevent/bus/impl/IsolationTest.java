package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static winevent.bus.impl.Codes.code;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventHook;

/** The watchdog: stalled out-of-context hooks are isolated and their backlog discarded (requirement 4). */
class IsolationTest {
    private static final int EVENT = 0x0105;
    @AutoClose
    private final Fixture f = new Fixture(200, 1024);
    private final WinEventBus owner = f.bus(40, "owner");
    private final WinEventBus source = f.bus(41, "source");

    @Test
    void aStalledHookIsIsolatedItsBacklogDiscardedAndItStaysListedUntilUnhooked() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        WinEventHook stalled = owner.setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> {
            entered.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException ex) {
                interrupted.set(true);
            }
        }, 0, 0, WINEVENT_OUTOFCONTEXT);
        Recorder healthy = new Recorder();
        owner.setWinEventHook(EVENT, EVENT, null, healthy, 0, 0, WINEVENT_OUTOFCONTEXT);
        for (int i = 0; i < 50; i++) {
            source.notifyWinEvent(EVENT, 1, 0, i);
        }
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        Hook h = f.listed(stalled.value());
        // isolation publishes the state, then discards the backlog: wait for both
        Await.until("the stalled hook is isolated, its backlog discarded",
                () -> h.state() == HookState.ISOLATED && h.pending() == 0);
        assertEquals(1, h.delivered());
        assertEquals(49, h.dropped());
        Await.until("its callback was interrupted", interrupted::get);
        Await.threadEnds("winevent-hook-" + stalled.value());
        assertTrue(f.engine().hooks().contains(h), "still listed");
        assertTrue(new Listings(f.desktop).hooks().contains("ISOLATED"));
        healthy.awaitCount(50);
        source.notifyWinEvent(EVENT, 1, 0, 50);
        healthy.awaitCount(51);
        assertEquals(1, h.delivered());
        owner.unhookWinEvent(stalled);
        assertEquals(null, f.listed(stalled.value()));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> owner.unhookWinEvent(stalled)));
    }

    @Test
    void unhookingAnIsolatedHookDoesNotWaitForItsStuckCallback() throws InterruptedException {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        WinEventHook stuck = owner.setWinEventHook(EVENT, EVENT, null, (hook, e, w, o, c, t, m) -> {
            entered.countDown();
            while (never.getCount() > 0) {
                try {
                    never.await();
                } catch (InterruptedException ignoredOnPurpose) {
                    // a callback that ignores interrupts
                }
            }
        }, 0, 0, WINEVENT_OUTOFCONTEXT);
        source.notifyWinEvent(EVENT, 1, 0, 0);
        source.notifyWinEvent(EVENT, 1, 0, 1);
        assertTrue(entered.await(30, TimeUnit.SECONDS));
        Hook h = f.listed(stuck.value());
        Await.until("the stuck hook is isolated", () -> h.state() == HookState.ISOLATED);
        owner.unhookWinEvent(stuck);
        assertEquals(null, f.listed(stuck.value()));
        assertTrue(Await.threadAlive("winevent-hook-" + stuck.value()), "the callback is still stuck");
        never.countDown();
        Await.threadEnds("winevent-hook-" + stuck.value());
    }

    @Test
    void aSlowHookThatProgressesIsNotIsolated() {
        try (Fixture slow = new Fixture(1000, 1024)) {
            Recorder r = new Recorder() {
                @Override
                public void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild,
                        long eventThread, long eventTime) {
                    super.onEvent(hook, event, hwnd, idObject, idChild, eventThread, eventTime);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            WinEventHook h = slow.bus(40, "owner").setWinEventHook(EVENT, EVENT, null, r, 0, 0, WINEVENT_OUTOFCONTEXT);
            WinEventBus s = slow.bus(41, "source");
            // 100 events of 20 ms: the backlog lasts twice the stall timeout, but the hook always moves.
            for (int i = 0; i < 100; i++) {
                s.notifyWinEvent(EVENT, 1, 0, i);
            }
            r.awaitCount(100);
            assertEquals(HookState.ACTIVE, slow.listed(h.value()).state());
        }
    }
}
