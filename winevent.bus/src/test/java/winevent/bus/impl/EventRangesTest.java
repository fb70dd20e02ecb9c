package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.bus.impl.Codes.code;

import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.WinEventBus;
import winevent.WinEventCategory;
import winevent.WinEventError;
import winevent.WinEvents;

/** Event-ID ranges, categories and the checks of notifyWinEvent (issue requirement 2). */
class EventRangesTest {
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus client = f.bus(40, "client");
    private final WinEventBus system = f.bus(12, Fixture.SYSTEM);
    private final WinEventBus framework = f.bus(0, "org.apache.felix.framework");

    @Test
    void theTableClassifiesEveryIdLikeTheCategories() {
        for (int id = 0; id < EventRanges.IDS; id++) {
            WinEventCategory c = WinEventCategory.of(id);
            byte expected = c == null ? EventRanges.UNDEFINED : c == WinEventCategory.ATOM ? EventRanges.ATOM
                    : c.systemReserved() ? EventRanges.RESERVED : EventRanges.OPEN;
            int event = id;
            assertEquals(expected, EventRanges.kind(event), () -> "kind of " + EventNames.hex(event));
        }
    }

    @Test
    void anIdOutsideEveryRangeIsAnInvalidParameter() {
        for (int id : new int[] {0, 0x0100, 0x0200, 0x3FFF, 0x4100, 0x7600, 0x8100, 0xB000, 0x10000, 0x7FFFFFFF, -1,
            Integer.MIN_VALUE}) {
            assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> client.notifyWinEvent(id, 1, 0, 0)),
                    EventNames.hex(id));
            assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> system.notifyWinEvent(id, 1, 0, 0)),
                    EventNames.hex(id));
        }
    }

    @Test
    void systemReservedIdsAreDeniedToClientsThatAreNotTheSystem() {
        for (WinEventCategory c : WinEventCategory.values()) {
            if (c.systemReserved()) {
                assertEquals(WinEventError.ERROR_ACCESS_DENIED, code(() -> client.notifyWinEvent(c.first(), 1, 0, 0)));
                assertEquals(WinEventError.ERROR_ACCESS_DENIED, code(() -> client.notifyWinEvent(c.last(), 1, 0, 0)));
                assertDoesNotThrow(() -> system.notifyWinEvent(c.first(), 1, 0, 0));
                assertDoesNotThrow(() -> framework.notifyWinEvent(c.last(), 1, 0, 0));
            }
        }
    }

    @Test
    void openRangesAreOpenToEveryone() {
        assertDoesNotThrow(() -> client.notifyWinEvent(WinEvents.EVENT_OEM_DEFINED_START, 1, 0, 0));
        assertDoesNotThrow(() -> client.notifyWinEvent(WinEvents.EVENT_OEM_DEFINED_END, 1, 0, 0));
        assertDoesNotThrow(() -> client.notifyWinEvent(WinEvents.EVENT_AIA_START, 1, 0, 0));
        assertDoesNotThrow(() -> client.notifyWinEvent(WinEvents.EVENT_AIA_END, 1, 0, 0));
    }

    @Test
    void anAtomIdIsNotifiableExactlyWhileTheAtomIsAllocated() {
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> client.notifyWinEvent(0xC000, 1, 0, 0)));
        int atom = client.addAtom("{6A3E1B52-0000-4C1A-9C39-5E4B1D1F6F01}");
        assertDoesNotThrow(() -> client.notifyWinEvent(atom, 1, 0, 0));
        assertDoesNotThrow(() -> system.notifyWinEvent(atom, 1, 0, 0));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> client.notifyWinEvent(atom + 1, 1, 0, 0)));
        client.deleteAtom(atom);
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> client.notifyWinEvent(atom, 1, 0, 0)));
    }

    @Test
    void theChecksHoldWhetherOrNotAHookWantsTheId() {
        f.bus(50, "listener").setWinEventHook(WinEvents.EVENT_MIN, WinEvents.EVENT_MAX, null, new Recorder(), 0, 0,
                WinEvents.WINEVENT_OUTOFCONTEXT);
        assertEquals(WinEventError.ERROR_ACCESS_DENIED,
                code(() -> client.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 1, 0, 0)));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> client.notifyWinEvent(0xC123, 1, 0, 0)));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> client.notifyWinEvent(0x0200, 1, 0, 0)));
    }

    @Test
    void aReconfiguredSystemSetAppliesToOpenContexts() {
        assertEquals(WinEventError.ERROR_ACCESS_DENIED,
                code(() -> client.notifyWinEvent(WinEvents.EVENT_SYSTEM_ALERT, 1, 0, 0)));
        f.desktop.configure(new Settings(5000, 1024, Set.of("client")));
        assertDoesNotThrow(() -> client.notifyWinEvent(WinEvents.EVENT_SYSTEM_ALERT, 1, 0, 0));
        assertEquals(WinEventError.ERROR_ACCESS_DENIED,
                code(() -> system.notifyWinEvent(WinEvents.EVENT_SYSTEM_ALERT, 1, 0, 0)));
        assertDoesNotThrow(() -> framework.notifyWinEvent(WinEvents.EVENT_SYSTEM_ALERT, 1, 0, 0));
    }

    @Test
    void theProcessIdIsTheBundleId() {
        assertEquals(40, client.processId());
        assertEquals(0, framework.processId());
    }

    @Test
    void namesAndLabels() {
        assertEquals("0x800C", EventNames.hex(0x800C));
        assertEquals("object", EventNames.category(WinEvents.EVENT_OBJECT_CREATE));
        assertEquals("uia_events", EventNames.category(0x4E20));
        assertEquals("EVENT_OBJECT_CREATE", EventNames.label(WinEvents.EVENT_OBJECT_CREATE, client));
        assertEquals("OEM 0x0105", EventNames.label(0x0105, client));
        int atom = client.addAtom("{My-Event}");
        assertEquals("{My-Event}", EventNames.label(atom, client));
        client.deleteAtom(atom);
        assertEquals("ATOM " + EventNames.hex(atom), EventNames.label(atom, client));
        assertTrue(EventNames.label(0x0200, client).startsWith("UNDEFINED"));
    }
}
