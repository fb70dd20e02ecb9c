package ws2.provider.tcpip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The sockets {@code WSPDuplicateSocket} offered, by the one-use token it put in the protocol info's
 * {@code dwProviderReserved}: what {@code DuplicateHandle} and the target process's {@code WSPSocket}
 * do on Windows, within one provider component.
 */
final class SharedSockets {
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, TcpipSocket> offered = new ConcurrentHashMap<>();

    /**
     * Offers a socket.
     *
     * @param socket the socket
     * @return the token, never 0
     */
    int offer(TcpipSocket socket) {
        int token;
        do {
            token = next.incrementAndGet();
        } while (token == 0);
        offered.put(token, socket);
        return token;
    }

    /**
     * Takes an offered socket; a token works once.
     *
     * @param token the token
     * @return the socket
     * @throws WsaException {@code WSAEINVAL} for a token unknown, used, or of a socket closed since
     */
    TcpipSocket take(int token) throws WsaException {
        TcpipSocket socket = offered.remove(token);
        if (socket == null || socket.isClosed()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPSocket: the protocol info of WSPDuplicateSocket (token " + token
                    + ") is unknown, was used already, or its socket was closed");
        }
        return socket;
    }
}
