package ws2.api;

/**
 * One completion packet taken from a {@link CompletionPort}: what
 * {@code GetQueuedCompletionStatus} returns in its four out-parameters.
 *
 * @param key the completion key the socket was associated with ({@code lpCompletionKey}), or the
 *        key given to {@link Winsock#postQueuedCompletionStatus}
 * @param overlapped the operation that completed ({@code lpOverlapped}), or null for a posted
 *        packet without one
 * @param transferred bytes transferred ({@code lpNumberOfBytesTransferred})
 * @param error 0 when the operation succeeded, else its {@code WSAE*} code (what
 *        {@code GetLastError} would give after {@code GetQueuedCompletionStatus} returned FALSE
 *        with a packet)
 */
public record Completion(long key, Overlapped overlapped, int transferred, int error) {
}
