package ws2.catalog.annotations;

import static ws2.catalog.ProviderNamespaces.ATTR_BYTE_ORDER;
import static ws2.catalog.ProviderNamespaces.ATTR_CATALOGS;
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

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Capability;

import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;

/**
 * Declares one catalog entry of a transport (base) provider: the {@code WSAPROTOCOL_INFOW} an
 * installer would pass to {@code WSCInstallProvider}.
 *
 * <p>Put it (once per entry) on the provider's DS component class. At build time bnd writes one
 * {@code Provide-Capability} clause in the {@code ws2.transport} namespace per use, and a requirement
 * on the ws2.core extender, so the entries can be read, indexed and resolved without starting the
 * bundle. When the bundle starts, ws2.core installs the entries (both catalog views by default);
 * they are available while a {@link TransportProvider} service with the same
 * {@link ProviderId provider GUID} is registered.
 *
 * <pre>
 * &#64;TransportProtocol(providerId = TcpipProvider.ID, name = "ws2 Tcpip [TCP/IP]",
 *         family = AF_INET, type = SOCK_STREAM, protocol = IPPROTO_TCP,
 *         serviceFlags = XP1_IFS_HANDLES | XP1_GRACEFUL_CLOSE | XP1_GUARANTEED_ORDER | XP1_GUARANTEED_DELIVERY,
 *         providerFlags = PFL_MATCHES_PROTOCOL_ZERO, minSockAddr = 16, maxSockAddr = 16)
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(TransportProtocols.class)
@RequireWs2Core
@Capability(namespace = TRANSPORT_NAMESPACE, name = "${#providerId}", uses = TransportProvider.class, attribute = {
    ATTR_PROTOCOL_NAME + "=\"${#name}\"",
    ATTR_FAMILY + ":Long=${#family}",
    ATTR_TYPE + ":Long=${#type}",
    ATTR_PROTOCOL + ":Long=${#protocol}",
    ATTR_PROTOCOL_MAX_OFFSET + ":Long=${#protocolMaxOffset}",
    ATTR_SERVICE_FLAGS + ":Long=${#serviceFlags}",
    ATTR_PROVIDER_FLAGS + ":Long=${#providerFlags}",
    ATTR_VERSION + ":Long=${#version}",
    ATTR_MIN_SOCKADDR + ":Long=${#minSockAddr}",
    ATTR_MAX_SOCKADDR + ":Long=${#maxSockAddr}",
    ATTR_BYTE_ORDER + ":Long=${#byteOrder}",
    ATTR_SECURITY_SCHEME + ":Long=${#securityScheme}",
    ATTR_MESSAGE_SIZE + ":Long=${#messageSize}",
    ATTR_CATALOGS + ":List<String>=\"${#catalogs}\""
})
public @interface TransportProtocol {
    /**
     * The provider GUID ({@code ProviderId}); the same string as the provider's
     * {@link ProviderId} service property.
     *
     * @return a GUID such as {@code "3c2b7f0e-5a1d-4c8e-9f6b-2d4e8a1c7b90"}
     */
    String providerId();

    /**
     * The entry's name ({@code szProtocol}), at most 255 characters, without double quotes.
     *
     * @return for example {@code "ws2 Tcpip [TCP/IP]"}
     */
    String name();

    /**
     * {@code iAddressFamily}.
     *
     * @return an {@code AF_*} value in 1..65535
     */
    int family();

    /**
     * {@code iSocketType}.
     *
     * @return a {@code SOCK_*} value
     */
    int type();

    /**
     * {@code iProtocol}.
     *
     * @return an {@code IPPROTO_*} value
     */
    int protocol();

    /**
     * {@code iProtocolMaxOffset}.
     *
     * @return 0 unless the entry covers a range of protocols
     */
    int protocolMaxOffset() default 0;

    /**
     * {@code dwServiceFlags1}.
     *
     * @return {@code XP1_*} bits
     */
    int serviceFlags();

    /**
     * {@code dwProviderFlags}.
     *
     * @return {@code PFL_*} bits
     */
    int providerFlags() default 0;

    /**
     * {@code iVersion}.
     *
     * @return the protocol version
     */
    int version() default 2;

    /**
     * {@code iMinSockAddr}.
     *
     * @return shortest address in bytes
     */
    int minSockAddr();

    /**
     * {@code iMaxSockAddr}.
     *
     * @return longest address in bytes
     */
    int maxSockAddr();

    /**
     * {@code iNetworkByteOrder}.
     *
     * @return {@link ProtocolInfo#BIGENDIAN} or {@link ProtocolInfo#LITTLEENDIAN}
     */
    int byteOrder() default ProtocolInfo.BIGENDIAN;

    /**
     * {@code iSecurityScheme}.
     *
     * @return the scheme, {@link ProtocolInfo#SECURITY_PROTOCOL_NONE} by default
     */
    int securityScheme() default ProtocolInfo.SECURITY_PROTOCOL_NONE;

    /**
     * {@code dwMessageSize}, as an unsigned 32-bit value.
     *
     * @return 0 for streams, {@code 0xFFFFFFFFL} for unlimited messages
     */
    long messageSize() default 0;

    /**
     * The catalogs to install the entry in: {@code "native"}, {@code "compat32"} or both (the
     * default, as {@code WSCInstallProvider64_32} does).
     *
     * @return the catalog names
     */
    String[] catalogs() default {"native", "compat32"};
}
