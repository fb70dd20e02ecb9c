package ws2.spi.upcall;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A thread identity for asynchronous procedure calls: the Java form of {@code WSATHREADID}.
 *
 * <p>Obtained from {@link Upcall#openCurrentThread()} (or passed by ws2.core to an overlapped
 * {@code WSP*} call: the thread that started it); {@link Upcall#queueApc} queues work to it, which
 * runs only when that thread next enters an alertable wait. Closed with {@link Upcall#closeThread}.
 */
@ProviderType
public interface ThreadId {
    /**
     * Returns the Java thread it names.
     *
     * @return the thread's {@link Thread#getId() id}
     */
    long threadId();
}
