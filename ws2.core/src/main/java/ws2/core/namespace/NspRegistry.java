package ws2.core.namespace;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.provider.ProviderRegistry.DeclaredBy;

/**
 * The namespace providers that can serve now, by GUID: DS services (the first one its GUID's
 * declaring bundle allows wins, as for transports) and advertised NSPv2 providers. Listeners hear
 * of every provider that stops being current, outside the lock.
 */
public final class NspRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(NspRegistry.class);

    private final DeclaredBy declaredBy;
    private final Map<UUID, List<NspService>> registered = new HashMap<>();
    private final Map<UUID, NspService> advertised = new HashMap<>();
    private final List<Consumer<NspService>> listeners = new CopyOnWriteArrayList<>();
    private volatile Map<UUID, NspService> current = Map.of();

    /**
     * Creates the registry.
     *
     * @param declaredBy which bundles may serve each GUID
     */
    public NspRegistry(DeclaredBy declaredBy) {
        this.declaredBy = declaredBy;
    }

    /**
     * Adds a listener told of each provider that stops being current.
     *
     * @param gone the listener
     */
    public void onGone(Consumer<NspService> gone) {
        listeners.add(gone);
    }

    /**
     * Returns the current provider of each GUID.
     *
     * @return an immutable snapshot
     */
    public Map<UUID, NspService> current() {
        return current;
    }

    /**
     * A provider service was registered.
     *
     * @param s the service
     */
    public void added(NspService s) {
        update(() -> registered.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s));
    }

    /**
     * A provider service was unregistered.
     *
     * @param s the service
     */
    public void removed(NspService s) {
        update(() -> {
            List<NspService> list = registered.get(s.id());
            if (list != null && list.remove(s) && list.isEmpty()) {
                registered.remove(s.id());
            }
        });
    }

    /**
     * {@code WSAAdvertiseProvider}.
     *
     * @param s the provider, with its owner
     * @throws WsaException {@code WSAEINVAL} if the GUID is advertised or served already
     */
    public void advertise(NspService s) throws WsaException {
        synchronized (this) {
            if (advertised.containsKey(s.id()) || current.containsKey(s.id())) {
                throw new WsaException(WsaError.WSAEINVAL, "namespace provider " + s.id()
                        + " is already being served; unadvertise it first");
            }
        }
        update(() -> advertised.put(s.id(), s));
    }

    /**
     * {@code WSAUnadvertiseProvider}.
     *
     * @param id the GUID
     * @param owner who advertised it
     * @throws WsaException {@code WSAEINVAL} if this owner did not advertise it
     */
    public void unadvertise(UUID id, Object owner) throws WsaException {
        synchronized (this) {
            NspService s = advertised.get(id);
            if (s == null || s.owner() != owner) {
                throw new WsaException(WsaError.WSAEINVAL, "namespace provider " + id + " was not advertised by this caller");
            }
        }
        update(() -> advertised.remove(id));
    }

    /**
     * Withdraws everything an owner advertised (its bundle stopped).
     *
     * @param owner the owner
     */
    public void unadvertiseAll(Object owner) {
        update(() -> advertised.values().removeIf(s -> s.owner() == owner));
    }

    /** Re-evaluates which service is current for each GUID, after declarations changed. */
    public void recompute() {
        update(() -> { });
    }

    private void update(Runnable change) {
        List<NspService> gone = new ArrayList<>();
        synchronized (this) {
            Map<UUID, NspService> before = current;
            change.run();
            Map<UUID, NspService> next = new LinkedHashMap<>(advertised);
            for (Map.Entry<UUID, List<NspService>> e : registered.entrySet()) {
                for (NspService s : e.getValue()) {
                    if (declaredBy.allowed(e.getKey()).test(s.bundleId())) {
                        next.putIfAbsent(e.getKey(), s);
                        break;
                    }
                    LOG.warn("WSAEINVALIDPROVIDER: ignoring namespace provider service {}: its bundle may not serve GUID {}"
                            + " (a declared GUID is served only by the bundle that declares it, and a provider bundle serves"
                            + " only the GUIDs it declares)", s.describe(), e.getKey());
                }
            }
            current = Collections.unmodifiableMap(next);
            for (NspService s : before.values()) {
                if (next.get(s.id()) != s) {
                    gone.add(s);
                }
            }
        }
        for (NspService s : gone) {
            for (Consumer<NspService> l : listeners) {
                l.accept(s);
            }
        }
    }
}
