package ws2.market.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.AccessibleConstants.ROLE_SYSTEM_LIST;
import static winevent.AccessibleConstants.ROLE_SYSTEM_LISTITEM;
import static winevent.AccessibleConstants.STATE_SYSTEM_NORMAL;
import static winevent.AccessibleConstants.STATE_SYSTEM_UNAVAILABLE;
import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_NAMECHANGE;
import static winevent.WinEvents.EVENT_OBJECT_REORDER;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;
import static winevent.WinEvents.OBJID_CLIENT;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;

import winevent.AccessibleObject;
import winevent.AccessibleObjectSource;
import winevent.AccessibleObjects;
import winevent.EventTriple;
import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEventHook;
import winevent.WinEventProc;
import ws2.catalog.CatalogEvents;
import ws2.market.HistoryEntry;
import ws2.market.install.Journal;

class CatalogJournalTest {
    private static final long NATIVE = 11;
    private static final long COMPAT32 = 12;
    private static final long SOCKETS = 13;

    @TempDir
    Path dir;

    /** A bus that hands out one hook and records hooks and notifications. */
    static class HookBus implements WinEventBus {
        final List<String> calls = new ArrayList<>();
        WinEventProc proc;
        final WinEventHook hook = new WinEventHook() {
            @Override
            public long value() {
                return 1;
            }

            @Override
            public int eventMin() {
                return EVENT_OBJECT_CREATE;
            }

            @Override
            public int eventMax() {
                return EVENT_OBJECT_NAMECHANGE;
            }

            @Override
            public int flags() {
                return 0;
            }
        };

        @Override
        public long processId() {
            return 7;
        }

        @Override
        public WinEventHook setWinEventHook(int eventMin, int eventMax, Bundle module, WinEventProc p, long processId,
                long threadId, int flags) {
            calls.add("hook 0x" + Integer.toHexString(eventMin) + "-0x" + Integer.toHexString(eventMax) + " " + flags);
            proc = p;
            return hook;
        }

        @Override
        public void unhookWinEvent(WinEventHook h) {
            calls.add("unhook");
        }

        @Override
        public void notifyWinEvent(int event, long hwnd, int idObject, int idChild) {
            calls.add("notify");
        }

        @Override
        public int addAtom(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int findAtom(String name) {
            return 0;
        }

        @Override
        public String atomName(int atom) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteAtom(int atom) {
            throw new UnsupportedOperationException();
        }
    }

    /** The core's windows: entries of the native catalog by ID, with a name and an availability. */
    static final class Windows implements AccessibleObjects {
        final Map<Integer, AccessibleObject> entries = new LinkedHashMap<>();

        void put(int id, String name, boolean available, String reason) {
            entries.put(id, new AccessibleObject(name, ROLE_SYSTEM_LISTITEM,
                    available ? STATE_SYSTEM_NORMAL : STATE_SYSTEM_UNAVAILABLE, "", "provider {x} at /p"
                            + (available ? "" : "; unavailable: " + reason), null, List.of()));
        }

        @Override
        public long createWindow(String name, AccessibleObjectSource source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void destroyWindow(long hwnd) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long findWindow(String name) {
            return switch (name) {
                case CatalogEvents.NATIVE_CATALOG_WINDOW -> NATIVE;
                case CatalogEvents.COMPAT32_CATALOG_WINDOW -> COMPAT32;
                case CatalogEvents.SOCKETS_WINDOW -> SOCKETS;
                default -> 0;
            };
        }

        @Override
        public AccessibleObject accessibleObjectFromEvent(long hwnd, int idObject, int idChild) {
            if (hwnd != NATIVE) {
                throw new WinEventException(WinEventError.ERROR_INVALID_HANDLE, "no window " + hwnd);
            }
            if (idChild == CHILDID_SELF) {
                return new AccessibleObject("ws2 catalog", ROLE_SYSTEM_LIST, STATE_SYSTEM_NORMAL, "", "", null,
                        entries.keySet().stream().map(id -> new EventTriple(NATIVE, OBJID_CLIENT, id)).toList());
            }
            AccessibleObject o = entries.get(idChild);
            if (o == null) {
                throw new WinEventException(WinEventError.ERROR_INVALID_PARAMETER, "no entry " + idChild);
            }
            return o;
        }
    }

