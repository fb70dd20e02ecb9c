package ws2.core.provider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider services registered now, by GUID: the join between catalog entries and the code
 * that serves them.
 *
 * <p>When several services claim one GUID (a bundle update in flight, or a stray registration) the
 * first one that is allowed to serve it is current; the others wait behind it. A service may serve a
 * GUID only if the GUID was declared by its own bundle, or, for a GUID no bundle declares (entries
 * installed through {@code WSCInstallProvider}), if its bundle declares no provider at all: a
 * provider bundle registers at most what it declares. Thread-safe; listeners are told of every change of the
 * current set, outside the lock.
 */
public final class ProviderRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    /** Told when the current provider of a GUID changes. */
    public interface Listener {
        /**
         * The current services changed.
         *
         * @param current the current service per GUID
         * @param gone the service that stopped being current, or null
         */
        void providersChanged(Map<UUID, ProviderService> current, ProviderService gone);
    }

    private final Map<UUID, List<ProviderService>> byId = new HashMap<>();
    private final List<Listener> listeners = new ArrayList<>();
    private final DeclaredBy declaredBy;
    private volatile Map<UUID, ProviderService> current = Map.of();

    /** Which bundle declares a GUID in its metadata. */
    @FunctionalInterface
    public interface DeclaredBy {
        /**
         * Tells whether bundles may serve a GUID.
         *
         * @param id the GUID
         * @return a test of bundle IDs allowed to serve it
         */
        LongPredicate allowed(UUID id);
    }

    /**
     * Creates the registry.
     *
     * @param declaredBy which bundles may serve each GUID
     */
    public ProviderRegistry(DeclaredBy declaredBy) {
        this.declaredBy = declaredBy;
    }

    /**
     * Adds a listener.
     *
     * @param l the listener
     */
    public synchronized void addListener(Listener l) {
        listeners.add(l);
    }

    /**
     * Returns the current service per GUID.
     *
     * @return an immutable snapshot
     */
    public Map<UUID, ProviderService> current() {
        return current;
    }

    /**
     * A provider service was registered.
     *
     * @param s the service
     */
    public void added(ProviderService s) {
        update(() -> byId.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s), null);
    }

    /**
     * A provider service was unregistered.
     *
     * @param s the service
     */
    public void removed(ProviderService s) {
        update(() -> {
            List<ProviderService> list = byId.get(s.id());
            if (list != null && list.remove(s) && list.isEmpty()) {
                byId.remove(s.id());
            }
        }, s);
    }

    /** Re-evaluates which service is current for each GUID, after declarations changed. */
    public void recompute() {
        update(() -> { }, null);
    }

    private void update(Runnable change, ProviderService removed) {
        Map<UUID, ProviderService> next;
        List<Listener> tell;
        ProviderService gone;
        synchronized (this) {
            Map<UUID, ProviderService> before = current;
            change.run();
            next = computeCurrent();
            current = next;
            gone = removed != null && before.get(removed.id()) == removed ? removed : replaced(before, next);
            tell = List.copyOf(listeners);
        }
        for (Listener l : tell) {
            l.providersChanged(next, gone);
        }
    }

    private static ProviderService replaced(Map<UUID, ProviderService> before, Map<UUID, ProviderService> next) {
        for (Map.Entry<UUID, ProviderService> e : before.entrySet()) {
            if (next.get(e.getKey()) != e.getValue()) {
                return e.getValue();
            }
        }
        return null;
    }

    private Map<UUID, ProviderService> computeCurrent() {
        Map<UUID, ProviderService> out = new LinkedHashMap<>();
        for (Map.Entry<UUID, List<ProviderService>> e : byId.entrySet()) {
            LongPredicate allowed = declaredBy.allowed(e.getKey());
            for (ProviderService s : e.getValue()) {
                if (allowed.test(s.bundle().getBundleId())) {
                    out.put(e.getKey(), s);
                    break;
                }
                LOG.warn("WSAEINVALIDPROVIDER: ignoring provider service {}: its bundle may not serve GUID {} (a declared"
                        + " GUID is served only by the bundle that declares it, and a provider bundle serves only the GUIDs"
                        + " it declares)",
                        s.describe(), e.getKey());
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
