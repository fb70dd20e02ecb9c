package ws2.api;

import java.util.Objects;

import ws2.catalog.ProtocolInfo;

/**
 * A socket option: its level, its number and the Java type of its value; the typed form of the
 * {@code (level, optname, optval, optlen)} arguments of {@code getsockopt}/{@code setsockopt} and
 * {@code WSPGetSockOpt}/{@code WSPSetSockOpt}.
 *
 * <p>The constants carry the Windows numbers ({@code SOL_SOCKET = 0xffff}, {@code SO_RCVBUF =
 * 0x1002}, ...). {@code BOOL} options are {@link Boolean}, {@code int} and {@code DWORD} options
 * {@link Integer}, {@code SO_LINGER} a {@link Linger}. A provider-specific option is made with
 * {@link #of(int, int, String, Class)}; two options are equal when level and number are.
 *
 * @param <T> the type of the option's value
 */
public final class SockOpt<T> {
    /** The socket level. */
    public static final int SOL_SOCKET = 0xFFFF;

    /** Whether the socket is listening; get only. */
    public static final SockOpt<Boolean> SO_ACCEPTCONN = new SockOpt<>(SOL_SOCKET, 0x0002, "SO_ACCEPTCONN", Boolean.class);
    /** Permit sending broadcast datagrams. */
    public static final SockOpt<Boolean> SO_BROADCAST = new SockOpt<>(SOL_SOCKET, 0x0020, "SO_BROADCAST", Boolean.class);
    /** Record debugging information (may be ignored). */
    public static final SockOpt<Boolean> SO_DEBUG = new SockOpt<>(SOL_SOCKET, 0x0001, "SO_DEBUG", Boolean.class);
    /** Do not linger on close (the negation of {@code SO_LINGER}'s on/off). */
    public static final SockOpt<Boolean> SO_DONTLINGER = new SockOpt<>(SOL_SOCKET, ~0x0080, "SO_DONTLINGER", Boolean.class);
    /** Bypass routing (may be ignored). */
    public static final SockOpt<Boolean> SO_DONTROUTE = new SockOpt<>(SOL_SOCKET, 0x0010, "SO_DONTROUTE", Boolean.class);
    /** Pending error; reading it clears it. */
    public static final SockOpt<Integer> SO_ERROR = new SockOpt<>(SOL_SOCKET, 0x1007, "SO_ERROR", Integer.class);
    /** Send keep-alives. */
    public static final SockOpt<Boolean> SO_KEEPALIVE = new SockOpt<>(SOL_SOCKET, 0x0008, "SO_KEEPALIVE", Boolean.class);
    /** Linger on close. */
    public static final SockOpt<Linger> SO_LINGER = new SockOpt<>(SOL_SOCKET, 0x0080, "SO_LINGER", Linger.class);
    /** Largest message of a message-oriented socket; get only. */
    public static final SockOpt<Integer> SO_MAX_MSG_SIZE = new SockOpt<>(SOL_SOCKET, 0x2003, "SO_MAX_MSG_SIZE", Integer.class);
    /** Receive out-of-band data in the normal stream. */
    public static final SockOpt<Boolean> SO_OOBINLINE = new SockOpt<>(SOL_SOCKET, 0x0100, "SO_OOBINLINE", Boolean.class);
    /** The catalog entry the socket is bound to; get only. */
    public static final SockOpt<ProtocolInfo> SO_PROTOCOL_INFOW =
            new SockOpt<>(SOL_SOCKET, 0x2005, "SO_PROTOCOL_INFOW", ProtocolInfo.class);
    /** Receive buffer size. */
    public static final SockOpt<Integer> SO_RCVBUF = new SockOpt<>(SOL_SOCKET, 0x1002, "SO_RCVBUF", Integer.class);
    /** Send buffer size. */
    public static final SockOpt<Integer> SO_SNDBUF = new SockOpt<>(SOL_SOCKET, 0x1001, "SO_SNDBUF", Integer.class);
    /** Receive timeout in milliseconds; 0 waits for ever. */
    public static final SockOpt<Integer> SO_RCVTIMEO = new SockOpt<>(SOL_SOCKET, 0x1006, "SO_RCVTIMEO", Integer.class);
    /** Send timeout in milliseconds; 0 waits for ever. */
    public static final SockOpt<Integer> SO_SNDTIMEO = new SockOpt<>(SOL_SOCKET, 0x1005, "SO_SNDTIMEO", Integer.class);
    /** Allow binding an address already in use. */
    public static final SockOpt<Boolean> SO_REUSEADDR = new SockOpt<>(SOL_SOCKET, 0x0004, "SO_REUSEADDR", Boolean.class);
    /** The socket type; get only. */
    public static final SockOpt<Integer> SO_TYPE = new SockOpt<>(SOL_SOCKET, 0x1008, "SO_TYPE", Integer.class);
    /** Disable Nagle's algorithm ({@code IPPROTO_TCP} level). */
    public static final SockOpt<Boolean> TCP_NODELAY =
            new SockOpt<>(IpProtocol.IPPROTO_TCP, 0x0001, "TCP_NODELAY", Boolean.class);
    /** An IPv6 socket accepts IPv6 traffic only ({@code IPPROTO_IPV6} level). */
    public static final SockOpt<Boolean> IPV6_V6ONLY =
            new SockOpt<>(IpProtocol.IPPROTO_IPV6, 27, "IPV6_V6ONLY", Boolean.class);

    private final int level;
    private final int name;
    private final String label;
    private final Class<T> type;

    private SockOpt(int level, int name, String label, Class<T> type) {
        this.level = level;
        this.name = name;
        this.label = Objects.requireNonNull(label, "label");
        this.type = Objects.requireNonNull(type, "type");
    }

    /**
     * Makes an option the constants do not name, for example a provider-specific one.
     *
     * @param <T> the value type
     * @param level the option level
     * @param name the option number
     * @param label a name for messages
     * @param type the value type
     * @return the option
     */
    public static <T> SockOpt<T> of(int level, int name, String label, Class<T> type) {
        return new SockOpt<>(level, name, label, type);
    }

    /**
     * Returns the level.
     *
     * @return for example {@link #SOL_SOCKET}
     */
    public int level() {
        return level;
    }

    /**
     * Returns the option number ({@code optname}).
     *
     * @return the Windows value
     */
    public int name() {
        return name;
    }

    /**
     * Returns the value type.
     *
     * @return the class of values
     */
    public Class<T> type() {
        return type;
    }

    /**
     * Checks and casts a value for this option.
     *
     * @param value a value
     * @return the value as {@code T}
     * @throws WsaException {@link WsaError#WSAEFAULT} if {@code value} is null or of another type
     */
    public T cast(Object value) throws WsaException {
        if (!type.isInstance(value)) {
            throw new WsaException(WsaError.WSAEFAULT, label + " takes a " + type.getSimpleName() + ", got " + value);
        }
        return type.cast(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockOpt && ((SockOpt<?>) o).level == level && ((SockOpt<?>) o).name == name;
    }

    @Override
    public int hashCode() {
        return 31 * level + name;
    }

    @Override
    public String toString() {
        return label;
    }
}
