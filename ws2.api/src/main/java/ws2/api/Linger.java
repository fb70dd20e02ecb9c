package ws2.api;

/**
 * The value of {@code SO_LINGER}: Winsock's {@code struct linger}.
 *
 * @param onOff whether to linger on close ({@code l_onoff})
 * @param seconds how long, when lingering; 0 makes close abortive ({@code l_linger})
 */
public record Linger(boolean onOff, int seconds) {
    /**
     * Checks the time.
     *
     * @throws IllegalArgumentException if {@code seconds} is outside 0..65535 (a {@code u_short})
     */
    public Linger {
        if (seconds < 0 || seconds > 0xFFFF) {
            throw new IllegalArgumentException("linger time must be 0..65535 seconds: " + seconds);
        }
    }
}
