package ws2.core.route;

import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import ws2.core.catalog.CatalogData;
import ws2.core.provider.ProviderService;

/**
 * The published route table: rebuilt under a lock whenever the catalog or the provider services
 * change, read without one. Each rebuild tells a listener the tables before and after, under the
 * lock, so listeners see changes in order; they must be quick and never call provider or hook code.
 */
public final class Routes implements Supplier<RouteTable> {
    private final Supplier<CatalogData> catalog;
    private final Supplier<Map<UUID, ProviderService>> providers;
    private final BiConsumer<RouteTable, RouteTable> changes;
    private volatile RouteTable table = RouteTable.EMPTY;

    /**
     * Creates the holder.
     *
     * @param catalog the current catalog
     * @param providers the current provider service per GUID
     * @param changes told of each rebuild: the table before and after
     */
    public Routes(Supplier<CatalogData> catalog, Supplier<Map<UUID, ProviderService>> providers,
            BiConsumer<RouteTable, RouteTable> changes) {
        this.catalog = catalog;
        this.providers = providers;
        this.changes = changes;
    }

    /** Rebuilds the table from the latest catalog and providers; safe to call from any change. */
    public synchronized void rebuild() {
        RouteTable before = table;
        table = RouteTable.build(catalog.get(), providers.get());
        changes.accept(before, table);
    }

    @Override
    public RouteTable get() {
        return table;
    }
}
