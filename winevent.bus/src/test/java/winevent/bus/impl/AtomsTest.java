package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.bus.impl.Codes.code;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEvents;

/** The atom table: GlobalAddAtom, GlobalFindAtom, GlobalGetAtomName, GlobalDeleteAtom (requirement 5). */
class AtomsTest {
    private static final String GUID = "{0E5B1C80-5D1A-4B6E-9F4A-2C1D3E4F5A6B}";
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus a = f.bus(40, "a");
    private final WinEventBus b = f.bus(41, "b");

    private Map<Long, Integer> refs(int atom) {
        return f.engine().atoms().stream().filter(e -> e.id() == atom).findFirst().orElseThrow().refs();
    }

    @Test
    void theSameStringInAnyCaseIsTheSameAtomWithItsFirstSpelling() {
        int atom = a.addAtom(GUID);
        assertTrue(atom >= WinEvents.EVENT_ATOM_START && atom <= WinEvents.EVENT_ATOM_END);
        assertEquals(atom, b.addAtom(GUID.toLowerCase()));
        assertEquals(atom, a.addAtom(GUID.toUpperCase()));
        assertEquals(GUID, b.atomName(atom));
        assertEquals(atom, a.findAtom("{0e5b1c80-5d1a-4b6e-9f4a-2c1d3e4f5a6b}"));
        assertNotEquals(atom, a.addAtom("another"));
    }

    @Test
    void referencesAreCountedPerContext() {
        int atom = a.addAtom(GUID);
        a.addAtom(GUID);
        b.addAtom(GUID);
        assertEquals(Map.of(40L, 2, 41L, 1), refs(atom));
        a.deleteAtom(atom);
        a.deleteAtom(atom);
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.deleteAtom(atom)));
        assertEquals(GUID, a.atomName(atom));
        b.deleteAtom(atom);
        assertEquals(0, a.findAtom(GUID));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.atomName(atom)));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> b.deleteAtom(atom)));
    }

    @Test
    void findDoesNotCount() {
        int atom = a.addAtom(GUID);
        for (int i = 0; i < 5; i++) {
            assertEquals(atom, b.findAtom(GUID));
        }
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> b.deleteAtom(atom)));
        a.deleteAtom(atom);
        assertEquals(0, b.findAtom(GUID));
    }

    @Test
    void aContextThatEndsReleasesItsReferences() {
        int shared = a.addAtom(GUID);
        b.addAtom(GUID);
        int own = a.addAtom("only a's");
        a.addAtom("only a's");
        f.desktop.end(40);
        assertEquals(0, b.findAtom("only a's"));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> b.notifyWinEvent(own, 1, 0, 0)));
        assertEquals(Map.of(41L, 1), refs(shared));
        f.desktop.end(40);
        assertEquals(List.of(shared), f.engine().atoms().stream().map(AtomTable.Entry::id).toList());
    }

    @Test
    void allSixteenThousandAtomsCanBeAllocatedAndThenNoMore() {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < AtomTable.COUNT; i++) {
            ids.add(a.addAtom("atom-" + i));
        }
        assertEquals(AtomTable.COUNT, ids.size());
        assertEquals(WinEventError.ERROR_NOT_ENOUGH_MEMORY, code(() -> b.addAtom("one too many")));
        assertEquals(AtomTable.FIRST + 7, b.addAtom("ATOM-7"));
        a.deleteAtom(0xC123);
        assertEquals(0xC123, b.addAtom("one too many"));
        assertDoesNotThrow(() -> b.notifyWinEvent(0xFFFF, 1, 0, 0));
    }

    @Test
    void badNamesAreInvalidParameters() {
        for (String bad : new String[] {null, "", "#1", "#0", "#49152", "x".repeat(256)}) {
            assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> a.addAtom(bad)), String.valueOf(bad));
            assertEquals(0, a.findAtom(bad));
        }
        assertDoesNotThrow(() -> a.addAtom("x".repeat(255)));
        assertDoesNotThrow(() -> a.addAtom("#"));
        assertDoesNotThrow(() -> a.addAtom("#12a"));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.atomName(0x1234)));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> a.deleteAtom(0)));
    }
}
