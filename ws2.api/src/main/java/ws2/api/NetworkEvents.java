package ws2.api;

import java.util.Arrays;

/**
 * Network events recorded for a socket, as {@code WSPEnumNetworkEvents} reports them:
 * Winsock's {@code WSANETWORKEVENTS}, with the {@code FD_*} bits.
 *
 * @param events the {@code FD_*} bits that occurred ({@code lNetworkEvents})
 * @param errorCodes per-event error codes indexed by {@code FD_*_BIT} ({@code iErrorCode}); copied
 */
public record NetworkEvents(int events, int[] errorCodes) {
    /** Data is available to read. */
    public static final int FD_READ = 0x001;
    /** Buffer space is available for writing. */
    public static final int FD_WRITE = 0x002;
    /** Out-of-band data is available. */
    public static final int FD_OOB = 0x004;
    /** A connection is waiting to be accepted. */
    public static final int FD_ACCEPT = 0x008;
    /** A connect or multipoint join completed. */
    public static final int FD_CONNECT = 0x010;
    /** The peer closed the connection. */
    public static final int FD_CLOSE = 0x020;
    /** The QOS of the socket changed. */
    public static final int FD_QOS = 0x040;
    /** Reserved. */
    public static final int FD_GROUP_QOS = 0x080;
    /** The interface used to reach a destination changed. */
    public static final int FD_ROUTING_INTERFACE_CHANGE = 0x100;
    /** The local address list changed. */
    public static final int FD_ADDRESS_LIST_CHANGE = 0x200;
    /** Number of event bits ({@code FD_MAX_EVENTS}). */
    public static final int FD_MAX_EVENTS = 10;
    /** All event bits. */
    public static final int FD_ALL_EVENTS = (1 << FD_MAX_EVENTS) - 1;

    /**
     * Checks the bits and copies the codes.
     *
     * @throws IllegalArgumentException if {@code events} has bits outside {@link #FD_ALL_EVENTS} or
     *         {@code errorCodes} is not {@link #FD_MAX_EVENTS} long
     */
    public NetworkEvents {
        if ((events & ~FD_ALL_EVENTS) != 0) {
            throw new IllegalArgumentException("unknown FD_* bits: 0x" + Integer.toHexString(events));
        }
        if (errorCodes.length != FD_MAX_EVENTS) {
            throw new IllegalArgumentException("iErrorCode needs " + FD_MAX_EVENTS + " entries: " + errorCodes.length);
        }
        errorCodes = errorCodes.clone();
    }

    /**
     * Returns the error code recorded for one event.
     *
     * @param bit the event's bit number ({@code FD_READ_BIT} is 0)
     * @return 0 or a {@code WSAE*} code
     */
    public int errorCode(int bit) {
        return errorCodes[bit];
    }

    @Override
    public int[] errorCodes() {
        return errorCodes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkEvents && ((NetworkEvents) o).events == events
                && Arrays.equals(((NetworkEvents) o).errorCodes, errorCodes);
    }

    @Override
    public int hashCode() {
        return 31 * events + Arrays.hashCode(errorCodes);
    }

    @Override
    public String toString() {
        return "NetworkEvents[events=0x" + Integer.toHexString(events) + ", errorCodes=" + Arrays.toString(errorCodes) + "]";
    }
}
