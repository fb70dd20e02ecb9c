package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static winevent.WinEvents.EVENT_MAX;
import static winevent.WinEvents.EVENT_MIN;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;
import static winevent.WinEvents.WINEVENT_SKIPOWNTHREAD;
import static winevent.bus.impl.Codes.code;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventHook;

/** setWinEventHook's checks and unhookWinEvent's handle checks (requirement 1). */
class HookValidationTest {
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus a = f.bus(40, "a");
    private final WinEventBus b = f.bus(41, "b");
    private final Bundle module = FakeBundles.bundle(40, "a");
    private final Recorder proc = new Recorder();

    @Test
    void anEmptyOrOutOfRangeFilterIsInvalid() {
        assertEquals(WinEventError.ERROR_INVALID_HOOK_FILTER,
                code(() -> a.setWinEventHook(0x8001, 0x8000, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT)));
        assertEquals(WinEventError.ERROR_INVALID_HOOK_FILTER,
                code(() -> a.setWinEventHook(0, 5, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT)));
        assertEquals(WinEventError.ERROR_INVALID_HOOK_FILTER,
                code(() -> a.setWinEventHook(-5, 5, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT)));
        assertEquals(WinEventError.ERROR_INVALID_HOOK_FILTER,
                code(() -> a.setWinEventHook(1, -1, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT)));
    }

    @Test
    void aHookMaySpanAnyRange() {
        WinEventHook all = a.setWinEventHook(EVENT_MIN, EVENT_MAX, module, proc, 0, 0, WINEVENT_INCONTEXT);
        WinEventHook above = a.setWinEventHook(0x10000, EVENT_MAX, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT);
        assertEquals(EVENT_MIN, all.eventMin());
        assertEquals(EVENT_MAX, all.eventMax());
        assertEquals(WINEVENT_INCONTEXT, all.flags());
        assertNotEquals(all.value(), above.value());
    }

    @Test
    void aNullCallbackIsInvalid() {
        assertEquals(WinEventError.ERROR_INVALID_FILTER_PROC,
                code(() -> a.setWinEventHook(1, 2, null, null, 0, 0, WINEVENT_OUTOFCONTEXT)));
    }

    @Test
    void unknownBitsAndBothSkipFlagsAreInvalid() {
        for (int flags : new int[] {8, 0x10, 0x80000000, WINEVENT_SKIPOWNPROCESS | WINEVENT_SKIPOWNTHREAD,
            WINEVENT_INCONTEXT | WINEVENT_SKIPOWNPROCESS | WINEVENT_SKIPOWNTHREAD}) {
            assertEquals(WinEventError.ERROR_INVALID_FLAGS, code(() -> a.setWinEventHook(1, 2, module, proc, 0, 0, flags)),
                    Integer.toHexString(flags));
        }
        for (int flags : new int[] {WINEVENT_OUTOFCONTEXT, WINEVENT_INCONTEXT, WINEVENT_SKIPOWNPROCESS,
            WINEVENT_SKIPOWNTHREAD, WINEVENT_INCONTEXT | WINEVENT_SKIPOWNPROCESS,
            WINEVENT_INCONTEXT | WINEVENT_SKIPOWNTHREAD}) {
            assertEquals(flags, a.setWinEventHook(1, 2, module, proc, 0, 0, flags).flags());
        }
    }

    @Test
    void anInContextHookNeedsItsModule() {
        assertEquals(WinEventError.ERROR_HOOK_NEEDS_HMOD,
                code(() -> a.setWinEventHook(1, 2, null, proc, 0, 0, WINEVENT_INCONTEXT)));
    }

    @Test
    void onlyTheOwnerCanUnhookAndOnlyOnce() {
        WinEventHook h = a.setWinEventHook(1, 2, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT);
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> b.unhookWinEvent(h)));
        a.unhookWinEvent(h);
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.unhookWinEvent(h)));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.unhookWinEvent(null)));
        WinEventHook forged = new WinEventHook() {
            @Override
            public long value() {
                return h.value();
            }

            @Override
            public int eventMin() {
                return 1;
            }

            @Override
            public int eventMax() {
                return 2;
            }

            @Override
            public int flags() {
                return 0;
            }
        };
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.unhookWinEvent(forged)));
    }

    @Test
    void theBusRefusesChangesOnceStopped() {
        f.close();
        assertThrows(IllegalStateException.class,
                () -> a.setWinEventHook(1, 2, null, proc, 0, 0, WINEVENT_OUTOFCONTEXT));
        assertThrows(IllegalStateException.class, () -> a.addAtom("x"));
        assertThrows(IllegalStateException.class,
                () -> f.objects(40, "a").createWindow("w", (o, c) -> null));
    }
}
