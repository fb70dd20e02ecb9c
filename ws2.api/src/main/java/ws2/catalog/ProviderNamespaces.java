package ws2.catalog;

/**
 * Names shared by provider bundles and ws2.core: the OSGi capability namespaces in which provider
 * bundles declare their catalog entries (written by bnd from {@link ws2.catalog.annotations}), their
 * attributes, and the service property that joins a provider's DS service to its entries.
 *
 * <p>A transport entry is one {@code Provide-Capability} clause in {@link #TRANSPORT_NAMESPACE}
 * whose namespace attribute is the provider GUID and whose other attributes are the
 * {@code WSAPROTOCOL_INFOW} fields. Resolvers and marketplace indexes read them without starting the
 * bundle.
 */
public final class ProviderNamespaces {
    /** Version of this specification; also the version of the extender capability. */
    public static final String SPEC_VERSION = "1.0.0";
    /** Name of the {@code osgi.extender} capability ws2.core provides and provider bundles require. */
    public static final String EXTENDER_NAME = "ws2.provider";
    /** Namespace of transport (base protocol) entries. */
    public static final String TRANSPORT_NAMESPACE = "ws2.transport";
    /**
     * Namespace of layered providers: one clause per layer, whose namespace attribute is the layer's
     * GUID, with {@link #ATTR_PROTOCOL_NAME}, {@link #ATTR_CATEGORIES}, {@link #ATTR_OVER},
     * {@link #ATTR_RANK}, {@link #ATTR_FAILURE}, {@link #ATTR_ABOVE}, {@link #ATTR_BELOW} and
     * {@link #ATTR_CATALOGS}.
     */
    public static final String LAYERED_NAMESPACE = "ws2.layered";
    /**
     * Namespace of namespace providers: one clause per namespace a provider serves, whose namespace
     * attribute is the provider GUID, with {@link #ATTR_IDENTIFIER}, {@link #ATTR_NAME_SPACE},
     * {@link #ATTR_NSP_VERSION} and {@link #ATTR_CATALOGS}.
     */
    public static final String NAMESPACE_NAMESPACE = "ws2.namespace";
    /** Service property carrying the provider GUID of a provider's DS service. */
    public static final String PROVIDER_ID_PROPERTY = "ws2.provider.id";

    /** Attribute: {@code szProtocol} (String). */
    public static final String ATTR_PROTOCOL_NAME = "protocolName";
    /** Attribute: {@code iAddressFamily} (Long). */
    public static final String ATTR_FAMILY = "family";
    /** Attribute: {@code iSocketType} (Long). */
    public static final String ATTR_TYPE = "type";
    /** Attribute: {@code iProtocol} (Long). */
    public static final String ATTR_PROTOCOL = "protocol";
    /** Attribute: {@code iProtocolMaxOffset} (Long). */
    public static final String ATTR_PROTOCOL_MAX_OFFSET = "protocolMaxOffset";
    /** Attribute: {@code dwServiceFlags1} (Long). */
    public static final String ATTR_SERVICE_FLAGS = "serviceFlags";
    /** Attribute: {@code dwProviderFlags} (Long). */
    public static final String ATTR_PROVIDER_FLAGS = "providerFlags";
    /** Attribute: {@code iVersion} (Long). */
    public static final String ATTR_VERSION = "protocolVersion";
    /** Attribute: {@code iMinSockAddr} (Long). */
    public static final String ATTR_MIN_SOCKADDR = "minSockAddr";
    /** Attribute: {@code iMaxSockAddr} (Long). */
    public static final String ATTR_MAX_SOCKADDR = "maxSockAddr";
    /** Attribute: {@code iNetworkByteOrder} (Long). */
    public static final String ATTR_BYTE_ORDER = "byteOrder";
    /** Attribute: {@code iSecurityScheme} (Long). */
    public static final String ATTR_SECURITY_SCHEME = "securityScheme";
    /** Attribute: {@code dwMessageSize} (Long, 0..4294967295). */
    public static final String ATTR_MESSAGE_SIZE = "messageSize";
    /** Attribute: the catalog views the entry is installed in (List of String: {@code native}, {@code compat32}). */
    public static final String ATTR_CATALOGS = "catalogs";

    /** Layer attribute: its LSP categories ({@link LspCategories} bits, Long). */
    public static final String ATTR_CATEGORIES = "categories";
    /**
     * Layer attribute: an LDAP filter on the attributes of base entries ({@code family},
     * {@code type}, {@code protocol}, {@code protocolName}, {@code providerId}, {@code serviceFlags},
     * {@code providerFlags}); the layer goes over every base entry it matches. Empty: every base entry.
     */
    public static final String ATTR_OVER = "over";
    /** Layer attribute: its rank (Long); in a chain, higher ranks sit nearer the application. */
    public static final String ATTR_RANK = "rank";
    /** Layer attribute: {@link #FAIL_CLOSED} or {@link #FAIL_OPEN}. */
    public static final String ATTR_FAILURE = "failure";
    /** Layer attribute: GUIDs of layers it must sit above when they share a chain (List of String). */
    public static final String ATTR_ABOVE = "above";
    /** Layer attribute: GUIDs of layers it must sit below when they share a chain (List of String). */
    public static final String ATTR_BELOW = "below";
    /** Namespace provider attribute: {@code lpszIdentifier}, its display name (String). */
    public static final String ATTR_IDENTIFIER = "identifier";
    /** Namespace provider attribute: {@code dwNameSpace}, an {@code NS_*} value (Long). */
    public static final String ATTR_NAME_SPACE = "nameSpace";
    /** Namespace provider attribute: 1 for NSP v1, 2 for NSPv2 (Long). */
    public static final String ATTR_NSP_VERSION = "nspVersion";
    /** {@link #ATTR_FAILURE}: sockets fail while the layer is absent. */
    public static final String FAIL_CLOSED = "closed";
    /** {@link #ATTR_FAILURE}: sockets bypass the layer while it is absent. */
    public static final String FAIL_OPEN = "open";

    private ProviderNamespaces() {
    }
}
