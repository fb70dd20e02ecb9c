package ws2.spi.upcall;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WsaException;

/**
 * The upcall table ws2.core gives providers ({@code WSPUPCALLTABLE}), plus
 * {@code WPUCompleteOverlappedRequest}: every {@code WPU*} function.
 *
 * <p>Implemented by ws2.core, one instance per provider bundle; a provider receives it in
 * {@code WSPStartup} and must pass the same instance, unchanged, to the next layer of a chain.
 * Thread-safe; every method may be called from any thread.
 */
@ProviderType
public interface Upcall {
    /**
     * {@code WPUCloseEvent}: closes an event object.
     *
     * @param event the event
     * @throws WsaException {@code WSA_INVALID_HANDLE} if it is not an open event
     */
    void closeEvent(EventHandle event) throws WsaException;

    /**
     * {@code WPUCloseSocketHandle}: removes a handle made by {@link #createSocketHandle} from the
     * handle table. A non-IFS provider calls it from {@code WSPCloseSocket}; it releases its own
     * resources itself.
     *
     * @param s the handle
     * @throws WsaException {@code WSAENOTSOCK} if it is not an open handle of {@link #createSocketHandle}
     */
    void closeSocketHandle(SocketHandle s) throws WsaException;

    /**
     * {@code WPUCloseThread}: releases a thread identity from {@link #openCurrentThread()}.
     *
     * @param thread the identity
     * @throws WsaException {@code WSAEINVAL} if it was not opened or is already closed
     */
    void closeThread(ThreadId thread) throws WsaException;

    /**
     * {@code WPUCompleteOverlappedRequest}: completes an overlapped operation that has no completion
     * routine: records the outcome in {@code overlapped}, signals its event and queues a packet to
     * the completion port the socket is associated with, if any.
     *
     * <p>On Windows only non-IFS handles go through this call, because the kernel completes IFS
     * handles itself; the JVM has no such kernel, so ws2 accepts both kinds of handle here.
     * Operations with a completion routine are completed by the provider with {@link #queueApc}.
     *
     * @param s the socket the operation was started on
     * @param overlapped the operation
     * @param error 0 on success, else the {@code WSAE*} code ({@code OffsetHigh})
     * @param transferred bytes transferred ({@code InternalHigh})
     * @param flags result flags ({@code Offset}), for example {@code MSG_PARTIAL}
     * @throws WsaException {@code WSAEINVAL} if {@code s} is not an open socket handle
     */
    void completeOverlappedRequest(SocketHandle s, Overlapped overlapped, int error, int transferred, int flags)
            throws WsaException;

    /**
     * {@code WPUCompleteOverlappedRequest} with no result flags.
     *
     * @param s the socket the operation was started on
     * @param overlapped the operation
     * @param error 0 on success, else the {@code WSAE*} code
     * @param transferred bytes transferred
     * @throws WsaException {@code WSAEINVAL} if {@code s} is not an open socket handle
     */
    default void completeOverlappedRequest(SocketHandle s, Overlapped overlapped, int error, int transferred)
            throws WsaException {
        completeOverlappedRequest(s, overlapped, error, transferred, 0);
    }

    /**
     * {@code WPUCreateEvent}: creates a manual-reset event, not signalled, owned by the provider's
     * own client context.
     *
     * @return the event
     * @throws WsaException {@code WSA_NOT_ENOUGH_MEMORY} when the handle table is full
     */
    EventHandle createEvent() throws WsaException;

    /**
     * {@code WPUCreateSocketHandle}: gives a non-IFS provider a new socket handle carrying its
     * context value.
     *
     * @param catalogEntryId the provider's catalog entry the socket belongs to
     * @param context the provider's per-socket state, returned by {@link #querySocketHandleContext}
     * @return the new handle
     * @throws WsaException {@code WSAENOBUFS} when the handle table is full, {@code WSAEINVAL} for an
     *         unknown catalog entry
     */
    SocketHandle createSocketHandle(int catalogEntryId, Object context) throws WsaException;

    /**
     * {@code WPUFDIsSet}: tests whether a socket is in a set.
     *
     * @param s the socket
     * @param set the set
     * @return true if it is a member
     */
    boolean fdIsSet(SocketHandle s, FdSet set);

    /**
     * {@code WPUGetProviderPath}: where a provider is installed: the location of the bundle that
     * declares it, as a layered provider needs to find the next layer.
     *
     * @param providerId the provider GUID
     * @return the path
     * @throws WsaException {@code WSAEINVAL} if the provider is not installed
     */
    String getProviderPath(UUID providerId) throws WsaException;

    /**
     * {@code WPUModifyIFSHandle}: registers a new IFS socket and returns the handle the provider
     * must hand out and use from then on.
     *
     * @param catalogEntryId the provider's catalog entry the socket belongs to
     * @param proposed the socket's IFS handle (its channel)
     * @return the handle; its {@link SocketHandle#ifsHandle()} is {@code proposed}
     * @throws WsaException {@code WSAEINVAL} if {@code proposed} is null or the entry unknown
     */
    SocketHandle modifyIfsHandle(int catalogEntryId, IfsHandle proposed) throws WsaException;

    /**
     * {@code WPUOpenCurrentThread}: an identity of the calling thread, for queueing APCs to it.
     * Every call must be balanced by {@link #closeThread}.
     *
     * @return the identity
     */
    ThreadId openCurrentThread();

    /**
     * {@code WPUPostMessage}: posts a message to a window's queue, as {@code WSPAsyncSelect}
     * notifications are delivered.
     *
     * @param window the window
     * @param message the message number
     * @param wParam first parameter (the socket, for network events)
     * @param lParam second parameter (event and error, for network events)
     * @return false if the window does not exist or is destroyed
     */
    boolean postMessage(WindowHandle window, int message, long wParam, long lParam);

    /**
     * {@code WPUQueryBlockingCallback}: the hook a provider calls while a blocking operation on the
     * calling thread waits, and whenever that wait is interrupted: it answers false once a client
     * cancelled the thread's blocking call, after calling the provider's
     * {@code WSPCancelBlockingCall} on this thread.
     *
     * @param catalogEntryId the provider's catalog entry
     * @return the callback of the calling thread
     * @throws WsaException {@code WSAEINVAL} for an unknown catalog entry
     */
    BlockingCallback queryBlockingCallback(int catalogEntryId) throws WsaException;

    /**
     * {@code WPUQuerySocketHandleContext}: the context value given to {@link #createSocketHandle}.
     *
     * @param s the handle
     * @return the context
     * @throws WsaException {@code WSAENOTSOCK} if {@code s} is closed, unknown, or an IFS handle
     */
    Object querySocketHandleContext(SocketHandle s) throws WsaException;

    /**
     * {@code WPUQueueApc}: queues a call to a thread; it runs when that thread next waits alertably.
     *
     * @param thread the target thread
     * @param apc the call
     * @param context the value passed to it
     * @throws WsaException {@code WSAEFAULT} if the thread identity is closed or invalid
     */
    void queueApc(ThreadId thread, Apc apc, Object context) throws WsaException;

    /**
     * {@code WPUResetEvent}: makes an event non-signalled.
     *
     * @param event the event
     * @throws WsaException {@code WSA_INVALID_HANDLE} if it is not an open event
     */
    void resetEvent(EventHandle event) throws WsaException;

    /**
     * {@code WPUSetEvent}: signals an event and wakes its waiters.
     *
     * @param event the event
     * @throws WsaException {@code WSA_INVALID_HANDLE} if it is not an open event
     */
    void setEvent(EventHandle event) throws WsaException;
}
