package ws2.spi.transport;

import ws2.api.CompletionRoutine;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WsaException;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * How a provider indicates that an overlapped operation completed, by the mechanism its caller
 * chose (the SPI's completion-indication matrix): with a completion routine, the outcome is recorded
 * and the routine queued as an APC to the initiating thread ({@code WPUQueueApc}); without one,
 * {@code WPUCompleteOverlappedRequest} records it, signals the event and feeds the completion port.
 */
public final class OverlappedCompletion {
    private OverlappedCompletion() {
    }

    /**
     * Indicates a completion.
     *
     * @param upcall the provider's upcall table
     * @param s the socket the operation was started on
     * @param overlapped the operation
     * @param routine the completion routine, or null
     * @param thread the initiating thread (needed with a routine)
     * @param error 0 on success, else the {@code WSAE*} code
     * @param transferred bytes transferred
     * @param flags result flags (0 for sends)
     * @throws WsaException {@code WSAEFAULT} if the thread identity is closed, {@code WSAEINVAL} if
     *         the socket is closed
     */
    public static void indicate(Upcall upcall, SocketHandle s, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread, int error, int transferred, int flags) throws WsaException {
        if (routine == null) {
            upcall.completeOverlappedRequest(s, overlapped, error, transferred, flags);
            return;
        }
        overlapped.complete(error, transferred, flags);
        upcall.queueApc(thread, ignored -> routine.completed(error, transferred, overlapped, flags), null);
    }
}
