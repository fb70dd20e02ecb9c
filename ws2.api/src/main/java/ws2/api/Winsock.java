package ws2.api;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import ws2.catalog.NamespaceInfo;
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
    /**
     * {@link #setCompletionNotificationModes} flag {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}: an
     * overlapped operation that completes at once queues no packet to the completion port.
     */
    int FILE_SKIP_COMPLETION_PORT_ON_SUCCESS = 0x1;
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
     * {@code WSAProviderConfigChange}: an event object of this context that ws2 signals every time
     * the provider configuration changes (an entry installed, removed, updated, reordered, or made
     * available or unavailable by its provider). Wait on it with {@link #waitForMultipleEvents},
     * reset it, then enumerate again (a change may happen between enumerating and re-arming, so
     * always enumerate after resetting). Closing it with {@link #closeEvent} stops the notifications.
     *
     * @return the notification event, not signalled
     * @throws WsaException {@link WsaError#WSANOTINITIALISED}, {@link WsaError#WSA_NOT_ENOUGH_MEMORY}
     */
    EventHandle providerConfigChange() throws WsaException;

    // ---- asynchronous notification ---------------------------------------------------------

    /**
     * {@code WSAEventSelect}: records the network events in {@code events} ({@code FD_*} bits of
     * {@link NetworkEvents}) for the socket and signals {@code event} when one is recorded. Makes
     * the socket non-blocking, replaces any earlier event or async selection and clears the record;
     * {@code events == 0} cancels. Events that already hold (data waiting, a pending connection)
     * are recorded at once. After an event is recorded it is not recorded again until its
     * re-enabling call ({@code recv} for {@code FD_READ} and {@code FD_OOB}, {@code send} after
     * {@code WSAEWOULDBLOCK} for {@code FD_WRITE}, {@code accept} for {@code FD_ACCEPT}).
     *
     * @param s the socket
     * @param event an event of this context
     * @param events the {@code FD_*} bits to record, or 0
     * @throws WsaException {@link WsaError#WSAEINVAL} for unknown bits,
     *         {@link WsaError#WSA_INVALID_HANDLE} for an event of another context,
     *         {@link WsaError#WSAENOTSOCK}
     */
    void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException;

    /**
     * {@code WSAEnumNetworkEvents}: returns the events recorded since the last call with their error
     * codes, clears the record and resets {@code event} if given, atomically.
     *
     * @param s the socket
     * @param event the event to reset, or null
     * @return the recorded events
     * @throws WsaException {@link WsaError#WSAENOTSOCK}, {@link WsaError#WSA_INVALID_HANDLE}
     */
    NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException;

    /**
     * Creates a message window of this context: the stand-in for the {@code HWND} (a message-only
     * window) that {@link #asyncSelect} posts to. Its queue is unbounded and pumped with
     * {@link #getMessage}.
     *
     * @return the window
     * @throws WsaException {@link WsaError#WSA_NOT_ENOUGH_MEMORY} when no handle is free
     */
    WindowHandle createWindow() throws WsaException;

    /**
     * {@code WSAAsyncSelect}: posts each network event in {@code events} to {@code window} as
     * message {@code message}, with the socket as {@code wParam} and
     * {@link WindowMessage#selectReply(int, int)} as {@code lParam}. Same recording and re-enabling
     * rules, non-blocking mode and replacement as {@link #eventSelect}; {@code events == 0} cancels.
     *
     * @param s the socket
     * @param window a window of this context
     * @param message the message number the events come as
     * @param events the {@code FD_*} bits, or 0
     * @throws WsaException {@link WsaError#WSAEINVAL} for unknown bits or a window that is
     *         destroyed or of another context, {@link WsaError#WSAENOTSOCK}
     */
    void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException;

    /**
     * {@code GetMessage} (or {@code PeekMessage} with {@code PM_REMOVE} when {@code timeout} is
     * zero): takes the next message posted to a window of this context.
     *
     * @param window the window
     * @param timeout how long to wait; null waits for ever, zero polls
     * @return the message, or null if none came in time
     * @throws WsaException {@link WsaError#WSAEINVAL} for a window destroyed or of another
     *         context, {@link WsaError#WSAEINTR} if the thread is interrupted
     */
    WindowMessage getMessage(WindowHandle window, Duration timeout) throws WsaException;

    /**
     * {@code DestroyWindow}: destroys a window of this context; posting to it fails from then on
     * and the sockets selected to it stop posting.
     *
     * @param window the window
     * @throws WsaException {@link WsaError#WSAEINVAL} if it is destroyed or of another context
     */
    void destroyWindow(WindowHandle window) throws WsaException;

    // ---- overlapped I/O ---------------------------------------------------------------------

    /**
     * {@code WSASend} with overlapped I/O. Completion is reported by {@code routine} as an APC on
     * this thread when it next waits alertably, or, without a routine, by the overlapped's event
     * and the completion port the socket is associated with.
     *
     * @param s a socket created with {@link SocketFlags#WSA_FLAG_OVERLAPPED}
     * @param buffers the data; the caller must not touch them until completion
     * @param flags {@code MSG_*} flags
     * @param overlapped the operation's state, not in use by another operation
     * @param routine the completion routine, or null
     * @return true if the send completed at once (the outcome is in {@code overlapped} and the
     *         completion was already reported), false if it is pending ({@code WSA_IO_PENDING})
     * @throws WsaException the code of a send that could not start ({@link WsaError#WSAEINVAL} for
     *         an overlapped structure in use)
     */
    boolean send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine)
            throws WsaException;

    /**
     * {@code WSARecv} with overlapped I/O; completion as for
     * {@link #send(SocketHandle, ByteBuffer[], int, Overlapped, CompletionRoutine)}. A stream
     * receive completing with 0 bytes means the peer closed.
     *
     * @param s a socket created with {@link SocketFlags#WSA_FLAG_OVERLAPPED}
     * @param buffers where the data goes, filled in order, positions advanced on completion
     * @param flags {@code MSG_*} flags ({@code MSG_PEEK} is refused: overlapped receives cannot peek)
     * @param overlapped the operation's state, not in use by another operation
     * @param routine the completion routine, or null
     * @return true if it completed at once, false if pending
     * @throws WsaException the code of a receive that could not start
     */
    boolean recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine)
            throws WsaException;

    /**
     * {@code WSASendTo} with overlapped I/O.
     *
     * @param s a datagram socket created with {@link SocketFlags#WSA_FLAG_OVERLAPPED}
     * @param buffers the datagram
     * @param flags {@code MSG_*} flags
     * @param to the destination, or null for the connected peer
     * @param overlapped the operation's state
     * @param routine the completion routine, or null
     * @return true if it completed at once, false if pending
     * @throws WsaException the code of a send that could not start
     */
    boolean sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine) throws WsaException;

    /**
     * {@code WSARecvFrom} with overlapped I/O; the sender is in {@link Overlapped#sender()} once
     * complete.
     *
     * @param s a datagram socket created with {@link SocketFlags#WSA_FLAG_OVERLAPPED}
     * @param buffers where the datagram goes
     * @param flags {@code MSG_*} flags
     * @param overlapped the operation's state
     * @param routine the completion routine, or null
     * @return true if it completed at once, false if pending
     * @throws WsaException the code of a receive that could not start
     */
    boolean recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine)
            throws WsaException;

    /**
     * {@code AcceptEx}: accepts the next connection of {@code listener} into {@code accept}, a new,
     * unbound socket of the same provider, completing like an overlapped receive (0 bytes). Unlike
     * Windows no first block of data is received, and the accepted socket needs no
     * {@code SO_UPDATE_ACCEPT_CONTEXT}.
     *
     * @param listener a listening socket
     * @param accept the socket that becomes the connection
     * @param overlapped the operation's state
     * @param routine the completion routine, or null
     * @return true if a connection was waiting and is accepted, false if pending
     * @throws WsaException {@link WsaError#WSAEINVAL} if {@code listener} does not listen or
     *         {@code accept} is bound or connected, {@link WsaError#WSAEOPNOTSUPP} for a provider
     *         without overlapped accept
     */
    boolean acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine)
            throws WsaException;

    /**
     * {@code ConnectEx}: connects a stream socket, completing like an overlapped send (0 bytes).
     *
     * @param s a stream socket created with {@link SocketFlags#WSA_FLAG_OVERLAPPED}
     * @param name the peer
     * @param overlapped the operation's state
     * @param routine the completion routine, or null
     * @return true if connected at once, false if pending
     * @throws WsaException {@link WsaError#WSAEISCONN}, {@link WsaError#WSAEALREADY}, ...
     */
    boolean connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine)
            throws WsaException;

    /**
     * {@code WSAGetOverlappedResult}: the outcome of an overlapped operation on the socket.
     *
     * @param s the socket the operation was started on
     * @param overlapped the operation
     * @param wait wait for it to complete
     * @return bytes transferred; result flags in {@link Overlapped#flags()}
     * @throws WsaException {@link WsaError#WSA_IO_INCOMPLETE} if not complete and not waiting, or
     *         the operation's own error ({@link WsaError#WSA_OPERATION_ABORTED} if cancelled)
     */
    int getOverlappedResult(SocketHandle s, Overlapped overlapped, boolean wait) throws WsaException;

    /**
     * {@code CancelIoEx}: cancels one overlapped operation of the socket, or all of them when
     * {@code overlapped} is null; each completes with {@link WsaError#WSA_OPERATION_ABORTED}
     * through its usual mechanism. Closing a socket cancels its operations the same way.
     *
     * @param s the socket
     * @param overlapped the operation, or null for all
     * @return how many operations were cancelled
     * @throws WsaException {@link WsaError#WSAENOTSOCK}
     */
    int cancelIo(SocketHandle s, Overlapped overlapped) throws WsaException;

    // ---- completion ports -------------------------------------------------------------------

    /**
     * {@code CreateIoCompletionPort(INVALID_HANDLE_VALUE, NULL, 0, 0)}: creates a completion port of
     * this context.
     *
     * @return the port
     * @throws WsaException {@link WsaError#WSA_NOT_ENOUGH_MEMORY} when no handle is free
     */
    CompletionPort createCompletionPort() throws WsaException;

    /**
     * {@code CreateIoCompletionPort(s, port, key, 0)}: associates a socket with a port; its overlapped
     * operations without completion routine then complete to the port with {@code key}. A socket
     * is associated once, as on Windows.
     *
     * @param port a port of this context
     * @param s the socket
     * @param key the completion key its packets carry
     * @throws WsaException {@link WsaError#WSAEINVAL} if the socket is already associated or the
     *         port is closed or of another context
     */
    void associate(CompletionPort port, SocketHandle s, long key) throws WsaException;

    /**
     * {@code SetFileCompletionNotificationModes}: with {@link #FILE_SKIP_COMPLETION_PORT_ON_SUCCESS},
     * an overlapped call on the socket that returns true (completed at once) queues no packet to
     * its completion port, so the caller handles the outcome right away, as high-throughput Windows
     * servers do; operations that pend still complete to the port. The event and the completion
     * routine are not affected.
     *
     * @param s a socket of this context
     * @param flags 0 or {@link #FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}
     * @throws WsaException {@link WsaError#WSAEINVAL} for other flags, {@link WsaError#WSAENOTSOCK}
     */
    void setCompletionNotificationModes(SocketHandle s, int flags) throws WsaException;

    /**
     * {@code GetQueuedCompletionStatus}: takes the next completion packet, in the order operations
     * completed.
     *
     * @param port a port of this context
     * @param timeout how long to wait; null waits for ever, zero polls
     * @return the packet, or null if none came in time
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} for a port that is closed (also
     *         to threads waiting when it closes), {@link WsaError#WSAEINTR} if interrupted
     */
    Completion getQueuedCompletionStatus(CompletionPort port, Duration timeout) throws WsaException;

    /**
     * {@code PostQueuedCompletionStatus}: queues a packet of the caller's own, for example to
     * tell worker threads to stop.
     *
     * @param port a port of this context
     * @param transferred the byte count the packet carries
     * @param key the key
     * @param overlapped the overlapped it carries, or null
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} for a closed port
     */
    void postQueuedCompletionStatus(CompletionPort port, int transferred, long key, Overlapped overlapped)
            throws WsaException;

    /**
     * {@code CloseHandle} on a completion port: threads waiting on it fail with
     * {@link WsaError#WSA_INVALID_HANDLE}; sockets associated with it complete to nothing.
     *
     * @param port a port of this context
     * @throws WsaException {@link WsaError#WSA_INVALID_HANDLE} if it is closed or of another context
     */
    void closeCompletionPort(CompletionPort port) throws WsaException;

    // ---- shared sockets, multipoint, QOS, disconnect ------------------------------------------

    /**
     * {@code WSADuplicateSocket}: makes a protocol info with which the client context whose
     * {@link #processId()} is {@code processId} opens the same socket, by passing it to
     * {@link #socket(int, int, int, ProtocolInfo, int, int)} with {@code FROM_PROTOCOL_INFO}. The
     * info is good for one use; both descriptors share all socket state, and the socket closes when
     * the last one does.
     *
     * @param s the socket
     * @param processId the target context
     * @return the single-use protocol info
     * @throws WsaException {@link WsaError#WSAEINVAL} for an unknown context
     */
    ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException;

    /**
     * {@code WSAJoinLeaf}: joins a multipoint session; for UDP, a multicast group the socket then
     * receives from and sends to.
     *
     * @param s a socket of a multipoint entry ({@code XP1_SUPPORT_MULTIPOINT})
     * @param name the group
     * @param data connect data and QOS, or null
     * @param flags {@code JL_SENDER_ONLY}, {@code JL_RECEIVER_ONLY} or {@code JL_BOTH}
     * @return the leaf socket: {@code s} itself for a non-rooted data plane
     * @throws WsaException {@link WsaError#WSAEOPNOTSUPP} for a socket that is not multipoint,
     *         {@link WsaError#WSAEINVAL} for bad flags
     */
    SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException;

    /**
     * {@code WSAGetQOSByName}: a named QOS template of the socket's provider.
     *
     * @param s the socket
     * @param name the template name
     * @return the template
     * @throws WsaException {@link WsaError#WSAEINVAL} for an unknown name
     */
    Qos getQosByName(SocketHandle s, String name) throws WsaException;

    /**
     * {@code WSARecvDisconnect}: stops receiving and fetches the peer's disconnect data.
     *
     * @param s a connected socket
     * @param inboundData where the data goes, or null
     * @throws WsaException {@link WsaError#WSAENOTCONN}, {@link WsaError#WSAENOPROTOOPT} for
     *         disconnect data on a provider without it
     */
    void recvDisconnect(SocketHandle s, ByteBuffer inboundData) throws WsaException;

    /**
     * {@code WSASendDisconnect}: starts a graceful close of the sending side, with disconnect data.
     *
     * @param s a connected socket
     * @param outboundData the data, or null
     * @throws WsaException {@link WsaError#WSAENOTCONN}, {@link WsaError#WSAENOPROTOOPT}
     */
    void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException;

    // ---- blocking calls ---------------------------------------------------------------------

    /**
     * {@code WSACancelBlockingCall}, aimed at a thread: makes the blocking call {@code thread} has
     * in progress in this context fail with {@link WsaError#WSAEINTR}. A cancelled
     * {@code accept} or {@code select} leaves its sockets intact; after any other cancelled call
     * the socket may only be closed.
     *
     * @param thread a thread of this context
     * @throws WsaException {@link WsaError#WSAEINVAL} if that thread has no blocking call in progress
     */
    void cancelBlockingCall(Thread thread) throws WsaException;

    /**
     * Ends this client context at once: closes its sockets and cleans up its providers, as when a
     * process exits without calling {@code WSACleanup}. Calls afterwards fail with
     * {@link WsaError#WSANOTINITIALISED} until the next {@link #startup}.
     */
    @Override
    void close();

    // ---- name resolution (issue 6) ----------------------------------------------------------

    /**
     * {@code WSALookupServiceBegin}: starts a query on the namespace providers it names: the one
     * given by {@code nsProviderId}, else every active provider of {@code nameSpace}, every active
     * provider for {@code NS_ALL}; results come back in namespace-catalog order.
     *
     * @param restrictions the query
     * @param controlFlags {@code LUP_*}
     * @return the lookup, valid in this context until {@link #lookupServiceEnd}
     * @throws WsaException {@code WSAEINVAL} for a malformed query set (no service class, a
     *         negative namespace), {@code WSAEINVALIDPROVIDER} for an unknown provider,
     *         {@code WSASERVICE_NOT_FOUND} when no active provider serves the namespace
     */
    LookupHandle lookupServiceBegin(QuerySet restrictions, int controlFlags) throws WsaException;

    /**
     * {@code WSALookupServiceNext}: the next result, from the providers in namespace order.
     *
     * @param lookup the lookup
     * @param controlFlags {@code LUP_*}
     * @return the result; its {@code nsProviderId} names the provider that answered
     * @throws WsaException {@code WSA_E_NO_MORE} at the end, {@code WSA_INVALID_HANDLE} for a
     *         handle of another context or an ended lookup, {@code WSAETIMEDOUT} when a provider
     *         did not answer in time, {@code WSA_E_CANCELLED} when the lookup was ended meanwhile
     */
    QuerySet lookupServiceNext(LookupHandle lookup, int controlFlags) throws WsaException;

    /**
     * {@code WSALookupServiceEnd}: ends a lookup; a {@code Next} blocked in another thread ends with
     * {@code WSA_E_CANCELLED}.
     *
     * @param lookup the lookup
     * @throws WsaException {@code WSA_INVALID_HANDLE}
     */
    void lookupServiceEnd(LookupHandle lookup) throws WsaException;

    /**
     * {@code WSANSPIoctl(SIO_NSP_NOTIFY_CHANGE)} on a lookup: without an overlapped structure, polls
     * (returns if the results changed since the last poll, fails with {@code WSAEWOULDBLOCK} if
     * not); with one, completes it (event, routine or completion port) when they change.
     *
     * @param lookup the lookup, of a single provider
     * @param code {@code SIO_NSP_NOTIFY_CHANGE}
     * @param overlapped null to poll, or the operation to complete
     * @throws WsaException {@code WSAEWOULDBLOCK}, {@code WSA_IO_PENDING}, {@code WSAEINVAL} for a
     *         lookup spanning several providers or another code, {@code WSAEOPNOTSUPP}
     */
    void nspIoctl(LookupHandle lookup, int code, Overlapped overlapped) throws WsaException;

    /**
     * {@code WSASetService}: registers, deregisters or deletes a service instance with the
     * namespace providers the query set names (its provider, or every active provider of its
     * namespace).
     *
     * @param regInfo the instance: name, class, namespace, addresses
     * @param operation {@code RNRSERVICE_*}
     * @param controlFlags 0 or {@code SERVICE_MULTIPLE}
     * @throws WsaException {@code WSASERVICE_NOT_FOUND}, {@code WSAEINVAL}, {@code WSAEOPNOTSUPP}
     */
    void setService(QuerySet regInfo, int operation, int controlFlags) throws WsaException;

    /**
     * {@code WSAInstallServiceClass}: given to every active namespace provider.
     *
     * @param classInfo the class
     * @throws WsaException {@code WSAEALREADY} if a provider has it
     */
    void installServiceClass(ServiceClassInfo classInfo) throws WsaException;

    /**
     * {@code WSARemoveServiceClass}.
     *
     * @param classId the class
     * @throws WsaException {@code WSATYPE_NOT_FOUND} if no provider has it
     */
    void removeServiceClass(UUID classId) throws WsaException;

    /**
     * {@code WSAGetServiceClassInfo}.
     *
     * @param providerId the namespace provider to ask
     * @param classId the class
     * @return its schema
     * @throws WsaException {@code WSATYPE_NOT_FOUND}
     */
    ServiceClassInfo getServiceClassInfo(UUID providerId, UUID classId) throws WsaException;

    /**
     * {@code WSAEnumNameSpaceProvidersEx}: the namespace catalog of this context's view.
     *
     * @return the entries, in namespace order
     * @throws WsaException {@code WSANOTINITIALISED}
     */
    List<NamespaceInfo> enumNameSpaceProviders() throws WsaException;

    /**
     * {@code GetAddrInfoW}: resolves a host and service to socket addresses through the namespace
     * providers ({@code NS_ALL}, namespace order), one per address and socket type, ready for
     * {@link #socket(int, int, int)} and {@link #connect(SocketHandle, SockAddr)}. A numeric host
     * is converted without a lookup.
     *
     * @param node a host name or numeric address
     * @param service a port number
     * @param family {@code AF_UNSPEC}, {@code AF_INET} or {@code AF_INET6}
     * @param socketType 0 for streams and datagrams, or one of them
     * @return the addresses, in the order the providers gave them
     * @throws WsaException {@code WSAHOST_NOT_FOUND}, {@code WSATYPE_NOT_FOUND} for a service that
     *         is not a port number, {@code WSAEAFNOSUPPORT}
     */
    List<AddrInfo> getAddrInfo(String node, String service, int family, int socketType) throws WsaException;
}
