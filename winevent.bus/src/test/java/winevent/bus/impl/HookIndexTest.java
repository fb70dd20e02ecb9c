package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.EVENT_MAX;
import static winevent.WinEvents.EVENT_MIN;
import static winevent.WinEvents.WINEVENT_INCONTEXT;

import java.util.IdentityHashMap;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import winevent.WinEventBus;
import winevent.WinEventHook;

/** The notify snapshot: exact interest bits, interned per-ID hook arrays, clipping (requirement 3). */
class HookIndexTest {
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus a = f.bus(40, "a");
    private final Bundle module = FakeBundles.bundle(40, "a");

    private WinEventHook hook(int min, int max) {
        return a.setWinEventHook(min, max, module, new Recorder(), 0, 0, WINEVENT_INCONTEXT);
    }

    @Test
    void aHookSpanningEverythingSharesOneArray() {
        WinEventHook all = hook(EVENT_MIN, EVENT_MAX);
        HookIndex s = f.engine().index();
        Map<Hook[], Boolean> distinct = new IdentityHashMap<>();
        for (int id = 1; id < EventRanges.IDS; id++) {
            assertTrue(s.wanted(id));
            distinct.put(s.hooks(id), true);
        }
        assertEquals(1, distinct.size());
        assertArrayEquals(new Hook[] {(Hook) all}, s.hooks(1));
        assertFalse(s.wanted(0));
        assertNull(s.hooks(0));
    }

    @Test
    void theInterestBitsAreExact() {
        hook(0x8005, 0x8005);
        hook(0x0101, 0x01FF);
        HookIndex s = f.engine().index();
        for (int id = 0; id < EventRanges.IDS; id++) {
            boolean expected = id == 0x8005 || id >= 0x0101 && id <= 0x01FF;
            assertEquals(expected, s.wanted(id), EventNames.hex(id));
        }
    }

    @Test
    void overlappingHooksAreListedInRegistrationOrderAndSegmentsAreShared() {
        WinEventHook wide = hook(0x8000, 0x80FF);
        WinEventHook narrow = hook(0x8010, 0x8020);
        WinEventHook first = hook(0x8000, 0x8000);
        HookIndex s = f.engine().index();
        assertArrayEquals(new Hook[] {(Hook) wide, (Hook) first}, s.hooks(0x8000));
        assertArrayEquals(new Hook[] {(Hook) wide}, s.hooks(0x8001));
        assertArrayEquals(new Hook[] {(Hook) wide, (Hook) narrow}, s.hooks(0x8010));
        assertSame(s.hooks(0x8010), s.hooks(0x8020));
        assertSame(s.hooks(0x8001), s.hooks(0x80FF));
        assertNull(s.hooks(0x8100));
    }

    @Test
    void rangesAreClippedToTheNotifiableIds() {
        hook(0x10000, EVENT_MAX);
        HookIndex s = f.engine().index();
        for (int id = 0; id < EventRanges.IDS; id++) {
            assertFalse(s.wanted(id));
        }
        hook(0xFFF0, 0x20000);
        assertTrue(f.engine().index().wanted(0xFFFF));
        assertFalse(f.engine().index().wanted(0xFFEF));
    }

    @Test
    void unhookedHooksLeaveTheIndex() {
        WinEventHook h = hook(0x8000, 0x8000);
        a.unhookWinEvent(h);
        assertFalse(f.engine().index().wanted(0x8000));
        assertTrue(f.engine().index().active().isEmpty());
    }

    @Test
    void atomChangesKeepTheHookArrays() {
        hook(0x8000, 0x8000);
        HookIndex before = f.engine().index();
        int atom = a.addAtom("x");
        HookIndex after = f.engine().index();
        assertSame(before.hooks(0x8000), after.hooks(0x8000));
        assertFalse(before.allocated(atom));
        assertTrue(after.allocated(atom));
        a.findAtom("x");
        assertSame(after, f.engine().index());
    }
}
