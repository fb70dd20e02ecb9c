package ws2.core.provider;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongPredicate;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderNamespaces;
import ws2.catalog.ProviderStatus;
import ws2.core.catalog.CatalogEditor;
import ws2.core.catalog.CatalogStore;
import ws2.core.catalog.LayerSpec;

/**
 * The provider extender: reads the catalog metadata of bundles as they start and installs their
 * entries, like an installer calling {@code WSCInstallProvider64_32}.
 *
 * <p>Tracks bundles in {@code STARTING} or {@code ACTIVE} (synchronously, so it sees a bundle stop
 * before it is gone). A bundle's declaration is authoritative for its GUIDs: on every start the
 * catalog entries of those GUIDs are made equal to it, keeping the IDs and positions of entries that
 * stay. When the bundle stops its entries stay in the catalog, unavailable until it returns.
 * Malformed metadata rejects that bundle's entries with a logged, coded reason; nothing else
 * changes.
 */
public final class ProviderExtender implements BundleTrackerCustomizer<Declaration> {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderExtender.class);

    private final CatalogStore catalog;
    private final Runnable declarationsChanged;
    private final Map<Long, ProviderStatus> statuses = new ConcurrentHashMap<>();
    private final Map<Long, Declaration> declarations = new ConcurrentHashMap<>();
    private BundleTracker<Declaration> tracker;
    private BundleContext context;

    /**
     * Creates the extender.
     *
     * @param catalog the catalog to install into
     * @param declarationsChanged called after the set of declared GUIDs changed
     */
    public ProviderExtender(CatalogStore catalog, Runnable declarationsChanged) {
        this.catalog = catalog;
        this.declarationsChanged = declarationsChanged;
    }

    /**
     * Starts tracking bundles.
     *
     * @param context the core's bundle context
     */
    public void open(BundleContext context) {
        this.context = context;
        tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, this);
        tracker.open();
    }

    /** Stops tracking bundles. */
    public void close() {
        if (tracker != null) {
            tracker.close();
        }
    }

    @Override
    public Declaration addingBundle(Bundle bundle, BundleEvent event) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<Map<String, Object>> transports = clauses(revision, ProviderNamespaces.TRANSPORT_NAMESPACE);
        List<Map<String, Object>> layers = clauses(revision, ProviderNamespaces.LAYERED_NAMESPACE);
        List<Map<String, Object>> namespaces = clauses(revision, ProviderNamespaces.NAMESPACE_NAMESPACE);
        if (transports.isEmpty() && layers.isEmpty() && namespaces.isEmpty()) {
            return null;
        }
        try {
            Declaration t = TransportMetadata.read(bundle.getBundleId(), bundle.getLocation(), transports);
            Declaration d = new Declaration(t.bundleId(), t.location(), t.entries(),
                    LayerMetadata.read(bundle.getLocation(), layers),
                    NamespaceMetadata.read(bundle.getLocation(), namespaces));
            requireGuidsFree(bundle, d);
            install(d);
            declarations.put(bundle.getBundleId(), d);
            statuses.put(bundle.getBundleId(), status(bundle, List.copyOf(d.providerIds()),
                    ProviderStatus.State.WAITING_FOR_SERVICE, null, ""));
            LOG.info("Installed catalog entries of provider bundle {} {} for {}", bundle.getSymbolicName(),
                    bundle.getVersion(), d.providerIds());
            declarationsChanged.run();
            return d;
        } catch (WsaException e) {
            statuses.put(bundle.getBundleId(), status(bundle, List.of(), ProviderStatus.State.REJECTED, e.error(),
                    e.getMessage()));
            LOG.error("Rejected the catalog metadata of bundle {} {} ({}): {}", bundle.getSymbolicName(),
                    bundle.getVersion(), bundle.getLocation(), e.getMessage());
            return null;
        }
    }

    private static List<Map<String, Object>> clauses(BundleRevision revision, String namespace) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (revision != null) {
            for (BundleCapability c : revision.getDeclaredCapabilities(namespace)) {
                out.add(c.getAttributes());
            }
        }
        return out;
    }

    private void requireGuidsFree(Bundle bundle, Declaration d) throws MetadataException {
        for (Declaration other : declarations.values()) {
            if (other.bundleId() == bundle.getBundleId()) {
                continue;
            }
            for (UUID id : d.providerIds()) {
                if (other.providerIds().contains(id)) {
                    throw new MetadataException("provider GUID " + id + " is already declared by bundle "
                            + other.bundleId() + " (" + other.location() + ")");
                }
            }
        }
    }

    private void install(Declaration d) throws WsaException {
        catalog.change(editor -> {
            sync(editor, d);
            return null;
        });
    }

    private static void sync(CatalogEditor editor, Declaration d) throws WsaException {
        for (Map.Entry<UUID, Map<CatalogView, List<ProtocolInfo>>> e : d.entries().entrySet()) {
            for (CatalogView v : CatalogView.values()) {
                editor.syncDeclared(v, e.getKey(), d.location(), e.getValue().get(v));
            }
        }
        for (LayerSpec l : d.layers()) {
            editor.putLayer(l);
        }
        for (Map.Entry<CatalogView, List<NamespaceInfo>> e : d.namespaces().entrySet()) {
            for (NamespaceInfo n : e.getValue()) {
                editor.syncDeclaredNameSpace(e.getKey(), n);
            }
        }
    }

    @Override
    public void modifiedBundle(Bundle bundle, BundleEvent event, Declaration d) {
        // STARTING to ACTIVE: nothing changes in the declaration.
    }

    @Override
    public void removedBundle(Bundle bundle, BundleEvent event, Declaration d) {
        declarations.remove(bundle.getBundleId());
        statuses.remove(bundle.getBundleId());
        LOG.info("Provider bundle {} {} stopped; its catalog entries stay, unavailable", bundle.getSymbolicName(),
                bundle.getVersion());
        declarationsChanged.run();
    }

    /**
     * Which bundles may serve a GUID: a declared GUID only the bundle that declares it; a GUID no
     * bundle declares (installed through {@code WSCInstallProvider}) any bundle that declares no
     * provider of its own. A provider bundle may register at most what it declares.
     *
     * @param id the GUID
     * @return a test of bundle IDs
     */
    public LongPredicate allowedServers(UUID id) {
        for (Declaration d : declarations.values()) {
            if (d.providerIds().contains(id)) {
                long owner = d.bundleId();
                return b -> b == owner;
            }
        }
        return b -> !declarations.containsKey(b);
    }

    /**
     * Rebuilds the catalog from the declarations of the present bundles, in bundle ID order: the
     * default catalog of {@code netsh winsock reset}.
     *
     * @param editor the working copy to rebuild
     * @throws WsaException if a declaration no longer fits (never expected: each was accepted before)
     */
    public void restoreDefaults(CatalogEditor editor) throws WsaException {
        editor.clear();
        List<Declaration> ordered = new ArrayList<>(declarations.values());
        ordered.sort(Comparator.comparingLong(Declaration::bundleId));
        for (Declaration d : ordered) {
            sync(editor, d);
        }
    }

    /**
     * Reports every provider bundle, with availability taken from the live services. A rejected
     * bundle stays listed until it is uninstalled (a restart reads it again).
     *
     * @param live the GUIDs that have a current service
     * @return statuses in bundle ID order
     */
    public List<ProviderStatus> statuses(Set<UUID> live) {
        statuses.keySet().removeIf(id -> context != null && context.getBundle(id) == null);
        List<ProviderStatus> out = new ArrayList<>();
        for (ProviderStatus s : statuses.values()) {
            if (s.state() == ProviderStatus.State.REJECTED) {
                out.add(s);
                continue;
            }
            List<UUID> missing = s.providerIds().stream().filter(id -> !live.contains(id)).toList();
            out.add(missing.isEmpty()
                    ? new ProviderStatus(s.bundleId(), s.symbolicName(), s.version(), s.location(), s.providerIds(),
                            ProviderStatus.State.AVAILABLE, null, "")
                    : new ProviderStatus(s.bundleId(), s.symbolicName(), s.version(), s.location(), s.providerIds(),
                            ProviderStatus.State.WAITING_FOR_SERVICE, null, "no provider service registered for " + missing));
        }
        out.sort(Comparator.comparingLong(ProviderStatus::bundleId));
        return out;
    }

    private static ProviderStatus status(Bundle b, List<UUID> ids, ProviderStatus.State state,
            WsaError error, String reason) {
        return new ProviderStatus(b.getBundleId(), String.valueOf(b.getSymbolicName()), b.getVersion().toString(),
                b.getLocation(), ids, state, error, reason);
    }
}
