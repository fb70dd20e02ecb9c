package ws2.bench;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WsaException;

/** Connected TCP pairs on 127.0.0.1, made the same way for both sides of a comparison. */
final class Loopback {
    private Loopback() {
    }

    /**
     * A connected pair through ws2, Nagle off on both ends.
     *
     * @param ws a started client context
     * @return {client, accepted}
     * @throws WsaException if a call fails
     */
    static SocketHandle[] ws2Pair(Winsock ws) throws WsaException {
        SocketHandle server = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.bind(server, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
        ws.listen(server, 1);
        SocketHandle client = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.connect(client, ws.getSockName(server));
        SocketHandle accepted = ws.accept(server);
        ws.closeSocket(server);
        ws.setSockOpt(client, SockOpt.TCP_NODELAY, true);
        ws.setSockOpt(accepted, SockOpt.TCP_NODELAY, true);
        return new SocketHandle[] {client, accepted};
    }

    /**
     * A connected pair through raw java.nio, Nagle off on both ends.
     *
     * @return {client, accepted}
     * @throws IOException if a call fails
     */
    static SocketChannel[] nioPair() throws IOException {
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET)) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
            SocketChannel client = SocketChannel.open(server.getLocalAddress());
            SocketChannel accepted = server.accept();
            client.setOption(StandardSocketOptions.TCP_NODELAY, true);
            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
            return new SocketChannel[] {client, accepted};
        }
    }

    /**
     * Starts a daemon thread.
     *
     * @param name its name
     * @param body what it runs
     * @return the thread
     */
    static Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }
}
