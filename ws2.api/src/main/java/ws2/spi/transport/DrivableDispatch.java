package ws2.spi.transport;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.SocketHandle;
import ws2.api.WsaException;

/**
 * A {@link WspDispatch} whose overlapped completions a completion port's threads may drive (a ws2
 * extension, no Winsock function: see {@link CompletionDriver}). ws2.core asks when a socket is
 * associated with a port ({@code CreateIoCompletionPort} with a socket); a dispatch that does not
 * implement it, or answers null, has its completions posted by its own threads as before.
 */
@ConsumerType
public interface DrivableDispatch extends WspDispatch {
    /**
     * Returns the loop that completes the socket's overlapped operations.
     *
     * @param s a socket of this dispatch
     * @return its driver, or null if its completions come from elsewhere
     * @throws WsaException {@code WSAENOTSOCK} for a socket that is not this dispatch's,
     *         {@code WSAENOBUFS} if the loop cannot start
     */
    CompletionDriver completionDriver(SocketHandle s) throws WsaException;
}
