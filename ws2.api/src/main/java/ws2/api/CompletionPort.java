package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An I/O completion port: the Java form of the {@code HANDLE} that {@code CreateIoCompletionPort}
 * returns. Sockets associated with a port, each under a completion key, report every overlapped
 * operation that has no completion routine to the port's queue, where any number of threads take
 * them with {@link Winsock#getQueuedCompletionStatus}; this is how a Winsock server is written.
 *
 * <p>A port belongs to the client context that created it, like an event object.
 */
@ProviderType
public interface CompletionPort {
    /**
     * Returns the numeric handle value.
     *
     * @return the {@code HANDLE} value
     */
    long value();
}
