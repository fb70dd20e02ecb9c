package ws2.api;

/**
 * Flags of {@code send}/{@code recv} and their WSA forms ({@code MSG_*}), values as in
 * {@code winsock2.h}.
 */
public final class MessageFlags {
    /** Send or receive out-of-band data (stream sockets only). */
    public static final int MSG_OOB = 0x1;
    /** Copy received data without removing it from the queue (non-overlapped sockets only). */
    public static final int MSG_PEEK = 0x2;
    /** Do not route; may be ignored. */
    public static final int MSG_DONTROUTE = 0x4;
    /** Complete a receive only when the buffers are full, the connection closes or it fails. */
    public static final int MSG_WAITALL = 0x8;
    /** Interrupt-context call (reserved). */
    public static final int MSG_INTERRUPT = 0x10;
    /** Deliver the data to the application immediately. */
    public static final int MSG_PUSH_IMMEDIATE = 0x20;
    /** The buffers hold a partial message. */
    public static final int MSG_PARTIAL = 0x8000;

    private MessageFlags() {
    }
}
