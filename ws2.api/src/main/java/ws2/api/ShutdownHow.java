package ws2.api;

/** The {@code how} argument of {@code shutdown()} ({@code SD_*}), values as in {@code winsock2.h}. */
public final class ShutdownHow {
    /** Disallow further receives. */
    public static final int SD_RECEIVE = 0x00;
    /** Disallow further sends; TCP sends a FIN. */
    public static final int SD_SEND = 0x01;
    /** Both directions. */
    public static final int SD_BOTH = 0x02;

    private ShutdownHow() {
    }
}
