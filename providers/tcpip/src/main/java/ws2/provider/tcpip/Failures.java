package ws2.provider.tcpip;

import java.io.Closeable;
import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.SocketTimeoutException;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.ConnectionPendingException;
import java.nio.channels.IllegalBlockingModeException;
import java.nio.channels.NoConnectionPendingException;
import java.nio.channels.NotYetBoundException;
import java.nio.channels.NotYetConnectedException;
import java.nio.channels.UnsupportedAddressTypeException;
import java.util.List;
import java.util.Locale;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Turns java.nio failures into {@link WsaException}s: the one place where the provider maps
 * {@link java.io.IOException}s and the runtime exceptions of {@code java.nio.channels} to
 * {@code WSAE*} codes.
 *
 * <p>The JDK throws a few exception classes for many causes, so the mapping goes by class where the
 * class is specific ({@link SocketTimeoutException}, {@link PortUnreachableException}, ...) and
 * otherwise by the operating system's {@code strerror} text the JDK puts in the message. A closed
 * channel means different things depending on the socket's state, so that case asks the socket.
 * Only failure paths come here; nothing on the data path calls it unless a call already failed.
 */
final class Failures {
    /** An operating-system error text and the code it stands for, tested in order. */
    private record Rule(String fragment, WsaError error) {
    }

    private static final List<Rule> BY_MESSAGE = List.of(
            new Rule("connection refused", WsaError.WSAECONNREFUSED),
            new Rule("timed out", WsaError.WSAETIMEDOUT),
            new Rule("connection reset", WsaError.WSAECONNRESET),
            new Rule("broken pipe", WsaError.WSAECONNRESET),
            new Rule("connection aborted", WsaError.WSAECONNABORTED),
            new Rule("network is unreachable", WsaError.WSAENETUNREACH),
            new Rule("no route to host", WsaError.WSAEHOSTUNREACH),
            new Rule("host is down", WsaError.WSAEHOSTDOWN),
            new Rule("network is down", WsaError.WSAENETDOWN),
            new Rule("address already in use", WsaError.WSAEADDRINUSE),
            new Rule("assign requested address", WsaError.WSAEADDRNOTAVAIL),
            new Rule("permission denied", WsaError.WSAEACCES),
            new Rule("message too long", WsaError.WSAEMSGSIZE),
            new Rule("no buffer space", WsaError.WSAENOBUFS),
            new Rule("too many open files", WsaError.WSAEMFILE),
            new Rule("family not supported", WsaError.WSAEAFNOSUPPORT),
            new Rule("protocol not supported", WsaError.WSAEPROTONOSUPPORT),
            new Rule("not connected", WsaError.WSAENOTCONN),
            new Rule("invalid argument", WsaError.WSAEINVAL));

    private Failures() {
    }

    /**
     * Maps a failure of a socket operation.
     *
     * @param e what java.nio threw; a {@link WsaException} passes unchanged
     * @param socket the socket the operation ran on, or null before a socket exists
     * @param function the {@code WSP*} function that failed, for the message
     * @param sending whether the operation sends, so a channel closed by {@code SD_SEND} means
     *        {@code WSAESHUTDOWN}
     * @return the exception to throw
     * @throws RuntimeException {@code e} itself when it is a runtime exception that java.nio does
     *         not use to report socket states: a bug, which must not be disguised as a Winsock code
     */
    static WsaException map(Exception e, TcpipSocket socket, String function, boolean sending) {
        if (e instanceof WsaException w) {
            return w;
        }
        String where = socket == null ? function : function + " on " + socket.describe();
        if (e instanceof ClosedChannelException) {
            return closed((ClosedChannelException) e, socket, where, sending);
        }
        if (e instanceof RuntimeException r) {
            return runtime(r, where);
        }
        if (e.getCause() instanceof ClosedChannelException c) {
            // the socket adaptors of timed receives wrap the closed-channel exception
            return closed(c, socket, where, sending);
        }
        return new WsaException(byClass(e), where + " failed: " + e, e);
    }

