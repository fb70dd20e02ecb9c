package ws2.spi.upcall;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The blocking hook a provider calls while a blocking operation waits ({@code LPBLOCKINGCALLBACK},
 * obtained from {@link Upcall#queryBlockingCallback}).
 */
@ConsumerType
@FunctionalInterface
public interface BlockingCallback {
    /**
     * Lets the client run its blocking hook and tells whether to keep waiting.
     *
     * @return true to keep waiting; false when the call was cancelled with
     *         {@code WSPCancelBlockingCall}, in which case the provider fails it with {@code WSAEINTR}
     */
    boolean keepWaiting();
}
