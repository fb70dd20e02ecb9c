package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import ws2.api.AddressFamily;
import ws2.api.IoctlCodes;
import ws2.api.IpProtocol;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;

/**
 * A started tcpip dispatch on a {@link TestUpcall}, the provider's four catalog entries and
 * helpers that make loopback sockets (127.0.0.1 and ::1 only). Each test gets a fresh dispatch,
 * cleaned up afterwards.
 */
abstract class TcpipTestBase {
    static final ProtocolInfo TCP4 = entry(1001, "ws2 Tcpip [TCP/IP]", AddressFamily.AF_INET, SocketType.SOCK_STREAM);
    static final ProtocolInfo UDP4 = entry(1002, "ws2 Tcpip [UDP/IP]", AddressFamily.AF_INET, SocketType.SOCK_DGRAM);
    static final ProtocolInfo TCP6 = entry(1003, "ws2 Tcpip [TCP/IPv6]", AddressFamily.AF_INET6, SocketType.SOCK_STREAM);
    static final ProtocolInfo UDP6 = entry(1004, "ws2 Tcpip [UDP/IPv6]", AddressFamily.AF_INET6, SocketType.SOCK_DGRAM);

    final TestUpcall upcall = new TestUpcall();
    WspDispatch d;

    private static ProtocolInfo entry(int id, String name, int family, int type) {
        boolean stream = type == SocketType.SOCK_STREAM;
        int length = family == AddressFamily.AF_INET ? SockAddr.SOCKADDR_IN_LENGTH : SockAddr.SOCKADDR_IN6_LENGTH;
        return ProtocolInfo.builder().providerId(UUID.fromString(TcpipProvider.ID)).catalogEntryId(id)
                .triple(family, type, stream ? IpProtocol.IPPROTO_TCP : IpProtocol.IPPROTO_UDP)
                .serviceFlags1(stream ? TcpipProvider.STREAM_FLAGS : TcpipProvider.DATAGRAM_FLAGS)
                .sockAddrLengths(length, length).messageSize(stream ? 0 : TcpipProvider.UDP_MESSAGE_SIZE)
                .protocolName(name).build();
    }

    @BeforeEach
    void startDispatch() throws WsaException {
        d = new TcpipProvider().startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
    }

    @AfterEach
    void cleanupDispatch() throws WsaException {
        if (((TcpipDispatch) d).started()) {
            d.cleanup();
        }
    }

    /** A new socket of a catalog entry, its triple taken from the entry. */
    SocketHandle socket(ProtocolInfo info) throws WsaException {
        return d.socket(0, 0, 0, info, 0, 0);
    }

    /** The loopback address of a family with a port. */
    static SockAddr loopback(int family, int port) {
        try {
            return SockAddr.of(InetAddress.getByName(family == AddressFamily.AF_INET ? "127.0.0.1" : "::1"), port);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static ProtocolInfo tcp(int family) {
        return family == AddressFamily.AF_INET ? TCP4 : TCP6;
    }

    static ProtocolInfo udp(int family) {
        return family == AddressFamily.AF_INET ? UDP4 : UDP6;
    }

    /** A TCP socket listening on the loopback address, at a port the system chose. */
    SocketHandle listener(int family) throws WsaException {
        SocketHandle s = socket(tcp(family));
        d.bind(s, loopback(family, 0));
        d.listen(s, 16);
        return s;
    }

    /** A UDP socket bound to the loopback address. */
    SocketHandle boundUdp(int family) throws WsaException {
        SocketHandle s = socket(udp(family));
        d.bind(s, loopback(family, 0));
        return s;
    }

    /** The two ends of a loopback TCP connection. */
    record Connection(SocketHandle client, SocketHandle server) {
    }

    Connection connect(int family) throws WsaException {
        SocketHandle listener = listener(family);
        SocketHandle client = socket(tcp(family));
        d.connect(client, d.getSockName(listener), null);
        SocketHandle server = d.accept(listener, null);
        d.closeSocket(listener);
        return new Connection(client, server);
    }

    void setNonBlocking(SocketHandle s, boolean on) throws WsaException {
        ByteBuffer in = ByteBuffer.allocate(4).putInt(0, on ? 1 : 0);
        assertEquals(0, d.ioctl(s, IoctlCodes.FIONBIO, in, null, null, null, null));
    }

    int fionread(SocketHandle s) throws WsaException {
        ByteBuffer out = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder());
        assertEquals(4, d.ioctl(s, IoctlCodes.FIONREAD, null, out, null, null, null));
        return out.getInt(0);
    }

    /**
     * Starts a connect that may complete at once or, on a non-blocking socket, later.
     *
     * @return true if it connected at once, false if it would block
     */
    boolean startConnect(SocketHandle s, SockAddr to) throws WsaException {
        try {
            d.connect(s, to, null);
            return true;
        } catch (WsaException e) {
            assertEquals(WsaError.WSAEWOULDBLOCK, e.error(), e::getMessage);
            return false;
        }
    }

    /** A loopback address where nothing listens: the port of a listener that was closed. */
    SockAddr nobodyListening(int family) throws WsaException {
        SocketHandle gone = listener(family);
        SockAddr name = d.getSockName(gone);
        d.closeSocket(gone);
        return name;
    }

    /** Receives once into a buffer of {@code capacity} bytes and checks that exactly {@code expected} arrived. */
    void receives(SocketHandle s, int capacity, String expected) throws WsaException {
        ByteBuffer b = ByteBuffer.allocate(capacity);
        assertEquals(expected.length(), d.recv(s, b, 0));
        assertEquals(expected, text(b.flip()));
    }

    /** Waits (up to 10 s, failing then) until a socket is readable, as select reports it. */
    void awaitReadable(SocketHandle s) throws WsaException {
        assertEquals(1, d.select(ws2.api.FdSet.of(s), null, null, java.time.Duration.ofSeconds(10)));
    }

    /**
     * Waits (up to 10 s, failing then) until a thread of this test is blocked in a java.nio socket
     * call whose method name contains {@code method}, called from the provider.
     */
    static void awaitThreadBlockedIn(String method) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            for (StackTraceElement[] stack : Thread.getAllStackTraces().values()) {
                boolean inNio = java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("sun.nio.ch.")
                        && f.getMethodName().contains(method));
                if (inNio && java.util.Arrays.stream(stack).anyMatch(f -> f.getClassName().startsWith("ws2.provider"))) {
                    return;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("no thread blocked in a java.nio " + method + " call from the provider");
    }

    /** Sends all of a text on a blocking stream socket. */
    void sendText(SocketHandle s, String text) throws WsaException {
        ByteBuffer b = bytes(text);
        assertEquals(b.remaining(), d.send(s, b, 0));
    }

    /** Receives exactly {@code length} bytes on a blocking stream socket. */
    String recvText(SocketHandle s, int length) throws WsaException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (d.recv(s, b, 0) == 0) {
                throw new AssertionError("the stream ended after " + b.position() + " of " + length + " bytes");
            }
        }
        return text(b.flip());
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b).toString();
    }

    /** Asserts that a call fails with a code and returns the failure. */
    static WsaException fails(WsaError error, Executable call) {
        WsaException e = assertThrows(WsaException.class, call);
        assertEquals(error, e.error(), e::getMessage);
        return e;
    }
}
