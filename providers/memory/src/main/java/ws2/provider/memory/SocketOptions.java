package ws2.provider.memory;

import java.util.HashMap;
import java.util.Map;

import ws2.api.Linger;
import ws2.api.SockOpt;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The option values of one socket ({@code WSPGetSockOpt}/{@code WSPSetSockOpt}) and its blocking
 * mode ({@code FIONBIO}); an accepted socket starts with a copy of its listener's.
 *
 * <p>Options with no effect on in-process pipes ({@code SO_KEEPALIVE}, {@code SO_DEBUG},
 * {@code SO_DONTROUTE}, {@code SO_OOBINLINE}, {@code SO_REUSEADDR}) are kept and answered as set.
 * What the endpoint computes ({@code SO_ACCEPTCONN}, {@code SO_PROTOCOL_INFOW}, the buffer sizes of
 * a connection) it answers itself.
 *
 * <p>Thread-safe: every value is a volatile field; the endpoint reads them on the data path with no
 * lock.
 */
final class SocketOptions {
    /** The capacity of a pipe unless {@code SO_SNDBUF} or {@code SO_RCVBUF} says otherwise: 64 KiB. */
    static final int DEFAULT_BUFFER = 64 * 1024;
    /** The largest pipe capacity. */
    static final int MAX_BUFFER = 16 * 1024 * 1024;

    /** The {@code SOL_SOCKET} options of a stream socket of this provider. */
    enum Option {
        SO_ACCEPTCONN(SockOpt.SO_ACCEPTCONN, true),
        SO_DEBUG(SockOpt.SO_DEBUG, false),
        SO_DONTLINGER(SockOpt.SO_DONTLINGER, false),
        SO_DONTROUTE(SockOpt.SO_DONTROUTE, false),
        SO_ERROR(SockOpt.SO_ERROR, true),
        SO_KEEPALIVE(SockOpt.SO_KEEPALIVE, false),
        SO_LINGER(SockOpt.SO_LINGER, false),
        SO_OOBINLINE(SockOpt.SO_OOBINLINE, false),
        SO_PROTOCOL_INFOW(SockOpt.SO_PROTOCOL_INFOW, true),
        SO_RCVBUF(SockOpt.SO_RCVBUF, false),
        SO_RCVTIMEO(SockOpt.SO_RCVTIMEO, false),
        SO_REUSEADDR(SockOpt.SO_REUSEADDR, false),
        SO_SNDBUF(SockOpt.SO_SNDBUF, false),
        SO_SNDTIMEO(SockOpt.SO_SNDTIMEO, false),
        SO_TYPE(SockOpt.SO_TYPE, true);

        private static final Map<SockOpt<?>, Option> BY_SOCKOPT = new HashMap<>();

        static {
            for (Option o : values()) {
                BY_SOCKOPT.put(o.sockOpt, o);
            }
        }

        /** The Winsock option, whose type values are checked against. */
        final SockOpt<?> sockOpt;
        /** Whether {@code WSPSetSockOpt} refuses it. */
        final boolean readOnly;

        Option(SockOpt<?> sockOpt, boolean readOnly) {
            this.sockOpt = sockOpt;
            this.readOnly = readOnly;
        }

        /**
         * Finds an option.
         *
         * @param option the option asked for
         * @param function the call and socket, for the message
         * @return its entry
         * @throws WsaException {@code WSAENOPROTOOPT} for an option or level this provider does not have
         */
        static Option of(SockOpt<?> option, String function) throws WsaException {
            Option o = option == null ? null : BY_SOCKOPT.get(option);
            if (o == null) {
                throw new WsaException(WsaError.WSAENOPROTOOPT, function + ": option " + option
                        + " does not apply to the memory provider's AF_UNIX stream sockets");
            }
            return o;
        }
    }

    private volatile boolean nonBlocking;
    private volatile boolean debug;
    private volatile boolean dontRoute;
    private volatile boolean keepAlive;
    private volatile boolean oobInline;
    private volatile boolean reuseAddr;
    private volatile int sendBuffer = DEFAULT_BUFFER;
    private volatile int receiveBuffer = DEFAULT_BUFFER;
    private volatile int sendTimeout;
    private volatile int receiveTimeout;
    private volatile Linger linger = new Linger(false, 0);

