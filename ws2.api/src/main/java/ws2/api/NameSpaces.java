package ws2.api;

/**
 * Namespace identifiers ({@code NS_*}, values as in {@code winsock2.h}): the {@code dwNameSpace} of
 * a query set and of a namespace provider's catalog entry.
 */
public final class NameSpaces {
    /** Every namespace. */
    public static final int NS_ALL = 0;
    /** SAP. */
    public static final int NS_SAP = 1;
    /** NDS. */
    public static final int NS_NDS = 2;
    /** Peer browse. */
    public static final int NS_PEER_BROWSE = 3;
    /** SLP. */
    public static final int NS_SLP = 5;
    /** DHCP. */
    public static final int NS_DHCP = 6;
    /** Local TCP/IP names. */
    public static final int NS_TCPIP_LOCAL = 10;
    /** The hosts file. */
    public static final int NS_TCPIP_HOSTS = 11;
    /** The Domain Name System. */
    public static final int NS_DNS = 12;
    /** NetBIOS over TCP/IP. */
    public static final int NS_NETBT = 13;
    /** WINS. */
    public static final int NS_WINS = 14;
    /** Network location awareness. */
    public static final int NS_NLA = 15;
    /** Bluetooth. */
    public static final int NS_BTH = 16;
    /** E-mail (the namespace NSPv2 served on Windows Vista). */
    public static final int NS_EMAIL = 37;
    /** PNRP names. */
    public static final int NS_PNRPNAME = 38;
    /** PNRP clouds. */
    public static final int NS_PNRPCLOUD = 39;

    private NameSpaces() {
    }

    /**
     * Names a namespace for messages.
     *
     * @param nameSpace an {@code NS_*} value
     * @return for example {@code "NS_DNS"}, or the number
     */
    public static String name(int nameSpace) {
        switch (nameSpace) {
            case NS_ALL: return "NS_ALL";
            case NS_TCPIP_LOCAL: return "NS_TCPIP_LOCAL";
            case NS_TCPIP_HOSTS: return "NS_TCPIP_HOSTS";
            case NS_DNS: return "NS_DNS";
            case NS_NLA: return "NS_NLA";
            case NS_EMAIL: return "NS_EMAIL";
            default: return "namespace " + nameSpace;
        }
    }
}
