package ws2.core.provider;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;

/**
 * What one provider bundle declares: for each provider GUID and catalog view, its entries in
 * (family, type, protocol) order.
 *
 * @param bundleId the bundle's ID
 * @param location the bundle's location: the provider path of its entries
 * @param entries entries by GUID, then by view (a view the GUID does not go into maps to an empty list)
 */
public record Declaration(long bundleId, String location, Map<UUID, Map<CatalogView, List<ProtocolInfo>>> entries) {
    /** Copies the maps. */
    public Declaration {
        entries = Map.copyOf(entries);
    }
}
