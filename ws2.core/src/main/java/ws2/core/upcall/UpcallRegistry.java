package ws2.core.upcall;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

import ws2.core.catalog.CatalogStore;
import ws2.core.socket.HandleTable;

/**
 * One upcall table per provider bundle, made on first use: the instance passed to the bundle's
 * {@code WSPStartup} calls is the one its bundle-scoped {@code Upcall} service returns.
 */
public final class UpcallRegistry {
    private final HandleTable table;
    private final CatalogStore catalog;
    private final Map<Long, UpcallService> byBundle = new ConcurrentHashMap<>();

    /**
     * Creates the registry.
     *
     * @param table the core's handle table
     * @param catalog the catalog
     */
    public UpcallRegistry(HandleTable table, CatalogStore catalog) {
        this.table = table;
        this.catalog = catalog;
    }

    /**
     * Returns the upcall table of a bundle.
     *
     * @param bundle the provider bundle
     * @return its upcall table
     */
    public UpcallService forBundle(Bundle bundle) {
        return byBundle.computeIfAbsent(bundle.getBundleId(),
                id -> new UpcallService(String.valueOf(bundle.getSymbolicName()), table, catalog));
    }

    /**
     * Forgets the upcall table of an uninstalled bundle.
     *
     * @param bundleId the bundle
     */
    public void forget(long bundleId) {
        byBundle.remove(bundleId);
    }
}
