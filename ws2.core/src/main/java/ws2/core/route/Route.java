package ws2.core.route;

import java.util.Objects;

import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.StoredEntry;
import ws2.core.provider.ProviderService;

/**
 * One catalog entry as socket creation sees it: the entry, whether it can be used now, and the
 * provider that a socket on it starts with (the top layer of a chain, or the base provider).
 *
 * @param entry the catalog entry
 * @param top the provider service of the top of its chain, or null when unavailable
 * @param reason why it is unavailable, or an empty string
 * @param layerCategories LSP categories of each layer of a chain (empty for base entries)
 */
public record Route(StoredEntry entry, ProviderService top, String reason, int[] layerCategories) {
    /** Checks the parts and copies the categories. */
    public Route {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(reason, "reason");
        layerCategories = layerCategories.clone();
    }

    /**
     * Tells whether a socket can be created on this entry now.
     *
     * @return true when every provider it needs has its service registered
     */
    public boolean available() {
        return top != null;
    }

    /**
     * Returns the entry's protocol info.
     *
     * @return the info
     */
    public ProtocolInfo info() {
        return entry.info();
    }

    /**
     * Tells whether a client context with these permitted LSP categories may use this entry: the
     * Windows load rule applied to every layer of a chain.
     *
     * @param appCategories the context's permitted categories, or null when not categorized
     * @return true if every layer loads
     */
    public boolean permits(Integer appCategories) {
        for (int c : layerCategories) {
            if (!LspCategories.loads(appCategories, c)) {
                return false;
            }
        }
        return true;
    }
}
