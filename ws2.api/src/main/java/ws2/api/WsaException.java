package ws2.api;

import java.io.IOException;
import java.util.Objects;

/**
 * The one exception type of ws2: a Windows Sockets failure, carrying its {@code WSAE*} code and a
 * sentence saying what went wrong.
 *
 * <p>It replaces Winsock's {@code SOCKET_ERROR} return plus {@code WSAGetLastError()} (API) and
 * {@code lpErrno} (SPI). Client API methods, provider SPI methods, upcalls and catalog functions all
 * report failures with it.
 *
 * <h2>Frequent codes are cheap</h2>
 * {@link WsaError#WSAEWOULDBLOCK} and {@link WsaError#WSA_IO_PENDING} are outcomes callers test on
 * the data path, not faults; {@link #wouldBlock()} and {@link #ioPending()} create instances that
 * never walk the stack (as Netty's stackless channel exceptions), so a non-blocking loop that meets
 * them pays one small allocation and nothing else. They are not shared, so suppressed exceptions
 * added by a try-with-resources stay with the throw that caused them.
 */
public class WsaException extends IOException {
    private static final long serialVersionUID = 1L;

    private static final String WOULD_BLOCK = format(WsaError.WSAEWOULDBLOCK,
            "the operation would block on a non-blocking socket");
    private static final String IO_PENDING = format(WsaError.WSA_IO_PENDING,
            "the overlapped operation will complete later");
    private static final String NO_MORE = format(WsaError.WSA_E_NO_MORE, "no more results");

    private final WsaError error;

    /**
     * Creates an exception with a code and a message.
     *
     * @param error the Windows Sockets code
     * @param message one sentence naming what failed and the offending value
     */
    public WsaException(WsaError error, String message) {
        super(format(error, message));
        this.error = error;
    }

    /**
     * Creates an exception with a code, a message and the lower-level cause.
     *
     * @param error the Windows Sockets code
     * @param message one sentence naming what failed and the offending value
     * @param cause the exception that caused it, for example an {@link IOException} of java.nio
     */
    public WsaException(WsaError error, String message, Throwable cause) {
        super(format(error, message), cause);
        this.error = error;
    }

    /** For {@link Stackless}: the message is already formatted. */
    private WsaException(String formatted, WsaError error) {
        super(formatted);
        this.error = error;
    }

    private static String format(WsaError error, String message) {
        Objects.requireNonNull(error, "error");
        return error.name() + " (" + error.code() + "): " + message;
    }

    /**
     * Creates a stackless {@link WsaError#WSAEWOULDBLOCK}: a non-blocking call could not complete now.
     *
     * @return an exception that is cheap to create and throw
     */
    public static WsaException wouldBlock() {
        return new Stackless(WOULD_BLOCK, WsaError.WSAEWOULDBLOCK);
    }

    /**
     * Creates a stackless {@link WsaError#WSA_IO_PENDING}: an overlapped operation was started and
     * will complete later.
     *
     * @return an exception that is cheap to create and throw
     */
    public static WsaException ioPending() {
        return new Stackless(IO_PENDING, WsaError.WSA_IO_PENDING);
    }

    /**
     * Creates a stackless {@link WsaError#WSA_E_NO_MORE}: a lookup has returned all its results,
     * the way every {@code WSALookupServiceNext} loop ends.
     *
     * @return an exception that is cheap to create and throw
     */
    public static WsaException noMore() {
        return new Stackless(NO_MORE, WsaError.WSA_E_NO_MORE);
    }

    /**
     * Returns the Windows Sockets code of this failure.
     *
     * @return the code
     */
    public WsaError error() {
        return error;
    }

    /**
     * Returns the numeric code, as {@code WSAGetLastError()} would return it.
     *
     * @return for example 10038
     */
    public int code() {
        return error.code();
    }

    /** A {@code WsaException} that does not record where it was thrown. */
    private static final class Stackless extends WsaException {
        private static final long serialVersionUID = 1L;

        Stackless(String formatted, WsaError error) {
            super(formatted, error);
        }

        @Override
        public Throwable fillInStackTrace() {
            return this;
        }
    }
}
