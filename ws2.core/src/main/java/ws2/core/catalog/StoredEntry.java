package ws2.core.catalog;

import java.util.Objects;

import ws2.catalog.ProtocolInfo;

/**
 * One entry as the catalog stores it: the protocol info and the provider path it was installed with.
 *
 * @param info the entry, with its catalog entry ID
 * @param path the provider path ({@code WSCGetProviderPath})
 */
public record StoredEntry(ProtocolInfo info, String path) {
    /** Checks both parts. */
    public StoredEntry {
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(path, "path");
    }

    /**
     * Returns the catalog entry ID.
     *
     * @return {@code dwCatalogEntryId}
     */
    public int id() {
        return info.catalogEntryId();
    }
}
