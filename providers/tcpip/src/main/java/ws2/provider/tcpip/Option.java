package ws2.provider.tcpip;

import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.HashMap;
import java.util.Map;

import ws2.api.SockOpt;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The socket options this provider knows ({@code WSPGetSockOpt}/{@code WSPSetSockOpt}): for each,
 * the socket types it applies to, whether it is read-only, and the JDK option that carries it when
 * java.nio has one.
 *
 * <p>Options without a JDK counterpart are kept by the socket itself ({@code SO_RCVTIMEO},
 * {@code SO_SNDTIMEO}, {@code SO_OOBINLINE}, {@code SO_DEBUG}, {@code SO_DONTROUTE}) or computed
 * ({@code SO_TYPE}, {@code SO_ERROR}, ...). {@code SO_LINGER} and {@code SO_DONTLINGER} are two
 * Winsock views of the JDK's {@link StandardSocketOptions#SO_LINGER}.
 */
enum Option {
    SO_ACCEPTCONN(SockOpt.SO_ACCEPTCONN, null, Types.BOTH, true),
    SO_BROADCAST(SockOpt.SO_BROADCAST, StandardSocketOptions.SO_BROADCAST, Types.DGRAM, false),
    SO_DEBUG(SockOpt.SO_DEBUG, null, Types.BOTH, false),
    SO_DONTLINGER(SockOpt.SO_DONTLINGER, StandardSocketOptions.SO_LINGER, Types.STREAM, false),
    SO_DONTROUTE(SockOpt.SO_DONTROUTE, null, Types.BOTH, false),
    SO_ERROR(SockOpt.SO_ERROR, null, Types.BOTH, true),
    SO_KEEPALIVE(SockOpt.SO_KEEPALIVE, StandardSocketOptions.SO_KEEPALIVE, Types.STREAM, false),
    SO_LINGER(SockOpt.SO_LINGER, StandardSocketOptions.SO_LINGER, Types.STREAM, false),
    SO_MAX_MSG_SIZE(SockOpt.SO_MAX_MSG_SIZE, null, Types.DGRAM, true),
    SO_OOBINLINE(SockOpt.SO_OOBINLINE, null, Types.STREAM, false),
    SO_PROTOCOL_INFOW(SockOpt.SO_PROTOCOL_INFOW, null, Types.BOTH, true),
    SO_RCVBUF(SockOpt.SO_RCVBUF, StandardSocketOptions.SO_RCVBUF, Types.BOTH, false),
    SO_RCVTIMEO(SockOpt.SO_RCVTIMEO, null, Types.BOTH, false),
    SO_REUSEADDR(SockOpt.SO_REUSEADDR, StandardSocketOptions.SO_REUSEADDR, Types.BOTH, false),
    SO_SNDBUF(SockOpt.SO_SNDBUF, StandardSocketOptions.SO_SNDBUF, Types.BOTH, false),
    SO_SNDTIMEO(SockOpt.SO_SNDTIMEO, null, Types.BOTH, false),
    SO_TYPE(SockOpt.SO_TYPE, null, Types.BOTH, true),
    TCP_NODELAY(SockOpt.TCP_NODELAY, StandardSocketOptions.TCP_NODELAY, Types.STREAM, false);

    private static final Map<SockOpt<?>, Option> BY_SOCKOPT = new HashMap<>();

    static {
        for (Option o : values()) {
            BY_SOCKOPT.put(o.sockOpt, o);
        }
    }

    /** The Winsock option, whose type {@code set} values are checked against. */
    final SockOpt<?> sockOpt;
    /** The JDK option carrying the value, or null when the socket keeps or computes it. */
    final SocketOption<?> jdk;
    /** Bit {@code 1 << type} per socket type the option applies to. */
    private final int types;
    /** Whether {@code WSPSetSockOpt} refuses it. */
    final boolean readOnly;

    Option(SockOpt<?> sockOpt, SocketOption<?> jdk, int types, boolean readOnly) {
        this.sockOpt = sockOpt;
        this.jdk = jdk;
        this.types = types;
        this.readOnly = readOnly;
    }

    /** Socket type masks, in a nested class because enum constants cannot use the enum's own statics. */
    private static final class Types {
        static final int STREAM = 1 << SocketType.SOCK_STREAM;
        static final int DGRAM = 1 << SocketType.SOCK_DGRAM;
        static final int BOTH = STREAM | DGRAM;
    }

    /**
     * Finds the provider's entry for an option on a socket of a type.
     *
     * @param option the option asked for
     * @param socketType {@code SOCK_STREAM} or {@code SOCK_DGRAM}
     * @param function {@code WSPGetSockOpt} or {@code WSPSetSockOpt}, for the message
     * @return the entry
     * @throws WsaException {@code WSAENOPROTOOPT} if the provider does not know the option or it
     *         does not apply to the socket type
     */
    static Option of(SockOpt<?> option, int socketType, String function) throws WsaException {
        Option o = option == null ? null : BY_SOCKOPT.get(option);
        if (o == null) {
            throw new WsaException(WsaError.WSAENOPROTOOPT, function + ": option " + option
                    + " is not known to the tcpip provider");
        }
        if ((o.types & 1 << socketType) == 0) {
            throw new WsaException(WsaError.WSAENOPROTOOPT, function + ": " + option + " does not apply to "
                    + SocketType.name(socketType) + " sockets");
        }
        return o;
    }
}
