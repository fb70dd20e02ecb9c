package ws2.spi.transport;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.Qos;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.upcall.ThreadId;

/**
 * A started provider's dispatch table: the Java form of {@code WSPPROC_TABLE}, one method per
 * {@code WSP*} function (all but {@code WSPStartup}, which returns it).
 *
 * <p>ws2.core caches the dispatch of a socket's top provider in the socket, so every call on the
 * data path is one interface call with no lookup. Sockets are the {@link SocketHandle}s the provider
 * obtained from {@code WPUModifyIFSHandle} or {@code WPUCreateSocketHandle}; a provider finds its
 * own per-socket state through {@link SocketHandle#ifsHandle()} (IFS) or
 * {@code WPUQuerySocketHandleContext} (non-IFS).
 *
 * <h2>Errors</h2>
 * Every failure is a {@link WsaException} with the code the Winsock SPI documents for that function.
 * "Would block" is {@link WsaException#wouldBlock()}; an overlapped operation that will complete
 * later throws {@link WsaException#ioPending()}. Overlapped arguments ({@code overlapped},
 * {@code routine}, {@code thread}) are null for a synchronous call.
 *
 * <h2>Threads</h2>
 * Implementations are thread-safe: ws2.core calls them from application threads, concurrently for
 * different sockets and, as Winsock allows, for the same socket.
 */
@ConsumerType
public interface WspDispatch {
    /**
     * Returns the {@code WSPDATA} of the startup that made this dispatch.
     *
     * @return negotiated version, highest version and description
     */
    WsaData data();

    /**
     * {@code WSPAccept}: takes the first pending connection, after the condition function agrees.
     *
     * @param s a listening socket
     * @param condition the condition function, or null to accept
     * @return the new socket's handle
     * @throws WsaException {@code WSAEINVAL} if not listening, {@code WSAEWOULDBLOCK},
     *         {@code WSAECONNREFUSED} (rejected), {@code WSATRY_AGAIN} (deferred)
     */
    SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException;

