package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static winevent.bus.impl.Codes.code;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.AccessibleObjects;
import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventHook;

/** A context's end removes its hooks (also as module), atoms, windows and threads (requirement 6). */
class ContextLifecycleTest {
    private static final int EVENT = 0x0105;
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus a = f.bus(40, "a");
    private final WinEventBus b = f.bus(41, "b");
    private final AccessibleObjects aObjects = f.objects(40, "a");

    @Test
    void aBundleThatStopsLosesItsHooksAtomsWindowsAndDeliveryThreads() {
        WinEventHook queued = a.setWinEventHook(EVENT, EVENT, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        WinEventHook direct = a.setWinEventHook(EVENT, EVENT, FakeBundles.bundle(40, "a"), new Recorder(), 0, 0,
                WINEVENT_INCONTEXT);
        int atom = a.addAtom("a's atom");
        long hwnd = aObjects.createWindow("a's window", (o, c) -> null);
        Recorder other = new Recorder();
        WinEventHook kept = b.setWinEventHook(EVENT, EVENT, null, other, 0, 0, WINEVENT_OUTOFCONTEXT);
        assertTrue(Await.threadAlive("winevent-hook-" + queued.value()));

        f.desktop.end(40);

        assertEquals(List.of(kept.value()), f.engine().hooks().stream().map(Hook::value).toList());
        assertFalse(Await.threadAlive("winevent-hook-" + queued.value()), "the delivery thread ended with the stop");
        assertEquals(0, b.findAtom("a's atom"));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> b.notifyWinEvent(atom, 1, 0, 0)));
        assertEquals(0, aObjects.findWindow("a's window"));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> aObjects.accessibleObjectFromEvent(hwnd, 0, 0)));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.unhookWinEvent(direct)));
        b.notifyWinEvent(EVENT, 1, 0, 0);
        other.awaitCount(1);

        f.desktop.end(40);
        f.desktop.end(77);
        assertEquals(1, f.engine().hooks().size());
    }

    @Test
    void hooksWhoseModuleStopsGoToo() {
        WinEventHook byModule = b.setWinEventHook(EVENT, EVENT, FakeBundles.bundle(50, "plugin"), new Recorder(), 0, 0,
                WINEVENT_INCONTEXT);
        WinEventHook queuedByModule = b.setWinEventHook(EVENT, EVENT, FakeBundles.bundle(50, "plugin"), new Recorder(),
                0, 0, WINEVENT_OUTOFCONTEXT);
        WinEventHook own = b.setWinEventHook(EVENT, EVENT, FakeBundles.bundle(41, "b"), new Recorder(), 0, 0,
                WINEVENT_INCONTEXT);
        f.desktop.end(50);
        assertEquals(List.of(own.value()), f.engine().hooks().stream().map(Hook::value).toList());
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> b.unhookWinEvent(byModule)));
        Await.threadEnds("winevent-hook-" + queuedByModule.value());
    }

    @Test
    void releasingOneServiceReleasesOnlyWhatWasHeldThroughIt() {
        a.setWinEventHook(EVENT, EVENT, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        a.addAtom("kept?");
        aObjects.createWindow("w", (o, c) -> null);
        f.desktop.releaseBus(40);
        assertTrue(f.engine().hooks().isEmpty());
        assertEquals(0, a.findAtom("kept?"));
        assertTrue(aObjects.findWindow("w") > 0);
        f.desktop.releaseObjects(40);
        assertEquals(0, aObjects.findWindow("w"));
    }

    @Test
    void closingTheDesktopEndsEveryThread() {
        WinEventHook h = a.setWinEventHook(EVENT, EVENT, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        assertTrue(Await.threadAlive("winevent-watchdog"));
        f.close();
        assertFalse(Await.threadAlive("winevent-hook-" + h.value()));
        assertFalse(Await.threadAlive("winevent-watchdog"));
        assertFalse(Await.threadAlive("winevent-clock"));
        assertTrue(f.engine().hooks().isEmpty());
    }

    @Test
    void manyHooksComeAndGoWithoutLeavingThreads() {
        long[] values = new long[50];
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < values.length; i++) {
                values[i] = a.setWinEventHook(EVENT, EVENT, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT).value();
            }
            f.desktop.end(40);
            for (long v : values) {
                assertFalse(Await.threadAlive("winevent-hook-" + v));
            }
        }
        assertTrue(f.engine().hooks().isEmpty());
        assertFalse(f.engine().index().wanted(EVENT));
    }
}
