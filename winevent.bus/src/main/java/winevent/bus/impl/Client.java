package winevent.bus.impl;

/**
 * A client context, the "process" of Windows: one bundle (or, in tests, any ID and name). Its ID
 * is what hooks filter on as {@code processId}; whether it counts as the system decides who may
 * notify system-reserved IDs.
 *
 * <p>Thread-safe. Compared by identity: one object per open context.
 */
final class Client {
    private final long id;
    private final String name;
    private volatile boolean system;

    /**
     * Creates a context.
     *
     * @param id the bundle ID, the context's {@code processId}
     * @param name the bundle's symbolic name, for listings and logs
     * @param system whether it may notify system-reserved IDs
     */
    Client(long id, String name, boolean system) {
        this.id = id;
        this.name = name;
        this.system = system;
    }

    long id() {
        return id;
    }

    String name() {
        return name;
    }

    boolean system() {
        return system;
    }

    /**
     * Changes whether the context is the system (the configured set of system bundles changed).
     *
     * @param system the new status
     */
    void system(boolean system) {
        this.system = system;
    }

    @Override
    public String toString() {
        return name + " [" + id + "]";
    }
}
