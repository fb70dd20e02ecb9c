package ws2.api;

/**
 * The {@code dwFlags} of {@code WSASocket}/{@code WSPSocket} ({@code WSA_FLAG_*}) and the socket
 * group values, numeric values as in {@code winsock2.h}.
 */
public final class SocketFlags {
    /** The socket supports overlapped I/O. {@code socket()} always sets it. */
    public static final int WSA_FLAG_OVERLAPPED = 0x01;
    /** Multipoint: rooted control plane, root. */
    public static final int WSA_FLAG_MULTIPOINT_C_ROOT = 0x02;
    /** Multipoint: rooted control plane, leaf. */
    public static final int WSA_FLAG_MULTIPOINT_C_LEAF = 0x04;
    /** Multipoint: rooted data plane, root. */
    public static final int WSA_FLAG_MULTIPOINT_D_ROOT = 0x08;
    /** Multipoint: rooted data plane, leaf. */
    public static final int WSA_FLAG_MULTIPOINT_D_LEAF = 0x10;
    /** Access system security (ignored by ws2). */
    public static final int WSA_FLAG_ACCESS_SYSTEM_SECURITY = 0x40;
    /** The handle is not inheritable (ws2 handles never are). */
    public static final int WSA_FLAG_NO_HANDLE_INHERIT = 0x80;
    /** Registered I/O (not supported by the in-tree providers). */
    public static final int WSA_FLAG_REGISTERED_IO = 0x100;

    /** No socket group. */
    public static final int SG_NONE = 0;
    /** Unconstrained group (socket groups are reserved). */
    public static final int SG_UNCONSTRAINED_GROUP = 0x01;
    /** Constrained group (socket groups are reserved). */
    public static final int SG_CONSTRAINED_GROUP = 0x02;

    private SocketFlags() {
    }

    /** {@code WSAJoinLeaf}: the leaf only sends ({@code JL_SENDER_ONLY}). */
    public static final int JL_SENDER_ONLY = 0x01;
    /** {@code WSAJoinLeaf}: the leaf only receives ({@code JL_RECEIVER_ONLY}). */
    public static final int JL_RECEIVER_ONLY = 0x02;
    /** {@code WSAJoinLeaf}: the leaf sends and receives ({@code JL_BOTH}). */
    public static final int JL_BOTH = 0x04;
}
