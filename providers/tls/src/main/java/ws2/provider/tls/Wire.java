package ws2.provider.tls;

import java.nio.ByteBuffer;

import ws2.api.WsaException;
import ws2.spi.layer.Lower;

/**
 * The byte stream a {@link TlsConnection} carries its TLS records on: the lower socket of a chain,
 * used with the blocking single-buffer {@code WSPSend} and {@code WSPRecv} of the provider below.
 */
interface Wire {
    /**
     * Reads what has arrived, blocking until something has ({@code WSPRecv}).
     *
     * @param dst where the bytes go
     * @return bytes read, 0 at the end of the stream
     * @throws WsaException the lower provider's failure
     */
    int read(ByteBuffer dst) throws WsaException;

    /**
     * Writes all of {@code src}, blocking until it is sent ({@code WSPSend}).
     *
     * @param src the bytes; its position reaches its limit
     * @throws WsaException the lower provider's failure
     */
    void write(ByteBuffer src) throws WsaException;

    /**
     * The wire of a lower socket.
     *
     * @param lower the socket below the layer
     * @return its wire
     */
    static Wire of(Lower lower) {
        return new Wire() {
            @Override
            public int read(ByteBuffer dst) throws WsaException {
                return lower.dispatch().recv(lower.handle(), dst, 0);
            }

            @Override
            public void write(ByteBuffer src) throws WsaException {
                while (src.hasRemaining()) {
                    lower.dispatch().send(lower.handle(), src, 0);
                }
            }
        };
    }
}
