package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.AddressFamily.AF_IRDA;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_RAW;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import ws2.api.FdSet;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProviderCatalog;

/**
 * Real loopback sockets through the client API, the core and the tcpip provider: TCP and UDP over
 * IPv4 and IPv6, socket selection and its error codes, and handle ownership (issue 2).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SocketsIT {
    private static final InetAddress V4 = InetAddress.getLoopbackAddress();

    @Inject
    Winsock ws;
    @Inject
    WinsockFactory factory;
    @Inject
    ProviderCatalog catalog;
    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip());
    }

    @Before
    public void start() throws WsaException {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
        ws.startup(Winsock.VERSION_2_2);
    }

    @After
    public void stop() throws WsaException {
        ws.cleanup();
    }

    private static InetAddress v6() throws Exception {
        return InetAddress.getByName("::1");
    }

    private String tcpEcho(int af, InetAddress ip, String text) throws Exception {
        SocketHandle server = ws.socket(af, SOCK_STREAM, IPPROTO_TCP);
        ws.bind(server, SockAddr.of(ip, 0));
        ws.listen(server, Winsock.SOMAXCONN);
        SockAddr at = ws.getSockName(server);
        SocketHandle client = ws.socket(af, SOCK_STREAM, IPPROTO_TCP);
        ws.connect(client, at);
        SocketHandle accepted = ws.accept(server);
        assertEquals(ws.getSockName(client), ws.getPeerName(accepted));
        ws.send(client, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        ByteBuffer buf = ByteBuffer.allocate(256);
        int n = ws.recv(accepted, buf, 0);
        buf.flip();
        ws.send(accepted, buf, 0);
        ByteBuffer back = ByteBuffer.allocate(256);
        int m = ws.recv(client, back, 0);
        assertEquals(n, m);
        ws.closeSocket(client);
        assertEquals("a graceful close reads as 0 bytes", 0, ws.recv(accepted, ByteBuffer.allocate(8), 0));
        ws.closeSocket(accepted);
        ws.closeSocket(server);
        return new String(back.array(), 0, m, StandardCharsets.UTF_8);
    }

    @Test
    public void tcpEchoOverIpv4AndIpv6() throws Exception {
        assertEquals("hello v4", tcpEcho(AF_INET, V4, "hello v4"));
        assertEquals("hello v6", tcpEcho(AF_INET6, v6(), "hello v6"));
    }

    @Test
    public void theEchoServerCommandServesAnOrdinaryTcpClient() throws Exception {
        String started = Shell.run(shell, "ws2:echo-server 0");
        assertTrue(started, started.startsWith("Echo server listening on"));
        int port = Integer.parseInt(started.replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+).*", "$1").trim());
        try (Socket plain = new Socket(V4, port)) {
            OutputStream out = plain.getOutputStream();
            out.write("plain java.net client".getBytes(StandardCharsets.UTF_8));
            plain.shutdownOutput();
            InputStream in = plain.getInputStream();
            assertEquals("plain java.net client", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        String echoed = Shell.run(shell, "ws2:echo ::1 " + port + " through-ws2");
        assertEquals("through-ws2", echoed.trim());
    }

    private void udp(int af, InetAddress ip) throws Exception {
        SocketHandle a = ws.socket(af, SOCK_DGRAM, IPPROTO_UDP);
        SocketHandle b = ws.socket(af, SOCK_DGRAM, IPPROTO_UDP);
        ws.bind(a, SockAddr.of(ip, 0));
        ws.bind(b, SockAddr.of(ip, 0));
        ws.sendTo(a, ByteBuffer.wrap(new byte[] {1, 2, 3}), 0, ws.getSockName(b));
        ByteBuffer buf = ByteBuffer.allocate(16);
        Received r = ws.recvFrom(b, buf, 0);
        assertEquals(3, r.bytes());
        assertEquals("the sender's address", ws.getSockName(a), r.from());
        assertEquals(3, buf.get(2));
        ws.closeSocket(a);
        ws.closeSocket(b);
    }

    @Test
    public void udpDatagramsCarryTheirSender() throws Exception {
        udp(AF_INET, V4);
        udp(AF_INET6, v6());
    }

    @Test
    public void selectionFollowsWinsockRulesAndCodes() throws Exception {
        assertEquals("protocol 0 matches PFL_MATCHES_PROTOCOL_ZERO", "ws2 Tcpip [TCP/IP]",
                ws.getSockOpt(ws.socket(AF_INET, SOCK_STREAM, 0), SockOpt.SO_PROTOCOL_INFOW).protocolName());
        assertEquals("type and family wildcards take the first match", "ws2 Tcpip [UDP/IP]",
                ws.getSockOpt(ws.socket(0, SOCK_DGRAM, 0), SockOpt.SO_PROTOCOL_INFOW).protocolName());
        assertEquals(WsaError.WSAEAFNOSUPPORT, assertThrows(WsaException.class, () -> ws.socket(AF_IRDA, SOCK_STREAM, 0)).error());
        assertEquals(WsaError.WSAESOCKTNOSUPPORT, assertThrows(WsaException.class, () -> ws.socket(AF_INET, SOCK_RAW, 0)).error());
        assertEquals(WsaError.WSAEPROTONOSUPPORT,
                assertThrows(WsaException.class, () -> ws.socket(AF_INET, SOCK_STREAM, IPPROTO_UDP)).error());
    }

    @Test
    public void handlesOfAnotherContextUnknownOrClosedAreNotSockets() throws Exception {
        Winsock other = factory.open("another-client");
        other.startup(Winsock.VERSION_2_2);
        try {
            SocketHandle theirs = other.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            WsaException e = assertThrows(WsaException.class, () -> ws.bind(theirs, SockAddr.of(V4, 0)));
            assertEquals(WsaError.WSAENOTSOCK, e.error());
            assertEquals(WsaError.WSAENOTSOCK, assertThrows(WsaException.class, () -> ws.handle(theirs.value())).error());
            other.bind(theirs, SockAddr.of(V4, 0));
            assertEquals("the refusal did not disturb the owner", V4, other.getSockName(theirs).toInet().getAddress());
            SocketHandle mine = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertSame(mine, ws.handle(mine.value()));
            ws.closeSocket(mine);
            assertEquals(WsaError.WSAENOTSOCK, assertThrows(WsaException.class, () -> ws.listen(mine, 1)).error());
            assertEquals(WsaError.WSAENOTSOCK, assertThrows(WsaException.class, () -> ws.handle(mine.value())).error());
            assertEquals(WsaError.WSAENOTSOCK, assertThrows(WsaException.class, () -> ws.handle(0x7fff_ffffL)).error());
        } finally {
            other.close();
        }
    }

    @Test
    public void selectReportsReadableSocketsOfOneProvider() throws Exception {
        SocketHandle server = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.bind(server, SockAddr.of(V4, 0));
        ws.listen(server, 4);
        SocketHandle idle = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
        ws.bind(idle, SockAddr.of(V4, 0));
        FdSet read = FdSet.of(server, idle);
        assertEquals(0, ws.select(read, null, null, Duration.ZERO));
        assertEquals(0, read.count());
        SocketHandle client = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.connect(client, ws.getSockName(server));
        read = FdSet.of(server, idle);
        assertEquals(1, ws.select(read, null, null, Duration.ofSeconds(5)));
        assertTrue(read.isSet(server));
        ws.closeSocket(client);
        ws.closeSocket(idle);
        ws.closeSocket(server);
    }
}
