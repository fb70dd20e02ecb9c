package ws2.core.shell;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WsaException;

/**
 * A TCP echo server on 127.0.0.1 and ::1 written on the ws2 client API, one thread per connection,
 * as a first Winsock program would be. Any ordinary TCP client can talk to it.
 */
final class EchoServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EchoServer.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Winsock ws;
    private final List<SocketHandle> listeners = new ArrayList<>();
    private final List<SockAddr> addresses = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "ws2-echo-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /**
     * Starts serving.
     *
     * @param ws a started client context, owned by the server from now on
     * @param port the port on both loopback addresses; 0 picks one
     * @throws WsaException if no loopback address could be served (the IPv6 one is skipped if it fails)
     */
    EchoServer(Winsock ws, int port) throws WsaException {
        this.ws = ws;
        listen(AF_INET, InetAddress.getLoopbackAddress(), port, true);
        int chosen = addresses.get(0).port();
        try {
            listen(AF_INET6, InetAddress.getByAddress(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}),
                    port == 0 ? chosen : port, false);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a 16-byte address is always valid", e);
        }
        for (SocketHandle l : listeners) {
            threads.execute(() -> acceptLoop(l));
        }
    }

    private void listen(int af, InetAddress ip, int port, boolean required) throws WsaException {
        SocketHandle s = ws.socket(af, SOCK_STREAM, IPPROTO_TCP);
        try {
            ws.setSockOpt(s, SockOpt.SO_REUSEADDR, true);
            ws.bind(s, SockAddr.of(ip, port));
            ws.listen(s, Winsock.SOMAXCONN);
            listeners.add(s);
            addresses.add(ws.getSockName(s));
        } catch (WsaException e) {
            ws.closeSocket(s);
            if (required) {
                throw e;
            }
            LOG.warn("Echo server not listening on {}: {}", ip.getHostAddress(), e.getMessage());
        }
    }

    /**
     * Returns where the server listens.
     *
     * @return the bound addresses
     */
    List<SockAddr> addresses() {
        return List.copyOf(addresses);
    }

    private void acceptLoop(SocketHandle listener) {
        try {
            while (true) {
                SocketHandle c = ws.accept(listener);
                threads.execute(() -> echo(c));
            }
        } catch (WsaException e) {
            LOG.debug("Echo listener stopped: {}", e.getMessage());
        }
    }

    private void echo(SocketHandle c) {
        ByteBuffer buf = ByteBuffer.allocate(8192);
        try {
            while (ws.recv(c, buf.clear(), 0) > 0) {
                buf.flip();
                while (buf.hasRemaining()) {
                    ws.send(c, buf, 0);
                }
            }
        } catch (WsaException e) {
            LOG.debug("Echo connection ended: {}", e.getMessage());
        } finally {
            try {
                ws.closeSocket(c);
            } catch (WsaException e) {
                LOG.debug("Echo connection already closed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        ws.close();
        threads.shutdownNow();
    }
}
