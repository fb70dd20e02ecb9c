package winevent.bus.impl;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import winevent.AccessibleObjects;
import winevent.WinEventBus;

/**
 * Everything the bus holds, without OSGi: the {@link Bus}, the {@link WindowTable}, the
 * {@link Watchdog} and the open client contexts (hooks on Windows are desktop-wide, hence the
 * name). The OSGi runtime maps bundles to contexts; tests use it directly.
 *
 * <p>Thread-safe. Contexts are opened and reconfigured under the desktop's monitor, so a
 * configuration change cannot miss a context being opened. Hooks are closed outside it: closing
 * may wait for a running callback, which may itself open a context.
 */
final class Desktop {
    private final Bus bus;
    private final WindowTable windows = new WindowTable();
    private final Watchdog watchdog;
    private final Map<Long, Client> clients = new ConcurrentHashMap<>();

    /**
     * Creates an empty desktop; nothing runs before {@link #start()}.
     *
     * @param settings the configuration
     */
    Desktop(Settings settings) {
        bus = new Bus(settings);
        watchdog = new Watchdog(bus);
    }

    /** Starts the watchdog. */
    void start() {
        watchdog.start();
    }

    /**
     * Opens the context of a bundle, or returns the one already open.
     *
     * @param id the bundle ID
     * @param name the bundle's symbolic name
     * @return the context
     */
    synchronized Client open(long id, String name) {
        return clients.computeIfAbsent(id, k -> new Client(id, name, bus.settings().isSystem(id, name)));
    }

    /**
     * The {@link WinEventBus} of a context.
     *
     * @param c the context
     * @return a new facade
     */
    WinEventBus busFor(Client c) {
        return new BusClient(bus, c);
    }

    /**
     * The {@link AccessibleObjects} of a context.
     *
     * @param c the context
     * @return a new facade
     */
    AccessibleObjects objectsFor(Client c) {
        return new WindowClient(windows, c);
    }

    /**
     * The context released its {@link WinEventBus}: its hooks and atom references go. Idempotent.
     *
     * @param id the bundle ID
     */
    void releaseBus(long id) {
        bus.release(id, false);
    }

    /**
     * The context released its {@link AccessibleObjects}: its windows go. Idempotent.
     *
     * @param id the bundle ID
     */
    void releaseObjects(long id) {
        windows.destroyAll(id);
    }

    /**
     * A bundle stops: its hooks, the hooks whose module it is, its atom references and its windows
     * go, and its context is forgotten. Idempotent; also for bundles that never used the bus.
     *
     * @param id the bundle ID
     */
    void end(long id) {
        bus.release(id, true);
        windows.destroyAll(id);
        synchronized (this) {
            clients.remove(id);
        }
    }

    /**
     * Applies a new configuration, including to the open contexts' system status.
     *
     * @param settings the configuration
     */
    synchronized void configure(Settings settings) {
        bus.configure(settings);
        for (Client c : clients.values()) {
            c.system(settings.isSystem(c.id(), c.name()));
        }
    }

    /** Stops everything: the watchdog, every hook and its thread, every window. */
    void close() {
        watchdog.stop();
        bus.close();
        windows.close();
        synchronized (this) {
            clients.clear();
        }
    }

    Bus bus() {
        return bus;
    }

    WindowTable windows() {
        return windows;
    }

    /**
     * Names a context for listings.
     *
     * @param id a context ID
     * @return its name and ID, or the ID alone if it is not open
     */
    String contextName(long id) {
        Client c = clients.get(id);
        return c != null ? c.toString() : "[" + id + "]";
    }
}
