package ws2.api;

/**
 * Socket type values ({@code SOCK_*}), as passed to {@code socket()} and stored in
 * {@code WSAPROTOCOL_INFOW.iSocketType}; numeric values as in {@code winsock2.h}.
 */
public final class SocketType {
    /** Connection-oriented byte stream. */
    public static final int SOCK_STREAM = 1;
    /** Connectionless datagrams. */
    public static final int SOCK_DGRAM = 2;
    /** Raw protocol access. */
    public static final int SOCK_RAW = 3;
    /** Reliable datagrams. */
    public static final int SOCK_RDM = 4;
    /** Sequenced packets. */
    public static final int SOCK_SEQPACKET = 5;

    private SocketType() {
    }

    /**
     * Returns the Winsock name of a socket type, or its number for an unnamed one.
     *
     * @param type a socket type
     * @return for example {@code "SOCK_STREAM"}
     */
    public static String name(int type) {
        switch (type) {
            case 0: return "0";
            case SOCK_STREAM: return "SOCK_STREAM";
            case SOCK_DGRAM: return "SOCK_DGRAM";
            case SOCK_RAW: return "SOCK_RAW";
            case SOCK_RDM: return "SOCK_RDM";
            case SOCK_SEQPACKET: return "SOCK_SEQPACKET";
            default: return Integer.toString(type);
        }
    }
}
