package ws2.catalog;

/**
 * The {@code XP1_*} service flags of {@code WSAPROTOCOL_INFOW.dwServiceFlags1}, values as in
 * {@code winsock2.h}.
 */
public final class ServiceFlags {
    /** Datagram (connectionless) service. */
    public static final int XP1_CONNECTIONLESS = 0x00000001;
    /** All data sent reaches the destination. */
    public static final int XP1_GUARANTEED_DELIVERY = 0x00000002;
    /** Data arrives in the order sent, without duplicates. */
    public static final int XP1_GUARANTEED_ORDER = 0x00000004;
    /** Message boundaries are honoured. */
    public static final int XP1_MESSAGE_ORIENTED = 0x00000008;
    /** Message-oriented, but boundaries are ignored on receive. */
    public static final int XP1_PSEUDO_STREAM = 0x00000010;
    /** Two-phase (graceful) close. */
    public static final int XP1_GRACEFUL_CLOSE = 0x00000020;
    /** Urgent (out-of-band) data. */
    public static final int XP1_EXPEDITED_DATA = 0x00000040;
    /** Connect data. */
    public static final int XP1_CONNECT_DATA = 0x00000080;
    /** Disconnect data. */
    public static final int XP1_DISCONNECT_DATA = 0x00000100;
    /** Broadcast. */
    public static final int XP1_SUPPORT_BROADCAST = 0x00000200;
    /** Multipoint or multicast. */
    public static final int XP1_SUPPORT_MULTIPOINT = 0x00000400;
    /** Rooted multipoint control plane. */
    public static final int XP1_MULTIPOINT_CONTROL_PLANE = 0x00000800;
    /** Rooted multipoint data plane. */
    public static final int XP1_MULTIPOINT_DATA_PLANE = 0x00001000;
    /** QOS requests. */
    public static final int XP1_QOS_SUPPORTED = 0x00002000;
    /** Reserved. */
    public static final int XP1_INTERRUPT = 0x00004000;
    /** Unidirectional, send only. */
    public static final int XP1_UNI_SEND = 0x00008000;
    /** Unidirectional, receive only. */
    public static final int XP1_UNI_RECV = 0x00010000;
    /** Descriptors are installable-file-system handles (real JDK channels in ws2). */
    public static final int XP1_IFS_HANDLES = 0x00020000;
    /** {@code MSG_PARTIAL} is supported on send. */
    public static final int XP1_PARTIAL_MESSAGE = 0x00040000;
    /** SAN support (SDP). */
    public static final int XP1_SAN_SUPPORT_SDP = 0x00080000;

    private ServiceFlags() {
    }
}
