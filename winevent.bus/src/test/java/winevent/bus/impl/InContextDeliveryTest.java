package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static winevent.bus.impl.Codes.code;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventHook;
import winevent.WinEvents;

/** In-context hooks: synchronous delivery, order, unhook semantics and failing callbacks (requirements 1, 4). */
class InContextDeliveryTest {
    private static final int EVENT = WinEvents.EVENT_OBJECT_NAMECHANGE;
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus client = f.bus(40, "client");
    private final WinEventBus system = f.bus(12, Fixture.SYSTEM);
    private final Bundle module = FakeBundles.bundle(40, "client");

    @Test
    void theCallbackRunsInTheNotifyingThreadWithTheSevenValues() {
        Recorder r = new Recorder();
        WinEventHook h = client.setWinEventHook(EVENT, EVENT, module, r, 0, 0, WINEVENT_INCONTEXT);
        long before = System.currentTimeMillis();
        system.notifyWinEvent(EVENT, 77, WinEvents.OBJID_CLIENT, 5);
        long after = System.currentTimeMillis();
        assertEquals(1, r.count());
        Recorder.Call c = r.calls().get(0);
        assertSame(h, c.hook());
        assertEquals(EVENT, c.event());
        assertEquals(77, c.hwnd());
        assertEquals(WinEvents.OBJID_CLIENT, c.idObject());
        assertEquals(5, c.idChild());
        assertEquals(Thread.currentThread().getId(), c.eventThread());
        assertSame(Thread.currentThread(), c.ranOn());
        assertTrue(c.eventTime() >= before && c.eventTime() <= after, "event time within the notify call");
    }

    @Test
    void hooksOfOneEventAreCalledInRegistrationOrder() {
        List<String> order = new ArrayList<>();
        client.setWinEventHook(0x8000, 0x80FF, module, (h, e, w, o, c, t, m) -> order.add("wide"), 0, 0,
                WINEVENT_INCONTEXT);
        client.setWinEventHook(EVENT, EVENT, module, (h, e, w, o, c, t, m) -> order.add("exact"), 0, 0,
                WINEVENT_INCONTEXT);
        client.setWinEventHook(1, 0xFFFF, module, (h, e, w, o, c, t, m) -> order.add("all"), 0, 0, WINEVENT_INCONTEXT);
        system.notifyWinEvent(EVENT, 1, 0, 0);
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 1, 0, 0);
        assertEquals(List.of("wide", "exact", "all", "wide", "all"), order);
    }

    @Test
    void aCallbackMayUnhookItsOwnHookAndTheOthersStillRun() {
        Recorder later = new Recorder();
        AtomicInteger calls = new AtomicInteger();
        client.setWinEventHook(EVENT, EVENT, module, (h, e, w, o, c, t, m) -> {
            calls.incrementAndGet();
            client.unhookWinEvent(h);
        }, 0, 0, WINEVENT_INCONTEXT);
        client.setWinEventHook(EVENT, EVENT, module, later, 0, 0, WINEVENT_INCONTEXT);
        system.notifyWinEvent(EVENT, 1, 0, 1);
        system.notifyWinEvent(EVENT, 1, 0, 2);
        assertEquals(1, calls.get());
        assertEquals(List.of(1, 2), later.children());
    }

    @Test
    void noCallAfterUnhookReturns() {
        Recorder r = new Recorder();
        WinEventHook h = client.setWinEventHook(EVENT, EVENT, module, r, 0, 0, WINEVENT_INCONTEXT);
        system.notifyWinEvent(EVENT, 1, 0, 1);
        client.unhookWinEvent(h);
        system.notifyWinEvent(EVENT, 1, 0, 2);
        assertEquals(List.of(1), r.children());
    }

    @Test
    void aCallbackMayNotifyAgain() {
        Recorder r = new Recorder();
        client.setWinEventHook(0x0101, 0x0101, module, (h, e, w, o, c, t, m) -> {
            if (c < 3) {
                client.notifyWinEvent(0x0101, w, o, c + 1);
            }
        }, 0, 0, WINEVENT_INCONTEXT);
        client.setWinEventHook(0x0101, 0x0101, module, r, 0, 0, WINEVENT_INCONTEXT);
        client.notifyWinEvent(0x0101, 1, 0, 0);
        assertEquals(List.of(3, 2, 1, 0), r.children());
    }

    @Test
    void aThrowingHookIsIsolatedAfterTenConsecutiveFailuresWhileOthersKeepReceiving() {
        AtomicInteger attempts = new AtomicInteger();
        WinEventHook bad = client.setWinEventHook(EVENT, EVENT, module, (h, e, w, o, c, t, m) -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("boom " + c);
        }, 0, 0, WINEVENT_INCONTEXT);
        Recorder good = new Recorder();
        client.setWinEventHook(EVENT, EVENT, module, good, 0, 0, WINEVENT_INCONTEXT);
        for (int i = 0; i < 25; i++) {
            int child = i;
            assertDoesNotThrow(() -> system.notifyWinEvent(EVENT, 1, 0, child));
        }
        assertEquals(Failures.LIMIT, attempts.get());
        assertEquals(25, good.count());
        Hook listed = f.listed(bad.value());
        assertEquals(HookState.ISOLATED, listed.state());
        assertEquals(Failures.LIMIT, listed.failures());
        client.unhookWinEvent(bad);
        assertEquals(null, f.listed(bad.value()));
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        AtomicInteger n = new AtomicInteger();
        WinEventHook flaky = client.setWinEventHook(EVENT, EVENT, module, (h, e, w, o, c, t, m) -> {
            if (n.incrementAndGet() % Failures.LIMIT != 0) {
                throw new IllegalStateException("flaky");
            }
        }, 0, 0, WINEVENT_INCONTEXT);
        for (int i = 0; i < 5 * Failures.LIMIT; i++) {
            system.notifyWinEvent(EVENT, 1, 0, i);
        }
        assertEquals(HookState.ACTIVE, f.listed(flaky.value()).state());
        assertEquals(5 * (Failures.LIMIT - 1), f.listed(flaky.value()).failures());
    }

    @Test
    void notifyFailsForTheNotifierNotForTheHooks() {
        Recorder r = new Recorder();
        client.setWinEventHook(1, 0xFFFF, null, r, 0, 0, WINEVENT_OUTOFCONTEXT);
        assertEquals(WinEventError.ERROR_ACCESS_DENIED, code(() -> client.notifyWinEvent(EVENT, 1, 0, 0)));
        assertEquals(0, r.count());
    }
}
