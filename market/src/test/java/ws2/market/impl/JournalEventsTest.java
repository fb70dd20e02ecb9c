package ws2.market.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static winevent.WinEvents.OBJID_CLIENT;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;

import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEventHook;
import winevent.WinEventProc;
import ws2.market.Marketplace;

class JournalEventsTest {
    /** A bus that records atoms and notifications; the first atom is 0xC001, the next 0xC002, and so on. */
    static final class RecordingBus implements WinEventBus {
        final List<String> calls = new ArrayList<>();
        int nextAtom = 0xC001;
        boolean stopped;
        WinEventException failNotify;

        @Override
        public long processId() {
            return 7;
        }

        @Override
        public WinEventHook setWinEventHook(int eventMin, int eventMax, Bundle module, WinEventProc proc, long processId,
                long threadId, int flags) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void unhookWinEvent(WinEventHook hook) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void notifyWinEvent(int event, long hwnd, int idObject, int idChild) {
            if (failNotify != null) {
                throw failNotify;
            }
            calls.add("notify 0x" + Integer.toHexString(event) + " " + hwnd + " " + idObject + " " + idChild);
        }

        @Override
        public int addAtom(String name) {
            if (stopped) {
                throw new IllegalStateException("stopped");
            }
            calls.add("add " + name);
            return nextAtom++;
        }

        @Override
        public int findAtom(String name) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String atomName(int atom) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void deleteAtom(int atom) {
            if (stopped) {
                throw new IllegalStateException("stopped");
            }
            calls.add("delete 0x" + Integer.toHexString(atom));
        }
    }

    @Test
    void withoutABusEntriesAreNotAnnounced() {
        JournalEvents events = new JournalEvents();
        events.written(1);
        assertEquals(0, events.atom());
    }

    @Test
    void eachEntryIsItsAtomsEventWithTheEntryNumberAsChild() {
        RecordingBus bus = new RecordingBus();
        JournalEvents events = new JournalEvents();
        events.attach(bus);
        events.written(1);
        events.written(2);
        assertEquals(0xC001, events.atom());
        assertEquals(List.of("add " + Marketplace.JOURNAL_EVENT_ATOM, "notify 0xc001 0 " + OBJID_CLIENT + " 1",
                "notify 0xc001 0 " + OBJID_CLIENT + " 2"), bus.calls);
    }

    @Test
    void theAtomIsAllocatedOncePerBusAndReleasedWithIt() {
        RecordingBus first = new RecordingBus();
        RecordingBus second = new RecordingBus();
        second.nextAtom = 0xC100;
        JournalEvents events = new JournalEvents();
        events.attach(first);
        events.attach(second);
        assertEquals(List.of("add " + Marketplace.JOURNAL_EVENT_ATOM, "delete 0xc001"), first.calls);
        events.detach(first); // not the attached one: ignored
        events.written(3);
        assertEquals(List.of("add " + Marketplace.JOURNAL_EVENT_ATOM, "notify 0xc100 0 " + OBJID_CLIENT + " 3"), second.calls);
        events.detach(second);
        events.written(4);
        assertEquals("delete 0xc100", second.calls.get(second.calls.size() - 1));
        assertEquals(0, events.atom());
    }

    @Test
    void aFailingBusNeverReachesTheWriter() {
        RecordingBus bus = new RecordingBus();
        JournalEvents events = new JournalEvents();
        events.attach(bus);
        bus.failNotify = new WinEventException(WinEventError.ERROR_INVALID_PARAMETER, "atom gone");
        events.written(1);
        bus.stopped = true;
        events.detach(null);
        assertEquals(0, events.atom());
        JournalEvents late = new JournalEvents();
        late.attach(bus);
        assertEquals(0, late.atom(), "a stopped bus gives no atom, and nothing is announced");
        late.written(2);
    }
}
