package ws2.core.route;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import ws2.core.catalog.CatalogData;
import ws2.core.provider.ProviderService;

/**
 * The published route table: rebuilt under a lock whenever the catalog or the provider services
 * change, read without one.
 */
public final class Routes implements Supplier<RouteTable> {
    private final Supplier<CatalogData> catalog;
    private final Supplier<Map<UUID, ProviderService>> providers;
    private volatile RouteTable table = RouteTable.EMPTY;

    /**
     * Creates the holder.
     *
     * @param catalog the current catalog
     * @param providers the current provider service per GUID
     */
    public Routes(Supplier<CatalogData> catalog, Supplier<Map<UUID, ProviderService>> providers) {
        this.catalog = catalog;
        this.providers = providers;
    }

    /** Rebuilds the table from the latest catalog and providers; safe to call from any change. */
    public synchronized void rebuild() {
        table = RouteTable.build(catalog.get(), providers.get());
    }

    @Override
    public RouteTable get() {
        return table;
    }
}
