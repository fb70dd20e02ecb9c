package ws2.api;

/**
 * The Windows Sockets error codes, with their numeric values exactly as in {@code winerror.h}.
 *
 * <p>Every public ws2 failure carries one of these in a {@link WsaException}; {@link #code()} is
 * what {@code WSAGetLastError} would return on Windows and {@link #text()} is the standard
 * one-sentence description.
 */
public enum WsaError {
    /** 6: The specified event object handle is invalid. */
    WSA_INVALID_HANDLE(6, "The specified event object handle is invalid."),
    /** 8: Insufficient memory available. */
    WSA_NOT_ENOUGH_MEMORY(8, "Insufficient memory available."),
    /** 87: One or more parameters are invalid. */
    WSA_INVALID_PARAMETER(87, "One or more parameters are invalid."),
    /** 120: The function is not supported ({@code ERROR_CALL_NOT_IMPLEMENTED}, as {@code WSCGetProviderInfo} returns it). */
    ERROR_CALL_NOT_IMPLEMENTED(120, "This function is not supported on this system."),
    /** 995: The overlapped operation has been canceled. */
    WSA_OPERATION_ABORTED(995, "The overlapped operation has been canceled."),
    /** 996: The overlapped I/O event object is not in a signaled state. */
    WSA_IO_INCOMPLETE(996, "The overlapped I/O event object is not in a signaled state."),
    /** 997: The overlapped operation will complete later. */
    WSA_IO_PENDING(997, "The overlapped operation will complete later."),
    /** 10004: A blocking operation was interrupted. */
    WSAEINTR(10004, "A blocking operation was interrupted."),
    /** 10009: The file handle supplied is not valid. */
    WSAEBADF(10009, "The file handle supplied is not valid."),
    /** 10013: An attempt was made to access a socket in a way forbidden by its access permissions. */
    WSAEACCES(10013, "An attempt was made to access a socket in a way forbidden by its access permissions."),
    /** 10014: A pointer or buffer argument is not valid or too small. */
    WSAEFAULT(10014, "A pointer or buffer argument is not valid or too small."),
    /** 10022: An invalid argument was supplied. */
    WSAEINVAL(10022, "An invalid argument was supplied."),
    /** 10024: Too many open sockets. */
    WSAEMFILE(10024, "Too many open sockets."),
    /** 10035: A non-blocking socket operation could not be completed immediately. */
    WSAEWOULDBLOCK(10035, "A non-blocking socket operation could not be completed immediately."),
    /** 10036: A blocking operation is currently executing. */
    WSAEINPROGRESS(10036, "A blocking operation is currently executing."),
    /** 10037: An operation was attempted on a non-blocking socket that already had an operation in progress. */
    WSAEALREADY(10037, "An operation was attempted on a non-blocking socket that already had an operation in progress."),
    /** 10038: An operation was attempted on something that is not a socket. */
    WSAENOTSOCK(10038, "An operation was attempted on something that is not a socket."),
    /** 10039: A required address was omitted from an operation on a socket. */
    WSAEDESTADDRREQ(10039, "A required address was omitted from an operation on a socket."),
    /** 10040: A message sent on a datagram socket was larger than the internal message buffer. */
    WSAEMSGSIZE(10040, "A message sent on a datagram socket was larger than the internal message buffer."),
    /** 10041: A protocol was specified that does not support the semantics of the socket type requested. */
    WSAEPROTOTYPE(10041, "A protocol was specified that does not support the semantics of the socket type requested."),
    /** 10042: An unknown, invalid, or unsupported option or level was specified. */
    WSAENOPROTOOPT(10042, "An unknown, invalid, or unsupported option or level was specified."),
    /** 10043: The requested protocol has not been configured into the system. */
    WSAEPROTONOSUPPORT(10043, "The requested protocol has not been configured into the system."),
    /** 10044: The support for the specified socket type does not exist in this address family. */
    WSAESOCKTNOSUPPORT(10044, "The support for the specified socket type does not exist in this address family."),
    /** 10045: The attempted operation is not supported for the type of object referenced. */
    WSAEOPNOTSUPP(10045, "The attempted operation is not supported for the type of object referenced."),
    /** 10046: The protocol family has not been configured into the system. */
    WSAEPFNOSUPPORT(10046, "The protocol family has not been configured into the system."),
    /** 10047: An address incompatible with the requested protocol was used. */
    WSAEAFNOSUPPORT(10047, "An address incompatible with the requested protocol was used."),
    /** 10048: Only one usage of each socket address is normally permitted. */
    WSAEADDRINUSE(10048, "Only one usage of each socket address is normally permitted."),
    /** 10049: The requested address is not valid in its context. */
    WSAEADDRNOTAVAIL(10049, "The requested address is not valid in its context."),
    /** 10050: A socket operation encountered a dead network. */
    WSAENETDOWN(10050, "A socket operation encountered a dead network."),
    /** 10051: A socket operation was attempted to an unreachable network. */
    WSAENETUNREACH(10051, "A socket operation was attempted to an unreachable network."),
    /** 10052: The connection has been broken due to keep-alive activity. */
    WSAENETRESET(10052, "The connection has been broken due to keep-alive activity."),
    /** 10053: An established connection was aborted by the software in your host machine. */
    WSAECONNABORTED(10053, "An established connection was aborted by the software in your host machine."),
    /** 10054: An existing connection was forcibly closed by the remote host. */
    WSAECONNRESET(10054, "An existing connection was forcibly closed by the remote host."),
    /** 10055: No buffer space is available or a queue was full. */
    WSAENOBUFS(10055, "No buffer space is available or a queue was full."),
    /** 10056: A connect request was made on an already connected socket. */
    WSAEISCONN(10056, "A connect request was made on an already connected socket."),
    /** 10057: The socket is not connected. */
    WSAENOTCONN(10057, "The socket is not connected."),
    /** 10058: The socket had already been shut down in that direction. */
    WSAESHUTDOWN(10058, "The socket had already been shut down in that direction."),
    /** 10059: Too many references to some kernel object. */
    WSAETOOMANYREFS(10059, "Too many references to some kernel object."),
    /** 10060: The connected party did not properly respond after a period of time. */
    WSAETIMEDOUT(10060, "The connected party did not properly respond after a period of time."),
    /** 10061: No connection could be made because the target machine actively refused it. */
    WSAECONNREFUSED(10061, "No connection could be made because the target machine actively refused it."),
    /** 10062: Cannot translate name. */
    WSAELOOP(10062, "Cannot translate name."),
    /** 10063: Name component or name was too long. */
    WSAENAMETOOLONG(10063, "Name component or name was too long."),
    /** 10064: The destination host is down. */
    WSAEHOSTDOWN(10064, "The destination host is down."),
    /** 10065: A socket operation was attempted to an unreachable host. */
    WSAEHOSTUNREACH(10065, "A socket operation was attempted to an unreachable host."),
    /** 10066: Cannot remove a directory that is not empty. */
    WSAENOTEMPTY(10066, "Cannot remove a directory that is not empty."),
    /** 10067: Too many client contexts are using the Windows Sockets implementation. */
    WSAEPROCLIM(10067, "Too many client contexts are using the Windows Sockets implementation."),
    /** 10068: Ran out of quota. */
    WSAEUSERS(10068, "Ran out of quota."),
    /** 10069: Ran out of disk quota. */
    WSAEDQUOT(10069, "Ran out of disk quota."),
    /** 10070: The file handle reference is no longer available. */
    WSAESTALE(10070, "The file handle reference is no longer available."),
    /** 10071: Item is not available locally. */
    WSAEREMOTE(10071, "Item is not available locally."),
    /** 10091: The network subsystem is unavailable. */
    WSASYSNOTREADY(10091, "The network subsystem is unavailable."),
    /** 10092: The requested Windows Sockets version is not supported. */
    WSAVERNOTSUPPORTED(10092, "The requested Windows Sockets version is not supported."),
    /** 10093: Either the application has not called WSAStartup, or WSAStartup failed. */
    WSANOTINITIALISED(10093, "Either the application has not called WSAStartup, or WSAStartup failed."),
    /** 10101: A graceful shutdown is in progress. */
    WSAEDISCON(10101, "A graceful shutdown is in progress."),
    /** 10102: No more results can be returned. */
    WSAENOMORE(10102, "No more results can be returned."),
    /** 10103: The call has been canceled. */
    WSAECANCELLED(10103, "The call has been canceled."),
    /** 10104: The procedure call table is invalid. */
    WSAEINVALIDPROCTABLE(10104, "The procedure call table is invalid."),
    /** 10105: The requested service provider is invalid. */
    WSAEINVALIDPROVIDER(10105, "The requested service provider is invalid."),
    /** 10106: The requested service provider could not be loaded or initialized. */
    WSAEPROVIDERFAILEDINIT(10106, "The requested service provider could not be loaded or initialized."),
    /** 10107: A system call that should never fail has failed. */
    WSASYSCALLFAILURE(10107, "A system call that should never fail has failed."),
    /** 10108: No such service is known. */
    WSASERVICE_NOT_FOUND(10108, "No such service is known."),
    /** 10109: The specified class was not found. */
    WSATYPE_NOT_FOUND(10109, "The specified class was not found."),
    /** 10110: No more results can be returned. */
    WSA_E_NO_MORE(10110, "No more results can be returned."),
    /** 10111: The call has been canceled. */
    WSA_E_CANCELLED(10111, "The call has been canceled."),
    /** 10112: A database query failed because it was actively refused. */
    WSAEREFUSED(10112, "A database query failed because it was actively refused."),
    /** 11001: No such host is known. */
    WSAHOST_NOT_FOUND(11001, "No such host is known."),
    /** 11002: This is usually a temporary error during host name resolution. */
    WSATRY_AGAIN(11002, "This is usually a temporary error during host name resolution."),
    /** 11003: A non-recoverable error occurred. */
    WSANO_RECOVERY(11003, "A non-recoverable error occurred."),
    /** 11004: The requested name is valid, but no data of the requested type was found. */
    WSANO_DATA(11004, "The requested name is valid, but no data of the requested type was found.");

    private static final WsaError[] BY_INDEX = values();

    private final int code;
    private final String text;

    WsaError(int code, String text) {
        this.code = code;
        this.text = text;
    }

    /**
     * Returns the numeric error code, as {@code WSAGetLastError} returns it on Windows.
     *
     * @return the Windows value of this code, for example 10038 for {@link #WSAENOTSOCK}
     */
    public int code() {
        return code;
    }

    /**
     * Returns the standard description of this code.
     *
     * @return one sentence describing the error
     */
    public String text() {
        return text;
    }

    /**
     * Finds the constant for a numeric Windows Sockets error code.
     *
     * @param code a numeric error code such as 10035
     * @return the matching constant
     * @throws IllegalArgumentException if {@code code} is not a Windows Sockets error code
     */
    public static WsaError of(int code) {
        for (WsaError e : BY_INDEX) {
            if (e.code == code) {
                return e;
            }
        }
        throw new IllegalArgumentException("not a Windows Sockets error code: " + code);
    }
}
