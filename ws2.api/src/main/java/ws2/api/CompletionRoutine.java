package ws2.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A completion routine ({@code LPWSAOVERLAPPED_COMPLETION_ROUTINE}): run as an APC on the thread
 * that started the overlapped operation, when that thread next waits alertably.
 */
@ConsumerType
@FunctionalInterface
public interface CompletionRoutine {
    /**
     * Called when the operation completed.
     *
     * @param error 0 on success, else the {@code WSAE*} code
     * @param transferred bytes transferred
     * @param overlapped the operation's overlapped structure
     * @param flags result flags (0 for sends)
     */
    void completed(int error, int transferred, Overlapped overlapped, int flags);
}
