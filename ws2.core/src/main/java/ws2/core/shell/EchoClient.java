package ws2.core.shell;

import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** The client half of the demo: send a text, read until the peer closes, on the ws2 client API. */
final class EchoClient {
    private EchoClient() {
    }

    /**
     * Sends a text to a TCP server and returns what it sends back before closing.
     *
     * @param ws a started client context
     * @param host a numeric address or a host name
     * @param port the server's port
     * @param text what to send
     * @return the reply
     * @throws WsaException on any socket failure, {@code WSAHOST_NOT_FOUND} for an unknown host
     */
    static String exchange(Winsock ws, String host, int port, String text) throws WsaException {
        SockAddr peer = SockAddr.of(resolve(host), port);
        SocketHandle s = ws.socket(peer.family(), SOCK_STREAM, IPPROTO_TCP);
        try {
            ws.connect(s, peer);
            ByteBuffer out = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (out.hasRemaining()) {
                ws.send(s, out, 0);
            }
            ws.shutdown(s, ShutdownHow.SD_SEND);
            ByteArrayOutputStream reply = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(8192);
            while (ws.recv(s, in.clear(), 0) > 0) {
                reply.write(in.array(), 0, in.position());
            }
            return reply.toString(StandardCharsets.UTF_8);
        } finally {
            ws.closeSocket(s);
        }
    }

    private static InetAddress resolve(String host) throws WsaException {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new WsaException(WsaError.WSAHOST_NOT_FOUND, "no such host: " + host);
        }
    }
}