    /**
     * {@code AcceptEx} (the Microsoft extension reached through
     * {@code SIO_GET_EXTENSION_FUNCTION_POINTER} on Windows): accepts the next connection of
     * {@code listener} into {@code accept}, a fresh socket of this provider, as an overlapped
     * operation. Completion as for {@link #recv(SocketHandle, ByteBuffer[], int, Overlapped,
     * CompletionRoutine, ThreadId)}, with 0 bytes.
     *
     * @param listener a listening socket
     * @param accept an unbound, unconnected socket of the same entry
     * @param overlapped the operation
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return 0 when accepted at once (completion already indicated)
     * @throws WsaException {@code WSA_IO_PENDING}, {@code WSAEINVAL}; the default refuses with
     *         {@code WSAEOPNOTSUPP}
     */
    default int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this provider has no overlapped accept (AcceptEx)");
    }

    /**
     * {@code ConnectEx}: connects a stream socket as an overlapped operation, completing with 0 bytes.
     *
     * @param s the socket
     * @param name the peer
     * @param overlapped the operation
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return 0 when connected at once (completion already indicated)
     * @throws WsaException {@code WSA_IO_PENDING}, {@code WSAEISCONN}, {@code WSAEALREADY}; the
     *         default refuses with {@code WSAEOPNOTSUPP}
     */
    default int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this provider has no overlapped connect (ConnectEx)");
    }

    /**
     * {@code CancelIoEx} on a socket: completes one pending overlapped operation, or all of them, with
     * {@code WSA_OPERATION_ABORTED} through their usual completion mechanism.
     *
     * @param s the socket
     * @param overlapped the operation, or null for every pending operation of the socket
     * @return how many were cancelled
     * @throws WsaException the default refuses with {@code WSAEOPNOTSUPP}
     */
    default int cancelIo(SocketHandle s, Overlapped overlapped) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "this provider cannot cancel overlapped operations");
    }

    /**
     * {@code WSPAddressToString}: formats an address of this provider's family.
     *
     * @param address the address
     * @param info the catalog entry translating it
     * @return the numeric text
     * @throws WsaException {@code WSAEINVAL} for an address this provider does not know
     */
    String addressToString(SockAddr address, ProtocolInfo info) throws WsaException;

    /**
     * {@code WSPAsyncSelect}: posts network events on the socket to a window with
     * {@code WPUPostMessage}; makes the socket non-blocking. {@code events == 0} cancels.
     *
     * @param s the socket
     * @param window the window
     * @param message the message number
     * @param events {@code FD_*} bits
     * @throws WsaException {@code WSAEINVAL} for bad arguments
     */
    void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException;

    /**
     * {@code WSPBind}.
     *
     * @param s the socket
     * @param name the local address, of the socket's family
     * @throws WsaException {@code WSAEADDRINUSE}, {@code WSAEADDRNOTAVAIL}, {@code WSAEFAULT} (other
     *         family), {@code WSAEINVAL} (already bound)
     */
    void bind(SocketHandle s, SockAddr name) throws WsaException;

    /**
     * {@code WSPCancelBlockingCall}: makes the calling thread's outstanding blocking call on this
     * provider fail with {@code WSAEINTR}.
     *
     * <p>As in Winsock 1.1, where the blocking hook ran on the blocked thread, ws2.core calls it on
     * the blocked thread itself: a client's {@code WSACancelBlockingCall(thread)} marks the thread
     * and interrupts it; the provider's wait wakes, asks the {@code BlockingCallback} from
     * {@code WPUQueryBlockingCallback} whether to keep waiting, and the callback calls this method
     * before answering false. A cancelled accept or select leaves its sockets intact.
     *
     * @throws WsaException {@code WSAEINVAL} if no blocking call is outstanding
     */
    void cancelBlockingCall() throws WsaException;

    /**
     * {@code WSPCleanup}: balances one {@code WSPStartup}; the last one closes every socket this
     * dispatch still has, abortively, without notifications.
     *
     * @throws WsaException {@code WSANOTINITIALISED} if there is no matching startup
     */
    void cleanup() throws WsaException;

    /**
     * {@code WSPCloseSocket}: closes the socket honouring {@code SO_LINGER}; pending overlapped
     * operations complete with {@code WSA_OPERATION_ABORTED}.
     *
     * @param s the socket
     * @throws WsaException {@code WSAENOTSOCK}, {@code WSAEWOULDBLOCK} (non-blocking lingering close)
     */
    void closeSocket(SocketHandle s) throws WsaException;

    /**
     * {@code WSPConnect}.
     *
     * @param s the socket
     * @param name the peer
     * @param data connect data and QOS, or null
     * @throws WsaException {@code WSAECONNREFUSED}, {@code WSAEISCONN}, {@code WSAEWOULDBLOCK},
     *         {@code WSAEALREADY}, {@code WSAEADDRNOTAVAIL}, {@code WSAETIMEDOUT}, ...
     */
    void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException;

    /**
     * {@code WSPDuplicateSocket}: makes a protocol info another client context passes to
     * {@code WSPSocket} to open the same underlying socket.
     *
     * @param s the socket
     * @param processId the target context's {@code processId}
     * @return the single-use protocol info
     * @throws WsaException {@code WSAEINVAL} for an unknown context
     */
    ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException;

    /**
     * {@code WSPEnumNetworkEvents}: reports and clears the recorded network events, resetting the
     * event object if given, atomically.
     *
     * @param s the socket
     * @param event the event to reset, or null
     * @return the events and their error codes
     * @throws WsaException {@code WSAEINVAL}, {@code WSAENOTSOCK}
     */
    NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException;

    /**
     * {@code WSPEventSelect}: records network events and signals the event object; makes the
     * socket non-blocking. {@code events == 0} cancels.
     *
     * @param s the socket
     * @param event the event object
     * @param events {@code FD_*} bits
     * @throws WsaException {@code WSAEINVAL}
     */
    void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException;

    /**
     * {@code WSPGetOverlappedResult}: the outcome of an overlapped operation. The default follows
     * the SPI's recommended protocol on the {@link Overlapped} state ({@code Internal},
     * {@code InternalHigh}, {@code Offset}, {@code OffsetHigh}), waiting for any completion
     * mechanism, not only events.
     *
     * @param s the socket
     * @param overlapped the operation
     * @param wait whether to wait for it
     * @return bytes transferred; the result flags are in {@link Overlapped#flags()}
     * @throws WsaException {@code WSA_IO_INCOMPLETE} if not complete and not waiting, the
     *         operation's own error, {@code WSAEINTR} if the wait is interrupted
     */
    default int getOverlappedResult(SocketHandle s, Overlapped overlapped, boolean wait) throws WsaException {
        try {
            if (!overlapped.isComplete() && !(wait && overlapped.await(-1))) {
                throw new WsaException(WsaError.WSA_IO_INCOMPLETE, "the overlapped operation on socket " + s.value()
                        + " has not completed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, "the wait for an overlapped result was interrupted");
        }
        if (overlapped.error() != 0) {
            throw new WsaException(WsaError.of(overlapped.error()), "the overlapped operation on socket " + s.value()
                    + " failed");
        }
        return overlapped.transferred();
    }

    /**
     * {@code WSPGetPeerName}.
     *
     * @param s a connected socket
     * @return the peer's address
     * @throws WsaException {@code WSAENOTCONN}
     */
    SockAddr getPeerName(SocketHandle s) throws WsaException;

    /**
     * {@code WSPGetSockName}.
     *
     * @param s a bound socket
     * @return the local address
     * @throws WsaException {@code WSAEINVAL} if not bound
     */
    SockAddr getSockName(SocketHandle s) throws WsaException;

    /**
     * {@code WSPGetSockOpt}; providers recognise every {@code SOL_SOCKET} option and return
     * plausible values.
     *
     * @param <T> the value type
     * @param s the socket
     * @param option the option
     * @return its value
     * @throws WsaException {@code WSAENOPROTOOPT} for an unknown option or level
     */
    <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException;

    /**
     * {@code WSPGetQOSByName}: a named QOS template.
     *
     * @param s the socket
     * @param name the template name
     * @return the template
     * @throws WsaException {@code WSAEINVAL} for an unknown name
     */
    Qos getQosByName(SocketHandle s, String name) throws WsaException;

    /**
     * {@code WSPIoctl}. The provider reads {@code in} from its position without moving it, and
     * writes {@code out} at its position, advancing it; callers read a result with
     * {@code out.getInt(start)}.
     *
     * @param s the socket
     * @param code the control code
     * @param in input data, or null
     * @param out where output goes, or null
     * @param overlapped the operation, or null
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return bytes written to {@code out}
     * @throws WsaException {@code WSAEINVAL} (unknown code), {@code WSAENOPROTOOPT} (unsupported
     *         optional code), {@code WSAEFAULT} (buffer too small)
     */
    int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException;

    /**
     * {@code WSPJoinLeaf}: joins a leaf to a multipoint session.
     *
     * @param s a multipoint socket
     * @param name the session or leaf address
     * @param data connect data and QOS, or null
     * @param flags {@code JL_SENDER_ONLY}, {@code JL_RECEIVER_ONLY} or {@code JL_BOTH}
     * @return the leaf socket
     * @throws WsaException {@code WSAEOPNOTSUPP} if the socket is not multipoint
     */
    SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException;

    /**
     * {@code WSPListen}.
     *
     * @param s a bound stream socket
     * @param backlog queue length, clamped to what the provider supports
     * @throws WsaException {@code WSAEINVAL} (not bound), {@code WSAEISCONN}, {@code WSAEOPNOTSUPP}
     */
    void listen(SocketHandle s, int backlog) throws WsaException;

    /**
     * {@code WSPRecv}: receives into the buffers in order, advancing their positions.
     *
     * @param s a connected socket
     * @param buffers where the data goes
     * @param flags {@code MSG_*} flags
     * @param overlapped the operation, or null for a synchronous receive
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return bytes received, 0 after a graceful close of a stream
     * @throws WsaException {@code WSAEWOULDBLOCK}, {@code WSA_IO_PENDING}, {@code WSAECONNRESET},
     *         {@code WSAENOTCONN}, {@code WSAESHUTDOWN}, {@code WSAEMSGSIZE}, ...
     */
    int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException;

    /**
     * The synchronous single-buffer {@code WSPRecv} of the data path. Providers override it to
     * avoid wrapping the buffer in an array.
     *
     * @param s a connected socket
     * @param buffer where the data goes
     * @param flags {@code MSG_*} flags
     * @return bytes received, 0 after a graceful close of a stream
     * @throws WsaException as {@link #recv(SocketHandle, ByteBuffer[], int, Overlapped, CompletionRoutine, ThreadId)}
     */
    default int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        return recv(s, new ByteBuffer[] {buffer}, flags, null, null, null);
    }

    /**
     * {@code WSPRecvDisconnect}: stops receiving and fetches the peer's disconnect data.
     *
     * @param s the socket
     * @param inboundData where disconnect data goes, or null
     * @throws WsaException {@code WSAENOTCONN}, {@code WSAENOPROTOOPT} (disconnect data unsupported)
     */
    void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException;

    /**
     * {@code WSPRecvFrom}: receives a datagram and its sender.
     *
     * @param s the socket
     * @param buffers where the data goes
     * @param flags {@code MSG_*} flags
     * @param overlapped the operation, or null for a synchronous receive
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return bytes, flags and sender
     * @throws WsaException {@code WSAEWOULDBLOCK}, {@code WSAEINVAL} (not bound), {@code WSAEMSGSIZE}, ...
     */
    Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException;

    /**
     * {@code WSPSelect}: readiness of this provider's sockets; reduces the sets to the ready ones.
     *
     * @param read sockets tested for reading, or null
     * @param write sockets tested for writing, or null
     * @param except sockets tested for exceptions, or null
     * @param timeout null to block, zero to poll
     * @return ready sockets in all sets
     * @throws WsaException {@code WSAEINVAL} (no socket), {@code WSAENOTSOCK}, {@code WSAEINTR}
     */
    int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException;

    /**
     * {@code WSPSend}: sends from the buffers in order, advancing their positions.
     *
     * @param s a connected socket
     * @param buffers the data
     * @param flags {@code MSG_*} flags
     * @param overlapped the operation, or null for a synchronous send
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return bytes sent; a blocking stream send sends everything
     * @throws WsaException {@code WSAEWOULDBLOCK}, {@code WSA_IO_PENDING}, {@code WSAENOTCONN},
     *         {@code WSAESHUTDOWN}, {@code WSAECONNRESET}, {@code WSAEMSGSIZE}, ...
     */
    int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException;

    /**
     * The synchronous single-buffer {@code WSPSend} of the data path. Providers override it to
     * avoid wrapping the buffer in an array.
     *
     * @param s a connected socket
     * @param buffer the data
     * @param flags {@code MSG_*} flags
     * @return bytes sent
     * @throws WsaException as {@link #send(SocketHandle, ByteBuffer[], int, Overlapped, CompletionRoutine, ThreadId)}
     */
    default int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        return send(s, new ByteBuffer[] {buffer}, flags, null, null, null);
    }

    /**
     * {@code WSPSendDisconnect}: starts a graceful shutdown, with disconnect data.
     *
     * @param s the socket
     * @param outboundData disconnect data, or null
     * @throws WsaException {@code WSAENOTCONN}, {@code WSAENOPROTOOPT} (disconnect data unsupported)
     */
    void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException;

    /**
     * {@code WSPSendTo}: sends a datagram.
     *
     * @param s the socket
     * @param buffers the datagram
     * @param flags {@code MSG_*} flags
     * @param to the destination, or null for the connected peer
     * @param overlapped the operation, or null for a synchronous send
     * @param routine completion routine, or null
     * @param thread the thread to run the routine on, or null
     * @return bytes sent
     * @throws WsaException {@code WSAEMSGSIZE}, {@code WSAEDESTADDRREQ}, {@code WSAEACCES} (broadcast), ...
     */
    int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException;

    /**
     * {@code WSPSetSockOpt}.
     *
     * @param <T> the value type
     * @param s the socket
     * @param option the option
     * @param value the value
     * @throws WsaException {@code WSAENOPROTOOPT} (unknown), {@code WSAEINVAL} (read-only or bad value)
     */
    <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException;

    /**
     * {@code WSPShutdown}.
     *
     * @param s the socket
     * @param how {@code SD_RECEIVE}, {@code SD_SEND} or {@code SD_BOTH}
     * @throws WsaException {@code WSAEINVAL} (bad {@code how}), {@code WSAENOTCONN}
     */
    void shutdown(SocketHandle s, int how) throws WsaException;

    /**
     * {@code WSPSocket}: creates a socket and its handle ({@code WPUModifyIFSHandle} or
     * {@code WPUCreateSocketHandle}). Wildcards (0) and {@code FROM_PROTOCOL_INFO} must be accepted
     * for {@code af} and {@code type}, and {@code FROM_PROTOCOL_INFO} for {@code protocol}.
     *
     * @param af address family
     * @param type socket type
     * @param protocol protocol
     * @param info the catalog entry chosen for the socket, or a duplicated-socket info
     * @param group socket group (reserved)
     * @param flags {@code WSA_FLAG_*} bits
     * @return the socket's handle
     * @throws WsaException {@code WSAEAFNOSUPPORT}, {@code WSAESOCKTNOSUPPORT}, {@code WSAEPROTONOSUPPORT},
     *         {@code WSAEMFILE}, {@code WSAENOBUFS}, {@code WSAEINVAL}
     */
    SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags) throws WsaException;

    /**
     * {@code WSPStringToAddress}: parses a numeric address; missing parts default.
     *
     * @param address the text
     * @param af the family
     * @param info the catalog entry translating it
     * @return the address
     * @throws WsaException {@code WSAEINVAL} if the text is not an address of that family
     */
    SockAddr stringToAddress(String address, int af, ProtocolInfo info) throws WsaException;
}
