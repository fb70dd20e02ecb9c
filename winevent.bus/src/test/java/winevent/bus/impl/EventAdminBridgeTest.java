package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;

import winevent.WinEventBus;
import winevent.WinEvents;

/** The optional EventAdmin bridge, with a fake EventAdmin (requirement 10). */
class EventAdminBridgeTest {
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus own = f.bus(5, "winevent.bus");
    private final WinEventBus system = f.bus(12, Fixture.SYSTEM);
    private final List<Event> posted = new ArrayList<>();
    private final EventAdmin eventAdmin = new EventAdmin() {
        @Override
        public void postEvent(Event event) {
            synchronized (posted) {
                posted.add(event);
            }
        }

        @Override
        public void sendEvent(Event event) {
            throw new AssertionError("the bridge posts, it never sends");
        }
    };

    private List<Event> awaitPosted(int n) {
        Await.until(n + " events posted", () -> {
            synchronized (posted) {
                return posted.size() >= n;
            }
        });
        synchronized (posted) {
            return new ArrayList<>(posted);
        }
    }

    private EventAdminBridge bridge(Map<String, Object> config) {
        return new EventAdminBridge(own, eventAdmin, Configs.of(EventAdminBridge.Config.class, config));
    }

    @Test
    void eventsArePostedToTopicsWithTheirValues() {
        bridge(Map.of());
        int atom = system.addAtom("{Provider-Config-Change}");
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 3, WinEvents.OBJID_CLIENT, 7);
        system.notifyWinEvent(0x0105, 4, 1, 2);
        system.notifyWinEvent(atom, 5, 0, 0);
        List<Event> events = awaitPosted(3);

        Event create = events.get(0);
        assertEquals("winevent/object/EVENT_OBJECT_CREATE", create.getTopic());
        assertEquals(WinEvents.EVENT_OBJECT_CREATE, create.getProperty("event"));
        assertEquals(3L, create.getProperty("hwnd"));
        assertEquals(WinEvents.OBJID_CLIENT, create.getProperty("idObject"));
        assertEquals(7, create.getProperty("idChild"));
        assertEquals(Thread.currentThread().getId(), create.getProperty("thread"));
        assertTrue((Long) create.getProperty("time") > 0);
        assertEquals("EVENT_OBJECT_CREATE", create.getProperty("name"));

        assertEquals("winevent/oem/0x0105", events.get(1).getTopic());
        assertFalse(events.get(1).containsProperty("name"));

        assertEquals("winevent/atom/" + EventNames.hex(atom), events.get(2).getTopic());
        assertEquals("{Provider-Config-Change}", events.get(2).getProperty("name"));
    }

    @Test
    void onlyTheConfiguredRangeIsPostedUnderTheConfiguredPrefix() {
        bridge(Map.of("eventMin", 0x8000, "eventMax", 0x80FF, "topicPrefix", "ws2/winevent"));
        system.notifyWinEvent(WinEvents.EVENT_SYSTEM_ALERT, 1, 0, 0);
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_DESTROY, 1, 0, 0);
        assertEquals("ws2/winevent/object/EVENT_OBJECT_DESTROY", awaitPosted(1).get(0).getTopic());
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_SHOW, 1, 0, 0);
        assertEquals(2, awaitPosted(2).size());
    }

    @Test
    void deactivationRemovesTheHook() {
        EventAdminBridge b = bridge(Map.of());
        assertEquals(1, f.engine().hooks().size());
        assertEquals("winevent.bus [5]", f.engine().hooks().get(0).spec().owner().toString());
        b.deactivate();
        assertTrue(f.engine().hooks().isEmpty());
    }

    @Test
    void aPrefixThatIsNotATopicIsRefused() {
        for (String bad : new String[] {"", "a//b", "/a", "a/", "a b", "a/*"}) {
            assertThrows(IllegalArgumentException.class, () -> bridge(Map.of("topicPrefix", bad)), bad);
        }
        assertTrue(f.engine().hooks().isEmpty());
    }
}
