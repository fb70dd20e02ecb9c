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

    private ProviderNamespaces() {
    }
}
