package ws2.provider.memory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.CompletionRoutine;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WsaException;
import ws2.spi.transport.OverlappedCompletion;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * One socket descriptor: the context value given to {@code WPUCreateSocketHandle} and found again
 * with {@code WPUQuerySocketHandleContext}. It ties a handle of one client context (its dispatch)
 * to the {@link Endpoint} it names; the descriptors made by {@code WSPDuplicateSocket} share one
 * endpoint.
 *
 * <p>Thread-safe: its fields are final or volatile.
 */
final class Descriptor {
    private static final Logger LOG = LoggerFactory.getLogger(Descriptor.class);

    /** The dispatch (client context) the handle belongs to. */
    final MemoryDispatch dispatch;
    /** The socket the handle names. */
    final Endpoint endpoint;
    private volatile SocketHandle handle;
    private volatile boolean closed;

    /**
     * Makes the descriptor of a handle about to be created.
     *
     * @param dispatch the dispatch creating it
     * @param endpoint the socket it names
     */
    Descriptor(MemoryDispatch dispatch, Endpoint endpoint) {
        this.dispatch = dispatch;
        this.endpoint = endpoint;
    }

    /**
     * Returns the handle {@code WPUCreateSocketHandle} made.
     *
     * @return the handle
     */
    SocketHandle handle() {
        return handle;
    }

    /**
     * Records the handle {@code WPUCreateSocketHandle} made.
     *
     * @param h the handle
     */
    void handle(SocketHandle h) {
        handle = h;
    }

    /**
     * Returns the upcalls of the handle's client context.
     *
     * @return the upcall table
     */
    Upcall upcall() {
        return dispatch.upcall();
    }

    /**
     * Returns the blocking support of the handle's dispatch.
     *
     * @return the blocking waits
     */
    Blocking blocking() {
        return dispatch.blocking();
    }

    /**
     * Tells whether {@code WSPCloseSocket} or {@code WSPCleanup} closed the handle.
     *
     * @return true once closed
     */
    boolean isClosed() {
        return closed;
    }

    /** Marks the handle closed: calls waiting on it end with {@code WSAEINTR}. */
    void markClosed() {
        closed = true;
    }

    /**
     * Names the socket in messages.
     *
     * @return for example {@code "socket 42"}
     */
    String describe() {
        SocketHandle h = handle;
        return h == null ? "a new socket" : "socket " + h.value();
    }

    /**
     * Indicates the completion of an overlapped operation started on this handle, by the mechanism
     * its caller chose. Called with no lock held; a failure to indicate is logged.
     *
     * @param overlapped the operation
     * @param routine its completion routine, or null
     * @param thread the thread to run the routine on
     * @param error 0 or the {@code WSAE*} code
     * @param transferred bytes transferred
     */
    void complete(Overlapped overlapped, CompletionRoutine routine, ThreadId thread, int error, int transferred) {
        try {
            OverlappedCompletion.indicate(upcall(), handle, overlapped, routine, thread, error, transferred, 0);
        } catch (WsaException | RuntimeException e) {
            LOG.warn("{}: indicating the completion of an overlapped operation failed: {}", describe(), e.toString());
        }
    }
}
