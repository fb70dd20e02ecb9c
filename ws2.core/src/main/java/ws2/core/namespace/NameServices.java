package ws2.core.namespace;

import java.util.Objects;
import java.util.function.Supplier;

import ws2.core.catalog.CatalogData;
import ws2.core.socket.HandleTable;

/**
 * What every client context's name resolution shares: the catalog (for the namespace catalog),
 * the namespace providers registered now, the bounded provider calls, the result cache and the
 * handle table lookups take their handles from.
 *
 * @param catalog the current catalog
 * @param registry the namespace providers
 * @param calls bounded provider calls
 * @param cache the result cache
 * @param handles the core's handle table
 */
public record NameServices(Supplier<CatalogData> catalog, NspRegistry registry, NspCalls calls, ResultCache cache,
        HandleTable handles) {
    /** Checks the parts. */
    public NameServices {
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(calls, "calls");
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(handles, "handles");
    }
}
