package winevent.bus.impl;

import java.util.Set;

import winevent.AccessibleObjects;
import winevent.WinEventBus;

/** A started {@link Desktop} for one test, closed after it; contexts are opened by ID and name. */
final class Fixture implements AutoCloseable {
    /** The symbolic name that counts as the system in fixtures. */
    static final String SYSTEM = "ws2.core";

    final Desktop desktop;

    Fixture() {
        this(5000, Settings.DEFAULT_CAPACITY);
    }

    Fixture(long stallTimeoutMillis, int queueCapacity) {
        desktop = new Desktop(new Settings(stallTimeoutMillis, queueCapacity, Set.of(SYSTEM)));
        desktop.start();
    }

    WinEventBus bus(long id, String name) {
        return desktop.busFor(desktop.open(id, name));
    }

    AccessibleObjects objects(long id, String name) {
        return desktop.objectsFor(desktop.open(id, name));
    }

    Bus engine() {
        return desktop.bus();
    }

    Hook listed(long value) {
        return engine().hooks().stream().filter(h -> h.value() == value).findFirst().orElse(null);
    }

    @Override
    public void close() {
        desktop.close();
    }
}
