package ws2.api;

/**
 * Address family values ({@code AF_*}), as passed to {@code socket()} and stored in
 * {@code WSAPROTOCOL_INFOW.iAddressFamily}; numeric values as in {@code winsock2.h}.
 *
 * <p>Families are plain {@code int}s so that a third-party transport can bring a family the core
 * does not know; see {@link SockAddr#raw(int, byte[])}.
 */
public final class AddressFamily {
    /** Unspecified; a wildcard in socket selection. */
    public static final int AF_UNSPEC = 0;
    /** Local (Unix domain) sockets. */
    public static final int AF_UNIX = 1;
    /** IPv4. */
    public static final int AF_INET = 2;
    /** IPX/SPX. */
    public static final int AF_IPX = 6;
    /** AppleTalk. */
    public static final int AF_APPLETALK = 16;
    /** NetBIOS. */
    public static final int AF_NETBIOS = 17;
    /** IPv6. */
    public static final int AF_INET6 = 23;
    /** Infrared Data Association. */
    public static final int AF_IRDA = 26;
    /** Bluetooth. */
    public static final int AF_BTH = 32;
    /** The largest value a family may take (the {@code sa_family} field is 16 bits). */
    public static final int AF_MAX_VALUE = 0xFFFF;

    private AddressFamily() {
    }

    /**
     * Returns the Winsock name of a family, or its number for a family this class does not name.
     *
     * @param family an address family
     * @return for example {@code "AF_INET6"} or {@code "99"}
     */
    public static String name(int family) {
        switch (family) {
            case AF_UNSPEC: return "AF_UNSPEC";
            case AF_UNIX: return "AF_UNIX";
            case AF_INET: return "AF_INET";
            case AF_IPX: return "AF_IPX";
            case AF_APPLETALK: return "AF_APPLETALK";
            case AF_NETBIOS: return "AF_NETBIOS";
            case AF_INET6: return "AF_INET6";
            case AF_IRDA: return "AF_IRDA";
            case AF_BTH: return "AF_BTH";
            default: return Integer.toString(family);
        }
    }
}
