package ws2.core.event;

import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;
import static winevent.WinEvents.OBJID_CLIENT;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.AccessibleObjects;
import winevent.WinEventBus;
import winevent.WinEventException;
import ws2.catalog.CatalogEvents;
import ws2.catalog.CatalogView;
import ws2.core.context.ClientContext;
import ws2.core.context.SocketEvents;
import ws2.core.route.RouteTable;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.HandleTable;

/**
 * Announces ws2.core's changes on the WinEvent bus, after they happened (see {@link CatalogEvents}
 * for the mapping).
 *
 * <p>Catalog changes are computed under the routes lock, queued, and notified by the announcer's
 * own thread, in order, so no hook ever runs under a core lock. Socket changes are notified
 * directly, in the client's thread (in-context hooks run there, as on Windows). Without a bus
 * nothing is queued and a socket change costs one volatile read.
 */
public final class Announcer implements SocketEvents {
    private static final Logger LOG = LoggerFactory.getLogger(Announcer.class);

    /** The bus and the windows and atom the core made on it. */
    private record Link(WinEventBus bus, AccessibleObjects objects, long nativeCatalog, long compat32Catalog,
            long sockets, int configChange) {
        long hwnd(Notice.Window w) {
            return w == Notice.Window.NATIVE_CATALOG ? nativeCatalog : compat32Catalog;
        }
    }

    private final Supplier<RouteTable> routes;
    private final Supplier<List<ClientContext>> contexts;
    private final HandleTable handles;
    private final LinkedBlockingQueue<Notice> queue = new LinkedBlockingQueue<>();
    private volatile Link link;
    private Thread thread;

    /**
     * Creates the announcer.
     *
     * @param routes the published route table, for the catalog windows
     * @param contexts the live client contexts, for the sockets window
     * @param handles the handle table, for the sockets window
     */
    public Announcer(Supplier<RouteTable> routes, Supplier<List<ClientContext>> contexts, HandleTable handles) {
        this.routes = routes;
        this.contexts = contexts;
        this.handles = handles;
    }

    /** Starts the thread that notifies catalog changes. */
    public synchronized void start() {
        thread = new Thread(this::run, "ws2-announcer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops announcing and detaches from the bus. */
    public synchronized void stop() {
        detach();
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
    }

    /**
     * Connects to a bus: creates the catalog and sockets windows and allocates the
     * provider-configuration-change atom.
     *
     * @param bus the bus, as seen by ws2.core (the system)
     * @param objects the accessible-object lookup
     */
    public synchronized void attach(WinEventBus bus, AccessibleObjects objects) {
        detach();
        long[] hwnds = new long[3];
        long nativeCatalog = objects.createWindow(CatalogEvents.NATIVE_CATALOG_WINDOW,
                new CatalogWindow(CatalogEvents.NATIVE_CATALOG_WINDOW, CatalogView.NATIVE, routes, () -> hwnds[0]));
        long compat32Catalog = objects.createWindow(CatalogEvents.COMPAT32_CATALOG_WINDOW,
                new CatalogWindow(CatalogEvents.COMPAT32_CATALOG_WINDOW, CatalogView.COMPAT32, routes, () -> hwnds[1]));
        long sockets = objects.createWindow(CatalogEvents.SOCKETS_WINDOW, new SocketsWindow(contexts, handles, () -> hwnds[2]));
        hwnds[0] = nativeCatalog;
        hwnds[1] = compat32Catalog;
        hwnds[2] = sockets;
        int configChange = bus.addAtom(CatalogEvents.PROVIDER_CONFIG_CHANGE);
        link = new Link(bus, objects, nativeCatalog, compat32Catalog, sockets, configChange);
        LOG.info("ws2.core announces on the WinEvent bus: catalog windows {} and {}, sockets window {}, config change event 0x{}",
                nativeCatalog, compat32Catalog, sockets, Integer.toHexString(configChange));
    }

    /** Disconnects from the bus, releasing the windows and the atom if the bus is still there. */
    public synchronized void detach() {
        Link l = link;
        link = null;
        queue.clear();
        if (l == null) {
            return;
        }
        try {
            l.objects.destroyWindow(l.nativeCatalog);
            l.objects.destroyWindow(l.compat32Catalog);
            l.objects.destroyWindow(l.sockets);
            l.bus.deleteAtom(l.configChange);
        } catch (WinEventException | IllegalStateException e) {
            LOG.debug("The WinEvent bus was already gone: {}", e.toString());
        }
    }

    /**
     * The route table changed: queues the catalog events. Called under the routes lock; only queues.
     *
     * @param before the previous table
     * @param after the new table
     */
    public void routesChanged(RouteTable before, RouteTable after) {
        if (link == null) {
            return;
        }
        List<Notice> notices = CatalogDiff.between(before, after);
        queue.addAll(notices);
    }

    private void run() {
        try {
            while (true) {
                Notice n = queue.take();
                Link l = link;
                if (l != null) {
                    notify(l, n.event() == 0 ? l.configChange : n.event(), l.hwnd(n.window()), n.idChild());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void notify(Link l, int event, long hwnd, int idChild) {
        try {
            l.bus.notifyWinEvent(event, hwnd, OBJID_CLIENT, idChild);
        } catch (WinEventException | IllegalStateException e) {
            LOG.warn("A ws2.core WinEvent could not be notified: {}", e.toString());
        }
    }

    @Override
    public void created(CoreSocket s) {
        socketEvent(EVENT_OBJECT_CREATE, s);
    }

    @Override
    public void destroyed(CoreSocket s) {
        socketEvent(EVENT_OBJECT_DESTROY, s);
    }

    @Override
    public void connectionChanged(CoreSocket s) {
        socketEvent(EVENT_OBJECT_STATECHANGE, s);
    }

    private void socketEvent(int event, CoreSocket s) {
        Link l = link;
        if (l != null) {
            notify(l, event, l.sockets, (int) s.value());
        }
    }

    /**
     * Tells whether the announcer is connected to a bus.
     *
     * @return true while attached
     */
    public boolean attached() {
        return link != null;
    }
}
