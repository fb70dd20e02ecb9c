package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An event object: the Java form of {@code WSAEVENT}, created by {@code WPUCreateEvent} (or, for
 * clients, {@code WSACreateEvent}). Manual-reset, initially non-signalled, as on Windows.
 *
 * <p>An event handle is only valid in the client context that created it; ws2.core issues it from
 * its handle table and checks the owner on every client call.
 */
@ProviderType
public interface EventHandle {
    /**
     * Returns the numeric handle value.
     *
     * @return the {@code WSAEVENT} value
     */
    long value();
}
