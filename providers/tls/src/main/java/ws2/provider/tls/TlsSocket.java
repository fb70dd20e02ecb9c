package ws2.provider.tls;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.layer.LayeredSocket;
import ws2.spi.layer.Lower;

/**
 * A socket of the TLS layer: the handle context ({@code WPUQuerySocketHandleContext}) of a
 * {@link LayeredSocket}, carrying its {@link TlsConnection} once a handshake has made one. A
 * listening socket, or one not yet connected, has none.
 */
final class TlsSocket extends LayeredSocket {
    private volatile TlsConnection connection;

    /**
     * Creates the state of a new socket.
     *
     * @param lower the socket below
     * @param entry the chain entry
     */
    TlsSocket(Lower lower, ProtocolInfo entry) {
        super(lower, entry);
    }

    /**
     * Publishes the connection of a finished handshake.
     *
     * @param c the connection
     */
    void connected(TlsConnection c) {
        connection = c;
    }

    /**
     * Returns the connection, for sending and receiving.
     *
     * @param call the {@code WSP*} function asking, for the message
     * @return the connection
     * @throws WsaException {@code WSAENOTCONN} before a handshake finished: nothing passes this
     *         layer in clear
     */
    TlsConnection connection(String call) throws WsaException {
        TlsConnection c = connection;
        if (c == null) {
            throw new WsaException(WsaError.WSAENOTCONN, call + ": the socket has no TLS session (it is not"
                    + " connected, or its handshake failed)");
        }
        return c;
    }

    /**
     * Returns the connection if there is one.
     *
     * @return the connection, or null
     */
    TlsConnection connectionIfAny() {
        return connection;
    }
}
