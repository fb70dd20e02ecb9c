package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;
import static winevent.WinEvents.OBJID_CLIENT;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;
import static winevent.WinEvents.WINEVENT_SKIPOWNTHREAD;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;

import winevent.AccessibleConstants;
import winevent.AccessibleObject;
import winevent.AccessibleObjects;
import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEventHook;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.catalog.CatalogEvents;
import ws2.catalog.ProviderCatalog;

/** WinEvents in a real Felix: ws2.core's announcements, delivery modes, flags and clean-up (issue 3). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WinEventIT {
    @Inject
    BundleContext context;
    @Inject
    WinEventBus bus;
    @Inject
    AccessibleObjects objects;
    @Inject
    Winsock ws;
    @Inject
    CommandProcessor shell;
    @Inject
    ConfigurationAdmin config;
    @Inject
    ProviderCatalog catalogService;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.core(), Ws2TestSupport.bundleOf("org.apache.felix.configadmin"),
                Ws2TestSupport.bundleOf("org.apache.felix.eventadmin"));
    }

    /** One event as a hook saw it. */
    private record Seen(int event, long hwnd, int idObject, int idChild, long thread) {
    }

    private static List<Seen> await(List<Seen> seen, int count) {
        Ws2TestSupport.await(count + " events (have " + seen + ")", Duration.ofSeconds(20), () -> seen.size() >= count);
        return List.copyOf(seen);
    }

    @Test
    public void catalogEventsArriveInOrderThroughAnOutOfContextHook() throws Exception {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        WinEventHook hook = bus.setWinEventHook(EVENT_OBJECT_CREATE, EVENT_OBJECT_STATECHANGE, null,
                (h, e, w, o, c, t, time) -> seen.add(new Seen(e, w, o, c, t)), 0, 0, WINEVENT_OUTOFCONTEXT);
        long catalog = objects.findWindow(CatalogEvents.NATIVE_CATALOG_WINDOW);
        assertTrue("ws2.core created its catalog window", catalog != 0);
        Bundle tcpip = context.installBundle(Ws2TestSupport.jar("ws2.provider.tcpip").toUri().toString());
        try {
            tcpip.start();
            List<Seen> all = await(seen, 16);
            List<Seen> mine = all.stream().filter(s -> s.hwnd() == catalog).toList();
            assertEquals("four entries created, then four made available, in catalog order",
                    List.of(EVENT_OBJECT_CREATE, EVENT_OBJECT_CREATE, EVENT_OBJECT_CREATE, EVENT_OBJECT_CREATE,
                            EVENT_OBJECT_STATECHANGE, EVENT_OBJECT_STATECHANGE, EVENT_OBJECT_STATECHANGE,
                            EVENT_OBJECT_STATECHANGE),
                    mine.stream().map(Seen::event).toList());
            assertEquals(List.of(1001, 1002, 1003, 1004, 1001, 1002, 1003, 1004), mine.stream().map(Seen::idChild).toList());
            AccessibleObject entry = objects.accessibleObjectFromEvent(catalog, OBJID_CLIENT, 1001);
            assertEquals("ws2 Tcpip [TCP/IP]", entry.name());
            assertEquals(AccessibleConstants.STATE_SYSTEM_NORMAL, entry.state());
            seen.clear();
            tcpip.stop();
            List<Seen> stopped = await(seen, 8).stream().filter(s -> s.hwnd() == catalog).toList();
            assertEquals(4, stopped.stream().filter(s -> s.event() == EVENT_OBJECT_STATECHANGE).count());
            assertEquals(AccessibleConstants.STATE_SYSTEM_UNAVAILABLE,
                    objects.accessibleObjectFromEvent(catalog, OBJID_CLIENT, 1001).state());
        } finally {
            bus.unhookWinEvent(hook);
            uninstallAndReset(tcpip);
        }
    }

    /** Uninstalls the provider and resets the catalog, so the next test starts from an empty one. */
    private void uninstallAndReset(Bundle tcpip) throws Exception {
        tcpip.uninstall();
        catalogService.reset();
    }

    @Test
    public void inContextHooksRunOnTheNotifyingThreadWithAllSevenValues() {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        WinEventHook[] received = new WinEventHook[1];
        WinEventHook hook = bus.setWinEventHook(0x0180, 0x0180, context.getBundle(), (h, e, w, o, c, t, time) -> {
            received[0] = h;
            seen.add(new Seen(e, w, o, c, Thread.currentThread().getId()));
        }, 0, 0, WINEVENT_INCONTEXT);
        try {
            bus.notifyWinEvent(0x0180, 42, 7, 9);
            assertEquals("delivered before notify returned, on this thread",
                    List.of(new Seen(0x0180, 42, 7, 9, Thread.currentThread().getId())), seen);
            assertSame(hook, received[0]);
        } finally {
            bus.unhookWinEvent(hook);
        }
    }

    @Test
    public void skipFlagsLeaveOutOwnProcessAndOwnThread() throws Exception {
        List<Seen> process = new CopyOnWriteArrayList<>();
        List<Seen> thread = new CopyOnWriteArrayList<>();
        WinEventHook skipProcess = bus.setWinEventHook(0x0181, 0x0181, context.getBundle(),
                (h, e, w, o, c, t, time) -> process.add(new Seen(e, w, o, c, t)), 0, 0,
                WINEVENT_INCONTEXT | WINEVENT_SKIPOWNPROCESS);
        WinEventHook skipThread = bus.setWinEventHook(0x0181, 0x0181, context.getBundle(),
                (h, e, w, o, c, t, time) -> thread.add(new Seen(e, w, o, c, t)), 0, 0, WINEVENT_INCONTEXT | WINEVENT_SKIPOWNTHREAD);
        try {
            bus.notifyWinEvent(0x0181, 0, OBJID_CLIENT, 1);
            CompletableFuture.runAsync(() -> bus.notifyWinEvent(0x0181, 0, OBJID_CLIENT, 2)).get(10, TimeUnit.SECONDS);
            assertEquals("this bundle's own notifications are skipped, whatever the thread", List.of(), process);
            assertEquals("only the other thread's notification", List.of(2), thread.stream().map(Seen::idChild).toList());
        } finally {
            bus.unhookWinEvent(skipProcess);
            bus.unhookWinEvent(skipThread);
        }
    }

    @Test
    public void aHookMayUnhookItselfFromItsCallback() {
        List<Seen> seen = new CopyOnWriteArrayList<>();
        WinEventHook hook = bus.setWinEventHook(0x0182, 0x0182, null, (h, e, w, o, c, t, time) -> {
            seen.add(new Seen(e, w, o, c, t));
            bus.unhookWinEvent(h);
        }, 0, 0, WINEVENT_OUTOFCONTEXT);
        for (int i = 0; i < 3; i++) {
            bus.notifyWinEvent(0x0182, 0, OBJID_CLIENT, i);
        }
        await(seen, 1);
        WinEventException again = assertThrows(WinEventException.class, () -> bus.unhookWinEvent(hook));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, again.error());
        assertEquals("the events queued behind the unhook were dropped", 1, seen.size());
    }

    @Test
    public void socketsAreAnnouncedWhileSkippingOwnProcessStillSeesTheCore() throws Exception {
        Bundle tcpip = context.installBundle(Ws2TestSupport.jar("ws2.provider.tcpip").toUri().toString());
        tcpip.start();
        List<Seen> seen = new CopyOnWriteArrayList<>();
        long sockets = objects.findWindow(CatalogEvents.SOCKETS_WINDOW);
        WinEventHook hook = bus.setWinEventHook(EVENT_OBJECT_CREATE, EVENT_OBJECT_STATECHANGE, null,
                (h, e, w, o, c, t, time) -> {
                    if (w == sockets) {
                        seen.add(new Seen(e, w, o, c, t));
                    }
                }, 0, 0, WINEVENT_OUTOFCONTEXT | WINEVENT_SKIPOWNPROCESS);
        ws.startup(Winsock.VERSION_2_2);
        try {
            Ws2TestSupport.awaitTcpipAvailable(catalogService);
            SocketHandle server = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(server, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
            ws.listen(server, 1);
            SocketHandle client = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.connect(client, ws.getSockName(server));
            assertEquals(AccessibleConstants.STATE_SYSTEM_LINKED,
                    objects.accessibleObjectFromEvent(sockets, OBJID_CLIENT, (int) client.value()).state());
            ws.closeSocket(client);
            List<Seen> events = await(seen, 4);
            assertEquals("the core (another process) announced create, create, connected, destroyed",
                    List.of(new Seen(EVENT_OBJECT_CREATE, sockets, OBJID_CLIENT, (int) server.value(), events.get(0).thread()),
                            new Seen(EVENT_OBJECT_CREATE, sockets, OBJID_CLIENT, (int) client.value(), events.get(1).thread()),
                            new Seen(EVENT_OBJECT_STATECHANGE, sockets, OBJID_CLIENT, (int) client.value(), events.get(2).thread()),
                            new Seen(EVENT_OBJECT_DESTROY, sockets, OBJID_CLIENT, (int) client.value(), events.get(3).thread())),
                    events);
            assertEquals("announced in the client's thread", Thread.currentThread().getId(), events.get(0).thread());
        } finally {
            bus.unhookWinEvent(hook);
            ws.cleanup();
            uninstallAndReset(tcpip);
        }
    }

    @Test
    public void aStoppedBundleLosesItsHooksAndAtoms() throws Exception {
        Bundle b = context.installBundle("test:hooking", ManifestBundles.bundle("hooking", Map.of(
                Constants.BUNDLE_ACTIVATOR, HookingActivator.class.getName(),
                Constants.IMPORT_PACKAGE, "org.osgi.framework, winevent"), HookingActivator.class));
        b.start();
        assertTrue("the bundle's atom exists", bus.findAtom(HookingActivator.ATOM) != 0);
        String hooks = Shell.run(shell, "winevent:hooks");
        assertTrue(hooks, hooks.contains("hooking"));
        assertTrue(hookThreads() > 0);
        long before = hookThreads();
        b.stop();
        assertEquals("its atom is released", 0, bus.findAtom(HookingActivator.ATOM));
        assertFalse(Shell.run(shell, "winevent:hooks").contains("hooking"));
        Ws2TestSupport.await("its delivery thread to end", Duration.ofSeconds(10), () -> hookThreads() < before);
        b.uninstall();
    }

    private static long hookThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("winevent-hook-")).count();
    }

    @Test
    public void theEventAdminBridgeIsOffUntilConfigured() throws Exception {
        List<org.osgi.service.event.Event> received = new CopyOnWriteArrayList<>();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put(EventConstants.EVENT_TOPIC, "winevent/*");
        var reg = context.registerService(EventHandler.class, received::add, props);
        try {
            bus.notifyWinEvent(0x0183, 5, OBJID_CLIENT, 6);
            Thread.sleep(200);
            assertEquals("off by default", List.of(), received);
            Dictionary<String, Object> on = new Hashtable<>();
            on.put("eventMin", 0x0183);
            on.put("eventMax", 0x0183);
            config.getConfiguration("winevent.eventadmin", "?").update(on);
            Ws2TestSupport.await("the bridge", Duration.ofSeconds(10), () -> {
                bus.notifyWinEvent(0x0183, 5, OBJID_CLIENT, 6);
                return !received.isEmpty();
            });
            org.osgi.service.event.Event e = received.get(0);
            assertTrue(e.getTopic(), e.getTopic().startsWith("winevent/oem/"));
            assertEquals(0x0183, e.getProperty("event"));
            assertEquals(5L, e.getProperty("hwnd"));
        } finally {
            config.getConfiguration("winevent.eventadmin", "?").delete();
            reg.unregister();
        }
    }
}
