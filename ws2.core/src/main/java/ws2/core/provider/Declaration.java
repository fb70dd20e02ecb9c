package ws2.core.provider;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.LayerSpec;

/**
 * What one provider bundle declares: for each provider GUID and catalog view, its entries in
 * (family, type, protocol) order.
 *
 * @param bundleId the bundle's ID
 * @param location the bundle's location: the provider path of its entries
 * @param entries entries by GUID, then by view (a view the GUID does not go into maps to an empty list)
 * @param layers the layered providers it declares
 * @param namespaces the namespace providers it declares, per view
 */
public record Declaration(long bundleId, String location, Map<UUID, Map<CatalogView, List<ProtocolInfo>>> entries,
        List<LayerSpec> layers, Map<CatalogView, List<NamespaceInfo>> namespaces) {
    /** Copies the collections. */
    public Declaration {
        entries = Map.copyOf(entries);
        layers = List.copyOf(layers);
        namespaces = Map.copyOf(namespaces);
    }

    /**
     * Returns every GUID the bundle declares: transports and layers.
     *
     * @return the GUIDs
     */
    public Set<UUID> providerIds() {
        Set<UUID> ids = new LinkedHashSet<>(entries.keySet());
        for (LayerSpec l : layers) {
            ids.add(l.id());
        }
        for (List<NamespaceInfo> list : namespaces.values()) {
            for (NamespaceInfo n : list) {
                ids.add(n.providerId());
            }
        }
        return ids;
    }
}
