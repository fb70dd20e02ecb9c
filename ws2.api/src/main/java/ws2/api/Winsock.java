package ws2.api;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import ws2.catalog.ProtocolInfo;

/**
 * The Windows Sockets 2 client API of one client context: the Java form of the {@code ws2_32}
 * functions an application calls ({@code WSAStartup}, {@code socket}, {@code send}, ...).
 *
 * <h2>Client contexts</h2>
 * A client context plays the part of a Windows process. Each bundle that gets this service gets its
 * own context (the service is bundle-scoped); code that is not a bundle opens one with
 * {@link WinsockFactory#open(String)}. Handles ({@link SocketHandle}) belong to the context that
 * created them: passed to another context they are refused with {@link WsaError#WSAENOTSOCK}.
 *
 * <h2>Lifecycle</h2>
 * Every call but {@link #startup} fails with {@link WsaError#WSANOTINITIALISED} until the context
 * has started. {@code startup} and {@link #cleanup} are reference-counted; the last cleanup closes
 * the context's sockets and cleans up the providers it started. {@link #close()} ends the context at
 * once, as a process that exits without {@code WSACleanup}.
 *
 * <h2>Threads</h2>
 * Thread-safe. Blocking calls block the calling thread; a socket is blocking until {@code FIONBIO}
 * makes it non-blocking, after which a call that cannot complete throws
 * {@link WsaException#wouldBlock()}. Every failure is a {@link WsaException} with a {@code WSAE*}
 * code.
 */
@ProviderType
public interface Winsock extends AutoCloseable {
    /** Windows Sockets version 2.2 as a version word ({@code MAKEWORD(2,2)}). */
    int VERSION_2_2 = 0x0202;
    /** Backlog meaning "a reasonable maximum" ({@code SOMAXCONN}). */
    int SOMAXCONN = 0x7FFFFFFF;
    /** {@link #waitForMultipleEvents} result for the first event; event {@code i} gives {@code i}. */
    int WSA_WAIT_EVENT_0 = 0;
    /** {@link #waitForMultipleEvents} result when queued completion routines (APCs) ran. */
    int WSA_WAIT_IO_COMPLETION = 0xC0;
    /** {@link #waitForMultipleEvents} result when the time ran out. */
    int WSA_WAIT_TIMEOUT = 0x102;
    /** Most events one {@link #waitForMultipleEvents} takes ({@code WSA_MAXIMUM_WAIT_EVENTS}). */
    int WSA_MAXIMUM_WAIT_EVENTS = 64;

    /**
     * Returns the identity of this client context, as {@code GetCurrentProcessId} would; it is the
     * {@code dwProcessId} target of {@code WSPDuplicateSocket}.
     *
     * @return a number unique among live contexts
     */
    int processId();

    /**
     * Returns the context's name: the symbolic name of its bundle, or the name given to
     * {@link WinsockFactory#open(String)}. Application categories are looked up by it.
     *
     * @return the name
     */
    String name();

    /**
     * {@code WSAStartup}: starts using Windows Sockets in this context.
     *
     * @param versionRequested highest version the caller supports, as {@link WsaData#makeWord}
     * @return the negotiated version and a description
     * @throws WsaException {@link WsaError#WSAVERNOTSUPPORTED} if the version is below 1.0
     */
    WsaData startup(int versionRequested) throws WsaException;

    /**
     * {@code WSACleanup}: ends one {@link #startup}; the last one closes every socket of the context
     * and calls {@code WSPCleanup} on each provider it started.
     *
     * @throws WsaException {@link WsaError#WSANOTINITIALISED} if there is no matching startup
     */
    void cleanup() throws WsaException;

    /**
     * {@code WSAEnumProtocols}: lists the catalog entries an application can use (base entries and
     * chains without {@code PFL_HIDDEN}), in catalog order, from the view of this context.
     *
     * @param protocols if not empty, only entries whose protocol is one of these
     * @return the entries
     * @throws WsaException {@link WsaError#WSANOTINITIALISED}
     */
    List<ProtocolInfo> enumProtocols(int... protocols) throws WsaException;

