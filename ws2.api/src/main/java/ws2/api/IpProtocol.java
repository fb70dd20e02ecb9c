package ws2.api;

/**
 * Protocol values ({@code IPPROTO_*}), as passed to {@code socket()} and stored in
 * {@code WSAPROTOCOL_INFOW.iProtocol}; they are also option levels for {@link SockOpt}.
 */
public final class IpProtocol {
    /** IP; 0 as a protocol argument matches entries flagged {@code PFL_MATCHES_PROTOCOL_ZERO}. */
    public static final int IPPROTO_IP = 0;
    /** ICMP. */
    public static final int IPPROTO_ICMP = 1;
    /** IGMP. */
    public static final int IPPROTO_IGMP = 2;
    /** TCP. */
    public static final int IPPROTO_TCP = 6;
    /** UDP. */
    public static final int IPPROTO_UDP = 17;
    /** IPv6 (also the option level of IPv6 options). */
    public static final int IPPROTO_IPV6 = 41;
    /** ICMPv6. */
    public static final int IPPROTO_ICMPV6 = 58;
    /** PGM reliable multicast. */
    public static final int IPPROTO_RM = 113;

    private IpProtocol() {
    }
}
