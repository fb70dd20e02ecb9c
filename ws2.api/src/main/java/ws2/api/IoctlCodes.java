package ws2.api;

/**
 * Control codes of {@code ioctlsocket}, {@code WSAIoctl} and {@code WSPIoctl}, numeric values as
 * computed from the {@code _IOR}/{@code _IOW}/{@code _WSAIO*} macros of {@code winsock2.h} and
 * {@code mswsock.h}.
 *
 * <p>Integer arguments ({@code u_long}) travel in 4-byte {@link java.nio.ByteBuffer}s in the byte
 * order the caller gave the buffer.
 */
public final class IoctlCodes {
    /** Enable (non-zero) or disable (zero) non-blocking mode. */
    public static final int FIONBIO = 0x8004667E;
    /** Amount of data that can be read at once (stream) or in total (message sockets). */
    public static final int FIONREAD = 0x4004667F;
    /** Whether all out-of-band data has been read (TRUE when no OOB data waits). */
    public static final int SIOCATMARK = 0x40047307;

    /** Associate a companion-interface handle. */
    public static final int SIO_ASSOCIATE_HANDLE = 0x88000001;
    /** Drop oldest instead of newest messages when the queue is full. */
    public static final int SIO_ENABLE_CIRCULAR_QUEUEING = 0x28000002;
    /** Discover a route to an address. */
    public static final int SIO_FIND_ROUTE = 0x48000003;
    /** Discard the send queue. */
    public static final int SIO_FLUSH = 0x28000004;
    /** Broadcast address for the socket's family. */
    public static final int SIO_GET_BROADCAST_ADDRESS = 0x48000005;
    /** Extension function pointer by GUID. */
    public static final int SIO_GET_EXTENSION_FUNCTION_POINTER = 0xC8000006;
    /** Get the QOS of the socket; re-enables {@code FD_QOS}. */
    public static final int SIO_GET_QOS = 0xC8000007;
    /** Get the group QOS (reserved). */
    public static final int SIO_GET_GROUP_QOS = 0xC8000008;
    /** Multipoint loopback on or off. */
    public static final int SIO_MULTIPOINT_LOOPBACK = 0x88000009;
    /** Multicast scope. */
    public static final int SIO_MULTICAST_SCOPE = 0x8800000A;
    /** Set the QOS of the socket. */
    public static final int SIO_SET_QOS = 0x8800000B;
    /** Set the group QOS (reserved). */
    public static final int SIO_SET_GROUP_QOS = 0x8800000C;
    /** Companion-interface handle for the socket. */
    public static final int SIO_TRANSLATE_HANDLE = 0xC800000D;
    /** Local interface used to reach a destination. */
    public static final int SIO_ROUTING_INTERFACE_QUERY = 0xC8000014;
    /** Notify when the interface to a destination changes. */
    public static final int SIO_ROUTING_INTERFACE_CHANGE = 0x88000015;
    /** Bindable local addresses. */
    public static final int SIO_ADDRESS_LIST_QUERY = 0x48000016;
    /** Notify when the local address list changes. */
    public static final int SIO_ADDRESS_LIST_CHANGE = 0x28000017;
    /** Lower provider's socket for plug and play. */
    public static final int SIO_QUERY_TARGET_PNP_HANDLE = 0x48000018;
    /** Sort an address list. */
    public static final int SIO_ADDRESS_LIST_SORT = 0xC8000019;
    /** Base provider handle used by {@code WSASendMsg}. */
    public static final int SIO_BSP_HANDLE = 0x4800001B;
    /** Base provider handle used by {@code select}. */
    public static final int SIO_BSP_HANDLE_SELECT = 0x4800001C;
    /** Base provider handle used by {@code WSAPoll}. */
    public static final int SIO_BSP_HANDLE_POLL = 0x4800001D;
    /** Base service provider handle; a layered provider never intercepts it. */
    public static final int SIO_BASE_HANDLE = 0x48000022;

    private IoctlCodes() {
    }
}
