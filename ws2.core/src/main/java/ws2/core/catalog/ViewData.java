package ws2.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ws2.catalog.NamespaceInfo;

/**
 * One catalog view, immutable: its ordered entries and the LSP categories set on its providers.
 *
 * @param entries the entries in catalog order
 * @param lspCategories {@code WSCSetProviderInfo} categories by provider GUID
 * @param namespaces the namespace catalog, in namespace order (a file from before issue 6 has none)
 */
public record ViewData(List<StoredEntry> entries, Map<UUID, Integer> lspCategories, List<NamespaceInfo> namespaces) {
    /** An empty view. */
    public static final ViewData EMPTY = new ViewData(List.of(), Map.of(), List.of());

    /** Copies the collections. */
    public ViewData {
        entries = List.copyOf(entries);
        lspCategories = Map.copyOf(lspCategories);
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /**
     * Finds an entry by catalog entry ID.
     *
     * @param id the ID
     * @return the entry, if present
     */
    public Optional<StoredEntry> byId(int id) {
        for (StoredEntry e : entries) {
            if (e.id() == id) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether a provider has entries in this view.
     *
     * @param providerId the GUID
     * @return true if at least one entry has it
     */
    public boolean hasProvider(UUID providerId) {
        return hasProvider(entries, providerId);
    }

    static boolean hasProvider(List<StoredEntry> entries, UUID providerId) {
        for (StoredEntry e : entries) {
            if (e.info().providerId().equals(providerId)) {
                return true;
            }
        }
        return false;
    }
}