    /**
     * Takes every value of another socket, as an accepted socket takes its listener's.
     *
     * @param from the listener's options
     */
    void copyFrom(SocketOptions from) {
        nonBlocking = from.nonBlocking;
        debug = from.debug;
        dontRoute = from.dontRoute;
        keepAlive = from.keepAlive;
        oobInline = from.oobInline;
        reuseAddr = from.reuseAddr;
        sendBuffer = from.sendBuffer;
        receiveBuffer = from.receiveBuffer;
        sendTimeout = from.sendTimeout;
        receiveTimeout = from.receiveTimeout;
        linger = from.linger;
    }

    /**
     * Returns a value the options keep.
     *
     * @param o an option other than those the endpoint computes
     * @return its value, of the option's type
     */
    Object get(Option o) {
        switch (o) {
            case SO_DEBUG: return debug;
            case SO_DONTLINGER: return !linger.onOff();
            case SO_DONTROUTE: return dontRoute;
            case SO_ERROR: return 0; // connects succeed or fail at once: no error is ever pending
            case SO_KEEPALIVE: return keepAlive;
            case SO_LINGER: return linger;
            case SO_OOBINLINE: return oobInline;
            case SO_RCVBUF: return receiveBuffer;
            case SO_RCVTIMEO: return receiveTimeout;
            case SO_REUSEADDR: return reuseAddr;
            case SO_SNDBUF: return sendBuffer;
            case SO_SNDTIMEO: return sendTimeout;
            case SO_TYPE: return SocketType.SOCK_STREAM;
            default: throw new IllegalArgumentException(o + " is answered by the endpoint");
        }
    }

    /**
     * Sets a writable value.
     *
     * @param o a writable option
     * @param value the value, already of the option's type
     * @param function the call and socket, for messages
     * @throws WsaException {@code WSAEINVAL} for a negative time or a buffer size outside
     *         1..16 MiB
     */
    void set(Option o, Object value, String function) throws WsaException {
        switch (o) {
            case SO_DEBUG: debug = (Boolean) value; break;
            case SO_DONTLINGER: linger = new Linger(!(Boolean) value, linger.seconds()); break;
            case SO_DONTROUTE: dontRoute = (Boolean) value; break;
            case SO_KEEPALIVE: keepAlive = (Boolean) value; break;
            case SO_LINGER: linger = (Linger) value; break;
            case SO_OOBINLINE: oobInline = (Boolean) value; break;
            case SO_RCVBUF: receiveBuffer = size(o, value, function); break;
            case SO_RCVTIMEO: receiveTimeout = millis(o, value, function); break;
            case SO_REUSEADDR: reuseAddr = (Boolean) value; break;
            case SO_SNDBUF: sendBuffer = size(o, value, function); break;
            case SO_SNDTIMEO: sendTimeout = millis(o, value, function); break;
            default: throw new IllegalArgumentException(o + " is read-only");
        }
    }

    private static int size(Option o, Object value, String function) throws WsaException {
        int bytes = (Integer) value;
        if (bytes < 1 || bytes > MAX_BUFFER) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": " + o + " sets a pipe capacity of 1 to "
                    + MAX_BUFFER + " bytes, got " + bytes);
        }
        return bytes;
    }

    private static int millis(Option o, Object value, String function) throws WsaException {
        int ms = (Integer) value;
        if (ms < 0) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": " + o + " takes milliseconds, 0 for no timeout,"
                    + " got " + ms);
        }
        return ms;
    }

    /**
     * Returns the blocking mode.
     *
     * @return true for non-blocking ({@code FIONBIO} non-zero, or events selected)
     */
    boolean isNonBlocking() {
        return nonBlocking;
    }

    /**
     * Sets the blocking mode.
     *
     * @param on true for non-blocking
     */
    void nonBlocking(boolean on) {
        nonBlocking = on;
    }

    /**
     * Returns {@code SO_SNDBUF}.
     *
     * @return bytes
     */
    int sendBuffer() {
        return sendBuffer;
    }

    /**
     * Returns {@code SO_RCVBUF}.
     *
     * @return bytes
     */
    int receiveBuffer() {
        return receiveBuffer;
    }

    /**
     * Returns {@code SO_SNDTIMEO}.
     *
     * @return milliseconds, 0 for none
     */
    int sendTimeout() {
        return sendTimeout;
    }

    /**
     * Returns {@code SO_RCVTIMEO}.
     *
     * @return milliseconds, 0 for none
     */
    int receiveTimeout() {
        return receiveTimeout;
    }

    /**
     * Returns {@code SO_LINGER}.
     *
     * @return the linger setting
     */
    Linger linger() {
        return linger;
    }
}
