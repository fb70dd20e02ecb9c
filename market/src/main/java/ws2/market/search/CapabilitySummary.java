package ws2.market.search;

import java.util.List;
import java.util.Map;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

import ws2.catalog.ProviderNamespaces;

/**
 * One line of text per {@code ws2.*} capability, as searches show them and text searches match
 * them: e.g. {@code ws2.layered: ws2 TLS, categories 0x40, over (type=1), rank 100, fail-closed}.
 */
public final class CapabilitySummary {
    /** The namespaces in which providers declare catalog entries. */
    public static final List<String> NAMESPACES = List.of(ProviderNamespaces.TRANSPORT_NAMESPACE,
            ProviderNamespaces.LAYERED_NAMESPACE, ProviderNamespaces.NAMESPACE_NAMESPACE);

    private CapabilitySummary() {
    }

    /**
     * Returns a resource's {@code ws2.*} capabilities.
     *
     * @param resource a resource
     * @return its transport, layered and namespace capabilities, in that order
     */
    public static List<Capability> ws2Capabilities(Resource resource) {
        return NAMESPACES.stream().flatMap(n -> resource.getCapabilities(n).stream()).toList();
    }

    /**
     * Summarises a resource's {@code ws2.*} capabilities.
     *
     * @param resource a resource
     * @return one line per capability
     */
    public static List<String> of(Resource resource) {
        return ws2Capabilities(resource).stream().map(CapabilitySummary::of).toList();
    }

    /**
     * Summarises one capability.
     *
     * @param capability a {@code ws2.*} capability
     * @return its namespace, its name and its main attributes
     */
    public static String of(Capability capability) {
        Map<String, Object> a = capability.getAttributes();
        String ns = capability.getNamespace();
        return switch (ns) {
            case ProviderNamespaces.TRANSPORT_NAMESPACE -> ns + ": " + a.get(ProviderNamespaces.ATTR_PROTOCOL_NAME)
                    + ", family " + a.get(ProviderNamespaces.ATTR_FAMILY) + ", type " + a.get(ProviderNamespaces.ATTR_TYPE)
                    + ", protocol " + a.get(ProviderNamespaces.ATTR_PROTOCOL);
            case ProviderNamespaces.LAYERED_NAMESPACE -> ns + ": " + a.get(ProviderNamespaces.ATTR_PROTOCOL_NAME)
                    + ", categories 0x" + Long.toHexString(number(a.get(ProviderNamespaces.ATTR_CATEGORIES)))
                    + ", over " + over(a.get(ProviderNamespaces.ATTR_OVER))
                    + ", rank " + a.get(ProviderNamespaces.ATTR_RANK)
                    + ", fail-" + a.get(ProviderNamespaces.ATTR_FAILURE);
            case ProviderNamespaces.NAMESPACE_NAMESPACE -> ns + ": " + a.get(ProviderNamespaces.ATTR_IDENTIFIER)
                    + ", nameSpace " + a.get(ProviderNamespaces.ATTR_NAME_SPACE)
                    + ", NSP v" + a.get(ProviderNamespaces.ATTR_NSP_VERSION);
            default -> ns + ": " + a;
        };
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String over(Object filter) {
        return filter == null || filter.toString().isBlank() ? "every base entry" : filter.toString();
    }
}
