package ws2.api;

/**
 * The outcome of {@code recvfrom}/{@code WSPRecvFrom}: how much arrived, the result flags and who
 * sent it.
 *
 * @param bytes bytes received ({@code lpNumberOfBytesRecvd})
 * @param flags result flags such as {@link MessageFlags#MSG_PARTIAL} ({@code lpFlags} on output)
 * @param from the sender's address ({@code lpFrom}), or null when the provider has none
 */
public record Received(int bytes, int flags, SockAddr from) {
}