    /**
     * Chains failures of steps that must all run, such as closing several channels.
     *
     * @param <T> the failure type
     * @param first the first failure so far, or null
     * @param next a later failure
     * @return {@code first} with {@code next} suppressed, or {@code next} if there was none
     */
    static <T extends Throwable> T chain(T first, T next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    /**
     * Closes a resource as one of several steps that must all run.
     *
     * @param resource what to close, or null
     * @param failure the failure of earlier steps, or null
     * @return {@code failure} with the close's failure chained, if any
     */
    static IOException close(Closeable resource, IOException failure) {
        if (resource != null) {
            try {
                resource.close();
            } catch (IOException e) {
                return chain(failure, e);
            }
        }
        return failure;
    }

    private static WsaException closed(ClosedChannelException e, TcpipSocket socket, String where, boolean sending) {
        boolean async = e instanceof AsynchronousCloseException;
        if (socket != null && !socket.dispatch.started()) {
            return new WsaException(WsaError.WSANOTINITIALISED, where + " failed: WSPCleanup closed the socket", e);
        }
        if (socket != null && socket.isClosed()) {
            return async ? new WsaException(WsaError.WSAEINTR, where + " was interrupted: another thread closed the socket", e)
                    : new WsaException(WsaError.WSAENOTSOCK, where + " failed: the socket is closed", e);
        }
        if (sending && socket != null && socket.isOutputShutdown()) {
            return new WsaException(WsaError.WSAESHUTDOWN, where + " failed: sending was shut down (SD_SEND)", e);
        }
        return async ? new WsaException(WsaError.WSAEINTR, where + " was interrupted: its channel was closed", e)
                : new WsaException(WsaError.WSAENOTCONN, where + " failed: the connection is closed", e);
    }

    private static WsaException runtime(RuntimeException e, String where) {
        WsaError error;
        if (e instanceof IllegalBlockingModeException) {
            // a blocking call met the channel while WSPSelect held it in non-blocking mode
            return WsaException.wouldBlock();
        } else if (e instanceof NotYetConnectedException || e instanceof NoConnectionPendingException) {
            error = WsaError.WSAENOTCONN;
        } else if (e instanceof AlreadyConnectedException) {
            error = WsaError.WSAEISCONN;
        } else if (e instanceof ConnectionPendingException) {
            error = WsaError.WSAEALREADY;
        } else if (e instanceof UnsupportedAddressTypeException || e instanceof UnsupportedOperationException) {
            error = WsaError.WSAEAFNOSUPPORT;
        } else if (e instanceof ClosedSelectorException) {
            error = WsaError.WSAEINTR;
        } else if (e instanceof NotYetBoundException || e instanceof AlreadyBoundException
                || e instanceof IllegalArgumentException || e instanceof IllegalStateException) {
            error = WsaError.WSAEINVAL;
        } else {
            throw e;
        }
        return new WsaException(error, where + " failed: " + e, e);
    }

    private static WsaError byClass(Exception e) {
        if (e instanceof SocketTimeoutException) {
            return WsaError.WSAETIMEDOUT;
        }
        if (e instanceof PortUnreachableException) {
            // Windows reports an ICMP port unreachable on a UDP socket as a reset
            return WsaError.WSAECONNRESET;
        }
        if (e instanceof NoRouteToHostException) {
            return WsaError.WSAEHOSTUNREACH;
        }
        String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase(Locale.ROOT);
        for (Rule rule : BY_MESSAGE) {
            if (message.contains(rule.fragment())) {
                return rule.error();
            }
        }
        if (e instanceof ConnectException) {
            return WsaError.WSAECONNREFUSED;
        }
        if (e instanceof BindException) {
            return WsaError.WSAEADDRINUSE;
        }
        return WsaError.WSAENETDOWN;
    }
}