    /**
     * {@code socket}: creates a socket on the first catalog entry that matches the triple. Overlapped
     * I/O is enabled, as {@code socket()} always does.
     *
     * @param af address family, 0 is a wildcard
     * @param type socket type, 0 is a wildcard
     * @param protocol protocol; 0 matches only entries with {@code PFL_MATCHES_PROTOCOL_ZERO}
     * @return the socket
     * @throws WsaException {@link WsaError#WSAEAFNOSUPPORT}, {@link WsaError#WSAESOCKTNOSUPPORT} or
     *         {@link WsaError#WSAEPROTONOSUPPORT} when nothing matches; {@link WsaError#WSAEPROVIDERFAILEDINIT}
     *         when the matching entry's provider is absent or fails to start
     */
    SocketHandle socket(int af, int type, int protocol) throws WsaException;

    /**
     * {@code WSASocket}: creates a socket, on the given catalog entry when {@code info} is not null
     * (no matching then), otherwise on the first match of the triple.
     *
     * @param af address family, or {@code FROM_PROTOCOL_INFO} (-1)
     * @param type socket type, or {@code FROM_PROTOCOL_INFO}
     * @param protocol protocol, or {@code FROM_PROTOCOL_INFO}
     * @param info an entry from {@link #enumProtocols}, or null
     * @param group socket group, {@link SocketFlags#SG_NONE}
     * @param flags {@code WSA_FLAG_*} bits
     * @return the socket
     * @throws WsaException as {@link #socket(int, int, int)}, and {@link WsaError#WSAEINVALIDPROVIDER}
     *         when {@code info} names no entry of the catalog
     */
    SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags) throws WsaException;

    /**
     * Finds an open socket of this context by its numeric value.
     *
     * @param value a {@link SocketHandle#value()}
     * @return the handle
     * @throws WsaException {@link WsaError#WSAENOTSOCK} if no open socket of this context has that value
     */
    SocketHandle handle(long value) throws WsaException;

    /**
     * {@code bind}: gives the socket a local address.
     *
     * @param s the socket
     * @param name the local address; port 0 lets the provider choose
     * @throws WsaException for example {@link WsaError#WSAEADDRINUSE}, {@link WsaError#WSAEINVAL} if already bound
     */
    void bind(SocketHandle s, SockAddr name) throws WsaException;

    /**
     * {@code listen}: makes a bound stream socket accept connections.
     *
     * @param s the socket
     * @param backlog pending connections to queue; {@link #SOMAXCONN} for a reasonable maximum
     * @throws WsaException for example {@link WsaError#WSAEINVAL} if not bound, {@link WsaError#WSAEOPNOTSUPP}
     */
    void listen(SocketHandle s, int backlog) throws WsaException;

    /**
     * {@code accept}: takes the first pending connection.
     *
     * @param s a listening socket
     * @return the connected socket, with the listener's properties
     * @throws WsaException for example {@link WsaError#WSAEWOULDBLOCK} when non-blocking and none waits
     */
    SocketHandle accept(SocketHandle s) throws WsaException;

    /**
     * {@code WSAAccept}: takes the first pending connection if the condition function accepts it.
     *
     * @param s a listening socket
     * @param condition the condition function, or null to accept
     * @return the connected socket
     * @throws WsaException {@link WsaError#WSAECONNREFUSED} when rejected, {@link WsaError#WSATRY_AGAIN}
     *         when deferred
     */
    SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException;

    /**
     * {@code connect}: connects a stream socket, or sets the default peer of a datagram socket.
     *
     * @param s the socket
     * @param name the peer
     * @throws WsaException for example {@link WsaError#WSAECONNREFUSED}, {@link WsaError#WSAEISCONN}
     */
    void connect(SocketHandle s, SockAddr name) throws WsaException;

    /**
     * {@code WSAConnect}: connects with connect data and quality of service.
     *
     * @param s the socket
     * @param name the peer
     * @param data caller and callee data and QOS, or null
     * @throws WsaException as {@link #connect(SocketHandle, SockAddr)}
     */
    void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException;

    /**
     * {@code send}: sends from the buffer's position to its limit, advancing the position.
     *
     * @param s a connected socket
     * @param buffer the data
     * @param flags {@code MSG_*} flags
     * @return bytes sent; a blocking stream socket sends everything
     * @throws WsaException for example {@link WsaError#WSAENOTCONN}, {@link WsaError#WSAECONNRESET}
     */
    int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException;

    /**
     * {@code WSASend} without overlapped I/O: gathers from several buffers.
     *
     * @param s a connected socket
     * @param buffers the data, sent in order
     * @param flags {@code MSG_*} flags
     * @return bytes sent
     * @throws WsaException as {@link #send(SocketHandle, ByteBuffer, int)}
     */
    int send(SocketHandle s, ByteBuffer[] buffers, int flags) throws WsaException;

    /**
     * {@code recv}: receives into the buffer from its position, advancing it.
     *
     * @param s a connected socket
     * @param buffer where the data goes
     * @param flags {@code MSG_*} flags
     * @return bytes received; 0 when the peer closed the connection gracefully
     * @throws WsaException for example {@link WsaError#WSAECONNRESET}, {@link WsaError#WSAEWOULDBLOCK}
     */
    int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException;

    /**
     * {@code WSARecv} without overlapped I/O: scatters into several buffers.
     *
     * @param s a connected socket
     * @param buffers where the data goes, filled in order
     * @param flags {@code MSG_*} flags
     * @return bytes received; 0 when the peer closed the connection gracefully
     * @throws WsaException as {@link #recv(SocketHandle, ByteBuffer, int)}
     */
    int recv(SocketHandle s, ByteBuffer[] buffers, int flags) throws WsaException;

    /**
     * {@code sendto}: sends a datagram to an address.
     *
     * @param s the socket
     * @param buffer the datagram
     * @param flags {@code MSG_*} flags
     * @param to the destination, or null for the connected peer
     * @return bytes sent
     * @throws WsaException for example {@link WsaError#WSAEMSGSIZE}, {@link WsaError#WSAEDESTADDRREQ}
     */
    int sendTo(SocketHandle s, ByteBuffer buffer, int flags, SockAddr to) throws WsaException;

    /**
     * {@code recvfrom}: receives a datagram and its sender.
     *
     * @param s the socket
     * @param buffer where the data goes; excess of a larger datagram is discarded
     * @param flags {@code MSG_*} flags
     * @return byte count, flags and sender
     * @throws WsaException for example {@link WsaError#WSAEWOULDBLOCK}, {@link WsaError#WSAEINVAL} if not bound
     */
    Received recvFrom(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException;

    /**
     * {@code shutdown}: disables sends, receives or both.
     *
     * @param s the socket
     * @param how {@link ShutdownHow#SD_RECEIVE}, {@link ShutdownHow#SD_SEND} or {@link ShutdownHow#SD_BOTH}
     * @throws WsaException for example {@link WsaError#WSAENOTCONN}
     */
    void shutdown(SocketHandle s, int how) throws WsaException;

    /**
     * {@code closesocket}: closes the socket; the handle is invalid afterwards.
     *
     * @param s the socket
     * @throws WsaException {@link WsaError#WSAENOTSOCK} if already closed or not of this context
     */
    void closeSocket(SocketHandle s) throws WsaException;

    /**
     * {@code getsockopt}.
     *
     * @param <T> the option's value type
     * @param s the socket
     * @param option the option
     * @return its value
     * @throws WsaException {@link WsaError#WSAENOPROTOOPT} if the provider does not know it
     */
    <T> T getSockOpt(SocketHandle s, SockOpt<T> option) throws WsaException;

    /**
     * {@code setsockopt}.
     *
     * @param <T> the option's value type
     * @param s the socket
     * @param option the option
     * @param value the new value
     * @throws WsaException {@link WsaError#WSAENOPROTOOPT} if the provider does not know it,
     *         {@link WsaError#WSAEINVAL} for an option that cannot be set
     */
    <T> void setSockOpt(SocketHandle s, SockOpt<T> option, T value) throws WsaException;

    /**
     * {@code ioctlsocket}: the {@code u_long} control codes.
     *
     * @param s the socket
     * @param command {@link IoctlCodes#FIONBIO}, {@link IoctlCodes#FIONREAD} or {@link IoctlCodes#SIOCATMARK}
     * @param argument the input value ({@code FIONBIO}: non-zero for non-blocking)
     * @return the output value ({@code FIONREAD}: bytes readable; {@code SIOCATMARK}: 1 if no OOB data
     *         waits), 0 for codes without output
     * @throws WsaException {@link WsaError#WSAEINVAL} for an unknown command
     */
    int ioctlSocket(SocketHandle s, int command, int argument) throws WsaException;

    /**
     * {@code WSAIoctl} without overlapped I/O.
     *
     * @param s the socket
     * @param code the control code
     * @param in input data, or null
     * @param out where output goes, or null
     * @return bytes written to {@code out} ({@code lpcbBytesReturned})
     * @throws WsaException {@link WsaError#WSAEINVAL} for an unknown code, {@link WsaError#WSAENOPROTOOPT}
     *         for an unsupported optional one
     */
    int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out) throws WsaException;

    /**
     * {@code getpeername}.
     *
     * @param s a connected socket
     * @return the peer's address
     * @throws WsaException {@link WsaError#WSAENOTCONN}
     */
    SockAddr getPeerName(SocketHandle s) throws WsaException;

    /**
     * {@code getsockname}.
     *
     * @param s a bound socket
     * @return the local address
     * @throws WsaException {@link WsaError#WSAEINVAL} if not bound
     */
    SockAddr getSockName(SocketHandle s) throws WsaException;

    /**
     * {@code WSAAddressToString}: formats an address, through the transport provider of {@code info}
     * or of the first catalog entry of the address's family.
     *
     * @param address the address
     * @param info the entry whose provider formats it, or null
     * @return for example {@code "127.0.0.1:7"} or {@code "[::1]:7"}
     * @throws WsaException {@link WsaError#WSAEINVAL} if no provider handles the family
     */
    String addressToString(SockAddr address, ProtocolInfo info) throws WsaException;

    /**
     * {@code WSAStringToAddress}: parses a numeric address; missing parts default (port 0).
     *
     * @param address for example {@code "127.0.0.1:7"}, {@code "[::1]:7"} or {@code "::1"}
     * @param family the family to parse for
     * @param info the entry whose provider parses it, or null
     * @return the address
     * @throws WsaException {@link WsaError#WSAEINVAL} if the text is not an address of that family
     */
    SockAddr stringToAddress(String address, int family, ProtocolInfo info) throws WsaException;

    /**
     * {@code select}: waits until sockets are readable, writable or have an exception; the sets are
     * reduced to the sockets that are. All sockets must belong to one provider, as on Windows.
     *
     * @param read sockets to test for readability, or null
     * @param write sockets to test for writability, or null
     * @param except sockets to test for exceptions, or null
     * @param timeout how long to wait; null waits for ever, zero polls
     * @return the number of ready sockets in all sets, 0 on timeout
     * @throws WsaException {@link WsaError#WSAEINVAL} if all sets are empty or the sockets belong to
     *         several providers
     */
    int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException;

    /**
     * {@code WSACreateEvent}: creates a manual-reset event object, not signalled, owned by this
     * context.
     *
     * @return the event
     * @throws WsaException {@link WsaError#WSA_NOT_ENOUGH_MEMORY} when no handle is free
     */
    EventHandle createEvent() throws WsaException;

    /**
     * {@code WSASetEvent}: signals an event of this context.
     *
     * @param event the event
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} if it is closed or of another context
     */
    void setEvent(EventHandle event) throws WsaException;

    /**
     * {@code WSAResetEvent}: makes an event of this context non-signalled.
     *
     * @param event the event
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} if it is closed or of another context
     */
    void resetEvent(EventHandle event) throws WsaException;

    /**
     * {@code WSACloseEvent}: closes an event of this context.
     *
     * @param event the event
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} if it is closed or of another context
     */
    void closeEvent(EventHandle event) throws WsaException;

    /**
     * {@code WSAWaitForMultipleEvents}: waits until one (or all) of the events is signalled, the
     * time runs out, or, when {@code alertable}, completion routines queued to this thread ran.
     *
     * @param events 1 to {@link #WSA_MAXIMUM_WAIT_EVENTS} events of this context
     * @param waitAll wait for all of them at once rather than any one
     * @param timeout how long; null waits for ever
     * @param alertable run this thread's queued APCs and return {@link #WSA_WAIT_IO_COMPLETION}
     * @return {@code WSA_WAIT_EVENT_0 + index} of a signalled event (the lowest), or
     *         {@link #WSA_WAIT_IO_COMPLETION}, or {@link #WSA_WAIT_TIMEOUT}
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} for an event that is closed or of
     *         another context, {@link WsaError#WSA_INVALID_PARAMETER} for no or too many events,
     *         {@link WsaError#WSAEINTR} if the thread is interrupted
     */
    int waitForMultipleEvents(EventHandle[] events, boolean waitAll, Duration timeout, boolean alertable)
            throws WsaException;

    /**
     * Ends this client context at once: closes its sockets and cleans up its providers, as when a
     * process exits without calling {@code WSACleanup}. Calls afterwards fail with
     * {@link WsaError#WSANOTINITIALISED} until the next {@link #startup}.
     */
    @Override
    void close();
}
