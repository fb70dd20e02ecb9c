package ws2.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;
import static winevent.WinEvents.OBJID_CLIENT;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.SocketType.SOCK_STREAM;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import winevent.AccessibleConstants;
import winevent.AccessibleObject;
import ws2.api.EventHandle;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.catalog.CatalogEvents;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.core.testing.LoopbackTransport;
import ws2.core.testing.RecordingBus;
import ws2.core.testing.RecordingBus.Notified;
import ws2.core.testing.TestCore;

/** ws2.core announces its catalog and socket changes after they happen, in order (issue 3). */
class AnnouncerTest {
    private static final UUID GUID = new UUID(5, 5);
    private final TestCore t = new TestCore();
    private final RecordingBus bus = new RecordingBus();
    private long catalog;
    private long sockets;
    private int configChange;

    @BeforeEach
    void attach() {
        t.core.announcer().start();
        t.core.announcer().attach(bus, bus);
        catalog = bus.findWindow(CatalogEvents.NATIVE_CATALOG_WINDOW);
        sockets = bus.findWindow(CatalogEvents.SOCKETS_WINDOW);
        configChange = bus.findAtom(CatalogEvents.PROVIDER_CONFIG_CHANGE);
    }

    @AfterEach
    void stop() {
        t.core.announcer().stop();
    }

    private List<Notified> awaitNotified(int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (bus.notified.size() < count && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return List.copyOf(bus.notified);
    }

    private void install() throws Exception {
        t.install(GUID, new LoopbackTransport(), List.of(ProtocolInfo.builder().triple(AF_INET, SOCK_STREAM, 6)
                .providerFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO).sockAddrLengths(16, 16).protocolName("loop").build()));
    }

    @Test
    void aProviderInstalledThenRegisteredIsCreatedThenBecomesAvailable() throws Exception {
        install();
        List<Notified> n = awaitNotified(6);
        long compat = bus.findWindow(CatalogEvents.COMPAT32_CATALOG_WINDOW);
        assertEquals(List.of(new Notified(EVENT_OBJECT_CREATE, catalog, OBJID_CLIENT, 1001),
                new Notified(EVENT_OBJECT_CREATE, compat, OBJID_CLIENT, 1001),
                new Notified(configChange, catalog, OBJID_CLIENT, CHILDID_SELF),
                new Notified(EVENT_OBJECT_STATECHANGE, catalog, OBJID_CLIENT, 1001),
                new Notified(EVENT_OBJECT_STATECHANGE, compat, OBJID_CLIENT, 1001),
                new Notified(configChange, catalog, OBJID_CLIENT, CHILDID_SELF)), n);
        AccessibleObject entry = bus.accessibleObjectFromEvent(catalog, OBJID_CLIENT, 1001);
        assertEquals("loop", entry.name());
        assertEquals(AccessibleConstants.STATE_SYSTEM_NORMAL, entry.state(), "available now");
        AccessibleObject list = bus.accessibleObjectFromEvent(catalog, OBJID_CLIENT, CHILDID_SELF);
        assertEquals(AccessibleConstants.ROLE_SYSTEM_LIST, list.role());
        assertEquals(1, list.children().size());
    }

    @Test
    void socketsAreAnnouncedInTheClientsThread() throws Exception {
        install();
        awaitNotified(6);
        bus.notified.clear();
        Winsock ws = t.core.contexts().open("app", CatalogView.NATIVE);
        ws.startup(Winsock.VERSION_2_2);
        SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(List.of(new Notified(EVENT_OBJECT_CREATE, sockets, OBJID_CLIENT, (int) s.value())), bus.notified,
                "announced before socket() returned");
        AccessibleObject obj = bus.accessibleObjectFromEvent(sockets, OBJID_CLIENT, (int) s.value());
        assertEquals("socket " + s.value(), obj.name());
        assertTrue(obj.description().contains("client context") && obj.description().contains("app"));
        ws.closeSocket(s);
        assertEquals(new Notified(EVENT_OBJECT_DESTROY, sockets, OBJID_CLIENT, (int) s.value()), bus.notified.get(1));
        assertEquals(null, bus.accessibleObjectFromEvent(sockets, OBJID_CLIENT, (int) s.value()), "gone after close");
    }

    @Test
    void providerConfigChangeIsAWaitableEvent() throws Exception {
        Winsock ws = t.core.contexts().open("watcher", CatalogView.NATIVE);
        ws.startup(Winsock.VERSION_2_2);
        EventHandle change = ws.providerConfigChange();
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, ws.waitForMultipleEvents(new EventHandle[] {change}, false, Duration.ZERO, false));
        install();
        assertEquals(Winsock.WSA_WAIT_EVENT_0, ws.waitForMultipleEvents(new EventHandle[] {change}, false, Duration.ofSeconds(5), false));
        ws.resetEvent(change);
        ws.closeEvent(change);
        t.core.admin().deinstallProvider(GUID);
    }
}
