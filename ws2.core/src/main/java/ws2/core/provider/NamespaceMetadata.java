package ws2.core.provider;

import static ws2.catalog.ProviderNamespaces.ATTR_IDENTIFIER;
import static ws2.catalog.ProviderNamespaces.ATTR_NAME_SPACE;
import static ws2.catalog.ProviderNamespaces.ATTR_NSP_VERSION;
import static ws2.catalog.ProviderNamespaces.NAMESPACE_NAMESPACE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProtocolInfo;

/**
 * Reads the {@code ws2.namespace} capabilities of a provider bundle into namespace catalog
 * entries, refusing the whole bundle at the first malformed clause.
 */
public final class NamespaceMetadata {
    private NamespaceMetadata() {
    }

    /**
     * Reads a bundle's clauses.
     *
     * @param location the bundle's location, the entries' path
     * @param clauses the attributes of each {@code ws2.namespace} capability
     * @return the entries per view
     * @throws MetadataException naming the clause and the bad value
     */
    public static Map<CatalogView, List<NamespaceInfo>> read(String location, List<Map<String, Object>> clauses)
            throws MetadataException {
        Map<CatalogView, List<NamespaceInfo>> out = new EnumMap<>(CatalogView.class);
        for (CatalogView v : CatalogView.values()) {
            out.put(v, new ArrayList<>());
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < clauses.size(); i++) {
            MetadataClause c = new MetadataClause(NAMESPACE_NAMESPACE, i + 1, clauses.get(i));
            UUID id = c.guid();
            if (!seen.add(id)) {
                throw new MetadataException(c.where() + " declares namespace provider " + id + " a second time");
            }
            String identifier = c.string(ATTR_IDENTIFIER);
            if (identifier.isEmpty() || identifier.length() > ProtocolInfo.WSAPROTOCOL_LEN) {
                throw new MetadataException(c.where() + ": " + ATTR_IDENTIFIER + " must have 1.."
                        + ProtocolInfo.WSAPROTOCOL_LEN + " characters: '" + identifier + "'");
            }
            NamespaceInfo info = new NamespaceInfo(id, (int) c.number(ATTR_NAME_SPACE, 1, Integer.MAX_VALUE), true,
                    (int) c.number(ATTR_NSP_VERSION, 1, 2), identifier, null, location);
            for (CatalogView v : c.views()) {
                out.get(v).add(info);
            }
        }
        return out;
    }
}
