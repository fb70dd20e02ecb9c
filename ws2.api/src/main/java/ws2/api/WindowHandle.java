package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A message window: the Java stand-in for the {@code HWND} that {@code WSAAsyncSelect} posts
 * network events to through {@code WPUPostMessage}. Each window owns a message queue that its
 * client pumps.
 */
@ProviderType
public interface WindowHandle {
    /**
     * Returns the numeric handle value.
     *
     * @return the {@code HWND} value
     */
    long value();
}