    private List<String> subjects(Journal journal) throws Exception {
        List<String> out = new ArrayList<>();
        for (HistoryEntry e : journal.read()) {
            assertEquals(CatalogJournal.ACTION, e.action());
            assertEquals(HistoryEntry.OK, e.outcome());
            assertEquals(List.of(), e.changes());
            out.add(e.subject());
        }
        return out;
    }

    @Test
    void eachCatalogEventIsOneQuietRecordNamingTheEntry() throws Exception {
        int[] announced = {0};
        Journal journal = new Journal(dir, Clock.systemUTC(), n -> announced[0]++);
        HookBus bus = new HookBus();
        Windows windows = new Windows();
        CatalogJournal catalog = new CatalogJournal(journal);
        catalog.attach(bus, windows);
        assertTrue(catalog.attached());
        assertEquals(List.of("hook 0x8000-0x800c 0"), bus.calls);

        windows.put(1001, "ws2 Tcpip [TCP/IP]", true, "");
        windows.put(1007, "ws2 Metrics over [ws2 Tcpip [TCP/IP]]", true, "");
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_CREATE, NATIVE, OBJID_CLIENT, 1007, 1, 0);
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_CREATE, SOCKETS, OBJID_CLIENT, 5, 1, 0); // a socket: ignored
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_CREATE, COMPAT32, OBJID_CLIENT, 2007, 1, 0); // no details: the ID
        windows.entries.clear();
        windows.put(1007, "ws2 Metrics over [ws2 Tcpip [TCP/IP]]", false, "no service");
        windows.put(1001, "ws2 Tcpip [TCP/IP]", true, "");
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_REORDER, NATIVE, OBJID_CLIENT, CHILDID_SELF, 1, 0);
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_STATECHANGE, NATIVE, OBJID_CLIENT, 1007, 1, 0);
        windows.put(1001, "ws2 Tcpip v2", true, "");
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_NAMECHANGE, NATIVE, OBJID_CLIENT, 1001, 1, 0);
        windows.entries.remove(1007);
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_DESTROY, NATIVE, OBJID_CLIENT, 1007, 1, 0);
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_DESTROY, NATIVE, OBJID_CLIENT, 1009, 1, 0);

        assertEquals(List.of("native entry 1007 'ws2 Metrics over [ws2 Tcpip [TCP/IP]]' created",
                "compat32 entry 2007 created",
                "native catalog reordered: 1007, 1001",
                "native entry 1007 'ws2 Metrics over [ws2 Tcpip [TCP/IP]]' unavailable: no service",
                "native entry 1001 renamed to 'ws2 Tcpip v2'",
                "native entry 1007 'ws2 Metrics over [ws2 Tcpip [TCP/IP]]' destroyed",
                "native entry 1009 destroyed"), subjects(journal));
        assertEquals(0, announced[0], "catalog records came from the bus and are not announced again");
        assertFalse(bus.calls.contains("notify"));

        catalog.detach();
        assertFalse(catalog.attached());
        assertEquals("unhook", bus.calls.get(bus.calls.size() - 1));
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_CREATE, NATIVE, OBJID_CLIENT, 1001, 1, 0);
        assertEquals(7, journal.read().size(), "nothing is journaled once unhooked");
    }

    @Test
    void aJournalThatCannotBeWrittenLosesTheRecordOnly() throws Exception {
        Path file = dir.resolve("blocked");
        java.nio.file.Files.writeString(file, "not a folder");
        Journal journal = new Journal(file, Clock.systemUTC());
        HookBus bus = new HookBus();
        CatalogJournal catalog = new CatalogJournal(journal);
        catalog.attach(bus, new Windows());
        bus.proc.onEvent(bus.hook, EVENT_OBJECT_REORDER, NATIVE, OBJID_CLIENT, CHILDID_SELF, 1, 0); // logged, not thrown
        assertTrue(catalog.attached());
    }

    @Test
    void aBusThatRefusesTheHookLeavesTheJournalAlone() {
        HookBus bus = new HookBus() {
            @Override
            public WinEventHook setWinEventHook(int eventMin, int eventMax, Bundle module, WinEventProc p,
                    long processId, long threadId, int flags) {
                throw new IllegalStateException("stopped");
            }
        };
        CatalogJournal catalog = new CatalogJournal(new Journal(dir, Clock.systemUTC()));
        catalog.attach(bus, new Windows());
        assertFalse(catalog.attached());
        catalog.detach();
    }
}
