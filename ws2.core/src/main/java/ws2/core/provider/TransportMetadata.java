package ws2.core.provider;

import static ws2.catalog.ProviderNamespaces.ATTR_BYTE_ORDER;
import static ws2.catalog.ProviderNamespaces.ATTR_FAMILY;
import static ws2.catalog.ProviderNamespaces.ATTR_MAX_SOCKADDR;
import static ws2.catalog.ProviderNamespaces.ATTR_MESSAGE_SIZE;
import static ws2.catalog.ProviderNamespaces.ATTR_MIN_SOCKADDR;
import static ws2.catalog.ProviderNamespaces.ATTR_PROTOCOL;
import static ws2.catalog.ProviderNamespaces.ATTR_PROTOCOL_MAX_OFFSET;
import static ws2.catalog.ProviderNamespaces.ATTR_PROTOCOL_NAME;
import static ws2.catalog.ProviderNamespaces.ATTR_PROVIDER_FLAGS;
import static ws2.catalog.ProviderNamespaces.ATTR_SECURITY_SCHEME;
import static ws2.catalog.ProviderNamespaces.ATTR_SERVICE_FLAGS;
import static ws2.catalog.ProviderNamespaces.ATTR_TYPE;
import static ws2.catalog.ProviderNamespaces.ATTR_VERSION;
import static ws2.catalog.ProviderNamespaces.TRANSPORT_NAMESPACE;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.CatalogKeys;

/**
 * Reads the {@code ws2.transport} capabilities of a provider bundle into catalog entries, refusing
 * the whole bundle at the first malformed clause.
 *
 * <p>Works on plain attribute maps, so it is tested without a framework; the extender passes
 * {@code BundleCapability.getAttributes()}.
 */
public final class TransportMetadata {
    private static final Comparator<ProtocolInfo> ORDER = Comparator.comparingInt(ProtocolInfo::addressFamily)
            .thenComparingInt(ProtocolInfo::socketType).thenComparingInt(ProtocolInfo::protocol)
            .thenComparing(ProtocolInfo::protocolName);

    private TransportMetadata() {
    }

    /**
     * Reads a bundle's clauses.
     *
     * @param bundleId the bundle's ID
     * @param location the bundle's location
     * @param clauses the attributes of each {@code ws2.transport} capability
     * @return the declaration; entries of one GUID and view are sorted by family, type, protocol
     * @throws MetadataException naming the clause and the bad value
     */
    public static Declaration read(long bundleId, String location, List<Map<String, Object>> clauses)
            throws MetadataException {
        Map<UUID, Map<CatalogView, List<ProtocolInfo>>> out = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < clauses.size(); i++) {
            MetadataClause c = new MetadataClause(TRANSPORT_NAMESPACE, i + 1, clauses.get(i));
            ProtocolInfo info = toProtocolInfo(c);
            if (!keys.add(CatalogKeys.key(info))) {
                throw new MetadataException(c.where() + " repeats the family, type and protocol of another entry of provider "
                        + info.providerId());
            }
            Map<CatalogView, List<ProtocolInfo>> byView = out.computeIfAbsent(info.providerId(), k -> {
                Map<CatalogView, List<ProtocolInfo>> m = new EnumMap<>(CatalogView.class);
                for (CatalogView v : CatalogView.values()) {
                    m.put(v, new ArrayList<>());
                }
                return m;
            });
            for (CatalogView v : c.views()) {
                byView.get(v).add(info);
            }
        }
        for (Map<CatalogView, List<ProtocolInfo>> byView : out.values()) {
            for (List<ProtocolInfo> list : byView.values()) {
                list.sort(ORDER);
            }
        }
        return new Declaration(bundleId, location, out, List.of(), Map.of());
    }

    private static ProtocolInfo toProtocolInfo(MetadataClause c) throws MetadataException {
        UUID guid = c.guid();
        String name = c.string(ATTR_PROTOCOL_NAME);
        if (name.isEmpty() || name.length() > ProtocolInfo.WSAPROTOCOL_LEN) {
            throw new MetadataException(c.where() + ": " + ATTR_PROTOCOL_NAME + " must have 1.."
                    + ProtocolInfo.WSAPROTOCOL_LEN + " characters: '" + name + "'");
        }
        int family = (int) c.number(ATTR_FAMILY, 1, 0xFFFF);
        long messageSize = c.number(ATTR_MESSAGE_SIZE, 0, 0xFFFFFFFFL);
        int minSockAddr = (int) c.number(ATTR_MIN_SOCKADDR, 0, Integer.MAX_VALUE);
        int maxSockAddr = (int) c.number(ATTR_MAX_SOCKADDR, 0, Integer.MAX_VALUE);
        if (minSockAddr > maxSockAddr) {
            throw new MetadataException(c.where() + ": " + ATTR_MIN_SOCKADDR + " " + minSockAddr + " exceeds "
                    + ATTR_MAX_SOCKADDR + " " + maxSockAddr);
        }
        return ProtocolInfo.builder()
                .providerId(guid)
                .protocolName(name)
                .triple(family, (int) c.number(ATTR_TYPE, 1, Integer.MAX_VALUE),
                        (int) c.number(ATTR_PROTOCOL, 0, Integer.MAX_VALUE))
                .protocolMaxOffset((int) c.number(ATTR_PROTOCOL_MAX_OFFSET, 0, Integer.MAX_VALUE))
                .serviceFlags1((int) c.number(ATTR_SERVICE_FLAGS, Integer.MIN_VALUE, 0xFFFFFFFFL))
                .providerFlags((int) c.number(ATTR_PROVIDER_FLAGS, Integer.MIN_VALUE, 0xFFFFFFFFL))
                .version((int) c.number(ATTR_VERSION, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .sockAddrLengths(minSockAddr, maxSockAddr)
                .networkByteOrder((int) c.number(ATTR_BYTE_ORDER, ProtocolInfo.BIGENDIAN, ProtocolInfo.LITTLEENDIAN))
                .securityScheme((int) c.number(ATTR_SECURITY_SCHEME, Integer.MIN_VALUE, Integer.MAX_VALUE))
                .messageSize((int) messageSize)
                .build();
    }
}
