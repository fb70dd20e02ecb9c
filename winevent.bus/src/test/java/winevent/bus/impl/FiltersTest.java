package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;
import static winevent.WinEvents.WINEVENT_SKIPOWNTHREAD;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import winevent.WinEventBus;

/**
 * The processId and threadId filters and the SKIPOWN* flags (requirement 1). In-context hooks, so
 * every delivery has happened when notify returns.
 */
class FiltersTest {
    private static final int EVENT = 0x0101;
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus a = f.bus(40, "a");
    private final WinEventBus b = f.bus(41, "b");
    private final Bundle module = FakeBundles.bundle(40, "a");
    private final Recorder proc = new Recorder();

    /** Notifies from another thread and returns that thread's ID. */
    private static long notifyFromAnotherThread(WinEventBus bus, int idChild) throws InterruptedException {
        Thread t = new Thread(() -> bus.notifyWinEvent(EVENT, 1, 0, idChild));
        t.start();
        t.join();
        return t.getId();
    }

    @Test
    void aProcessFilterKeepsOneContext() {
        a.setWinEventHook(EVENT, EVENT, module, proc, b.processId(), 0, WINEVENT_INCONTEXT);
        a.notifyWinEvent(EVENT, 1, 0, 1);
        b.notifyWinEvent(EVENT, 1, 0, 2);
        assertEquals(List.of(2), proc.children());
    }

    @Test
    void aThreadFilterKeepsOneThread() throws InterruptedException {
        long me = Thread.currentThread().getId();
        a.setWinEventHook(EVENT, EVENT, module, proc, 0, me, WINEVENT_INCONTEXT);
        b.notifyWinEvent(EVENT, 1, 0, 1);
        notifyFromAnotherThread(b, 2);
        a.notifyWinEvent(EVENT, 1, 0, 3);
        assertEquals(List.of(1, 3), proc.children());
    }

    @Test
    void bothFiltersMustMatch() throws InterruptedException {
        a.setWinEventHook(EVENT, EVENT, module, proc, b.processId(), Thread.currentThread().getId(), WINEVENT_INCONTEXT);
        a.notifyWinEvent(EVENT, 1, 0, 1);
        notifyFromAnotherThread(b, 2);
        b.notifyWinEvent(EVENT, 1, 0, 3);
        assertEquals(List.of(3), proc.children());
    }

    @Test
    void skipOwnProcessSkipsTheOwnersNotificationsFromAnyThread() throws InterruptedException {
        a.setWinEventHook(EVENT, EVENT, module, proc, 0, 0, WINEVENT_INCONTEXT | WINEVENT_SKIPOWNPROCESS);
        a.notifyWinEvent(EVENT, 1, 0, 1);
        notifyFromAnotherThread(a, 2);
        b.notifyWinEvent(EVENT, 1, 0, 3);
        notifyFromAnotherThread(b, 4);
        assertEquals(List.of(3, 4), proc.children());
    }

    @Test
    void skipOwnThreadSkipsTheHookingThreadInAnyContext() throws InterruptedException {
        a.setWinEventHook(EVENT, EVENT, module, proc, 0, 0, WINEVENT_INCONTEXT | WINEVENT_SKIPOWNTHREAD);
        a.notifyWinEvent(EVENT, 1, 0, 1);
        b.notifyWinEvent(EVENT, 1, 0, 2);
        notifyFromAnotherThread(a, 3);
        notifyFromAnotherThread(b, 4);
        assertEquals(List.of(3, 4), proc.children());
    }

    @Test
    void skipOwnThreadMeansTheThreadThatSetTheHook() throws InterruptedException {
        Thread setter = new Thread(() -> a.setWinEventHook(EVENT, EVENT, module, proc, 0, 0,
                WINEVENT_INCONTEXT | WINEVENT_SKIPOWNTHREAD));
        setter.start();
        setter.join();
        a.notifyWinEvent(EVENT, 1, 0, 1);
        assertEquals(List.of(1), proc.children());
    }
}
