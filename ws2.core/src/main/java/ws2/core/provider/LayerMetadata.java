package ws2.core.provider;

import static ws2.catalog.ProviderNamespaces.ATTR_ABOVE;
import static ws2.catalog.ProviderNamespaces.ATTR_BELOW;
import static ws2.catalog.ProviderNamespaces.ATTR_CATEGORIES;
import static ws2.catalog.ProviderNamespaces.ATTR_FAILURE;
import static ws2.catalog.ProviderNamespaces.ATTR_OVER;
import static ws2.catalog.ProviderNamespaces.ATTR_PROTOCOL_NAME;
import static ws2.catalog.ProviderNamespaces.ATTR_RANK;
import static ws2.catalog.ProviderNamespaces.FAIL_CLOSED;
import static ws2.catalog.ProviderNamespaces.FAIL_OPEN;
import static ws2.catalog.ProviderNamespaces.LAYERED_NAMESPACE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.LayerSpec;

/**
 * Reads the {@code ws2.layered} capabilities of a provider bundle into layer specs, refusing the
 * whole bundle at the first malformed clause (a filter that does not parse, a name too long, a
 * failure mode that is neither {@code closed} nor {@code open}, a layer declared twice).
 */
public final class LayerMetadata {
    private LayerMetadata() {
    }

    /**
     * Reads a bundle's clauses.
     *
     * @param location the bundle's location
     * @param clauses the attributes of each {@code ws2.layered} capability
     * @return the layers
     * @throws MetadataException naming the clause and the bad value
     */
    public static List<LayerSpec> read(String location, List<Map<String, Object>> clauses) throws MetadataException {
        List<LayerSpec> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < clauses.size(); i++) {
            MetadataClause c = new MetadataClause(LAYERED_NAMESPACE, i + 1, clauses.get(i));
            UUID id = c.guid();
            if (!seen.add(id)) {
                throw new MetadataException(c.where() + " declares layer " + id + " a second time");
            }
            String name = c.string(ATTR_PROTOCOL_NAME);
            if (name.isEmpty() || name.length() > ProtocolInfo.WSAPROTOCOL_LEN) {
                throw new MetadataException(c.where() + ": " + ATTR_PROTOCOL_NAME + " must have 1.."
                        + ProtocolInfo.WSAPROTOCOL_LEN + " characters: '" + name + "'");
            }
            String over = c.string(ATTR_OVER).trim();
            if (!over.isEmpty()) {
                try {
                    FrameworkUtil.createFilter(over);
                } catch (InvalidSyntaxException e) {
                    throw new MetadataException(c.where() + ": attribute " + ATTR_OVER + " is not an LDAP filter: '" + over
                            + "' (" + e.getMessage() + ")");
                }
            }
            String failure = c.string(ATTR_FAILURE);
            if (!FAIL_CLOSED.equals(failure) && !FAIL_OPEN.equals(failure)) {
                throw new MetadataException(c.where() + ": attribute " + ATTR_FAILURE + " must be '" + FAIL_CLOSED
                        + "' or '" + FAIL_OPEN + "', got '" + failure + "'");
            }
            out.add(new LayerSpec(id, name, (int) c.number(ATTR_CATEGORIES, 0, 0xFFFFFFFFL), over,
                    (int) c.number(ATTR_RANK, Integer.MIN_VALUE, Integer.MAX_VALUE), FAIL_CLOSED.equals(failure),
                    guids(c, ATTR_ABOVE), guids(c, ATTR_BELOW), c.views(), location));
        }
        return out;
    }

    private static List<UUID> guids(MetadataClause c, String attribute) throws MetadataException {
        List<UUID> out = new ArrayList<>();
        for (String s : c.strings(attribute)) {
            out.add(c.guid(s, "an entry of " + attribute));
        }
        return out;
    }
}
