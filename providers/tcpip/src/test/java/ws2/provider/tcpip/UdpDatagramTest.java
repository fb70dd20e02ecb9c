package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ws2.api.AddressFamily;
import ws2.api.FdSet;
import ws2.api.MessageFlags;
import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** UDP over loopback: datagrams with their sender, truncation, peeking, connected sockets and limits. */
class UdpDatagramTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;

    private Received recvFrom(SocketHandle s, ByteBuffer... buffers) throws Exception {
        return d.recvFrom(s, buffers, 0, null, null, null);
    }

    private int sendTo(SocketHandle s, SockAddr to, String text) throws Exception {
        return d.sendTo(s, new ByteBuffer[] {bytes(text)}, 0, to, null, null, null);
    }

    @ParameterizedTest
    @ValueSource(ints = {AddressFamily.AF_INET, AddressFamily.AF_INET6})
    void datagramsArriveWholeWithTheirSender(int family) throws Exception {
        SocketHandle receiver = boundUdp(family);
        SocketHandle sender = boundUdp(family);
        assertEquals(5, sendTo(sender, d.getSockName(receiver), "first"));
        assertEquals(6, sendTo(sender, d.getSockName(receiver), "second"));
        ByteBuffer b = ByteBuffer.allocate(100);
        Received r = recvFrom(receiver, b);
        assertEquals(5, r.bytes());
        assertEquals(0, r.flags());
        assertEquals(d.getSockName(sender), r.from());
        assertEquals("first", text(b.flip()));
        receives(receiver, 70_000, "second");
    }

    @Test
    void firstSendBindsImplicitly() throws Exception {
        SocketHandle receiver = boundUdp(V4);
        SocketHandle sender = socket(UDP4);
        fails(WsaError.WSAEINVAL, () -> d.getSockName(sender));
        sendTo(sender, d.getSockName(receiver), "x");
        assertEquals(d.getSockName(sender).port(), recvFrom(receiver, ByteBuffer.allocate(4)).from().port());
    }

    @Test
    void receivingOnAnUnboundSocketIsInvalid() throws Exception {
        SocketHandle s = socket(UDP4);
        fails(WsaError.WSAEINVAL, () -> recvFrom(s, ByteBuffer.allocate(4)));
        fails(WsaError.WSAEINVAL, () -> d.recv(s, ByteBuffer.allocate(70_000), 0));
    }

    @Test
    void aDatagramLargerThanTheBuffersFillsThemAndFailsWithMsgSize() throws Exception {
        SocketHandle receiver = boundUdp(V4);
        SocketHandle sender = boundUdp(V4);
        sendTo(sender, d.getSockName(receiver), "0123456789");
        sendTo(sender, d.getSockName(receiver), "next");
        ByteBuffer[] small = {ByteBuffer.allocate(3), ByteBuffer.allocate(4)};
        fails(WsaError.WSAEMSGSIZE, () -> recvFrom(receiver, small));
        assertEquals("012", text(small[0].flip()));
        assertEquals("3456", text(small[1].flip()));
        receives(receiver, 10, "next");
    }

    @Test
    void peekLeavesTheDatagramQueued() throws Exception {
        SocketHandle receiver = boundUdp(V4);
        SocketHandle sender = boundUdp(V4);
        sendTo(sender, d.getSockName(receiver), "look");
        ByteBuffer peeked = ByteBuffer.allocate(10);
        Received r = d.recvFrom(receiver, new ByteBuffer[] {peeked}, MessageFlags.MSG_PEEK, null, null, null);
        assertEquals(d.getSockName(sender), r.from());
        assertEquals("look", text(peeked.flip()));
        assertEquals(1, d.select(FdSet.of(receiver), null, null, Duration.ZERO));
        receives(receiver, 10, "look");
    }

    @Test
    void fionreadGivesTheSizeOfTheNextDatagram() throws Exception {
        SocketHandle receiver = boundUdp(V4);
        assertEquals(0, fionread(receiver));
        SocketHandle sender = boundUdp(V4);
        sendTo(sender, d.getSockName(receiver), "12345");
        sendTo(sender, d.getSockName(receiver), "123");
        assertEquals(1, d.select(FdSet.of(receiver), null, null, Duration.ofSeconds(10)));
        assertEquals(5, fionread(receiver));
        assertEquals(5, d.recv(receiver, ByteBuffer.allocate(10), 0));
        assertEquals(1, d.select(FdSet.of(receiver), null, null, Duration.ofSeconds(10)));
        assertEquals(3, fionread(receiver));
    }

    @Test
    void connectedSocketsSendAndReceiveWithoutAddresses() throws Exception {
        SocketHandle a = boundUdp(V4);
        SocketHandle b = boundUdp(V4);
        d.connect(a, d.getSockName(b), null);
        d.connect(b, d.getSockName(a), null);
        assertEquals(d.getSockName(b), d.getPeerName(a));
        assertEquals(3, d.send(a, bytes("abc"), 0));
        receives(b, 8, "abc");
        assertEquals(2, d.send(b, new ByteBuffer[] {bytes("x"), bytes("y")}, 0, null, null, null));
        receives(a, 8, "xy");
        assertEquals(1, sendTo(a, null, "z"));
        assertEquals(d.getSockName(a), recvFrom(b, ByteBuffer.allocate(4)).from());
    }

    @Test
    void connectingToTheZeroAddressDissolvesTheAssociation() throws Exception {
        SocketHandle a = boundUdp(V4);
        SocketHandle b = boundUdp(V4);
        d.connect(a, d.getSockName(b), null);
        d.connect(a, SockAddr.of(InetAddress.getByName("0.0.0.0"), 0), null);
        fails(WsaError.WSAENOTCONN, () -> d.getPeerName(a));
        fails(WsaError.WSAENOTCONN, () -> d.send(a, bytes("x"), 0));
    }

    @Test
    void anUnconnectedSocketNeedsADestination() throws Exception {
        SocketHandle s = boundUdp(V4);
        fails(WsaError.WSAEDESTADDRREQ, () -> sendTo(s, null, "x"));
        fails(WsaError.WSAENOTCONN, () -> d.send(s, bytes("x"), 0));
        fails(WsaError.WSAEADDRNOTAVAIL, () -> sendTo(s, SockAddr.of(InetAddress.getByName("0.0.0.0"), 9), "x"));
        fails(WsaError.WSAEAFNOSUPPORT, () -> sendTo(s, loopback(AddressFamily.AF_INET6, 9), "x"));
    }

    @Test
    void gatheredDatagramsArriveAsOne() throws Exception {
        SocketHandle receiver = boundUdp(V4);
        SocketHandle sender = boundUdp(V4);
        ByteBuffer[] parts = {bytes("ga"), bytes("th"), bytes("er")};
        assertEquals(6, d.sendTo(sender, parts, 0, d.getSockName(receiver), null, null, null));
        assertEquals(0, parts[2].remaining());
        ByteBuffer b = ByteBuffer.allocate(10);
        assertEquals(6, recvFrom(receiver, b).bytes());
        assertEquals("gather", text(b.flip()));
    }

    @ParameterizedTest
    @ValueSource(ints = {AddressFamily.AF_INET, AddressFamily.AF_INET6})
    void datagramsOverTheLimitAreRefused(int family) throws Exception {
        SocketHandle s = boundUdp(family);
        int max = d.getSockOpt(s, SockOpt.SO_MAX_MSG_SIZE);
        assertEquals(family == V4 ? 65507 : 65527, max);
        SockAddr self = d.getSockName(s);
        fails(WsaError.WSAEMSGSIZE, () -> d.sendTo(s, new ByteBuffer[] {ByteBuffer.allocate(max + 1)}, 0, self, null,
                null, null));
        assertEquals(max, d.sendTo(s, new ByteBuffer[] {ByteBuffer.allocate(max)}, 0, self, null, null, null));
        assertEquals(max, recvFrom(s, ByteBuffer.allocate(max)).bytes());
    }

    @Test
    void broadcastNeedsSoBroadcast() throws Exception {
        SocketHandle s = boundUdp(V4);
        fails(WsaError.WSAEACCES, () -> sendTo(s, SockAddr.of(InetAddress.getByName("255.255.255.255"), 9), "x"));
    }

    @Test
    void nonBlockingReceiveWouldBlock() throws Exception {
        SocketHandle s = boundUdp(V4);
        setNonBlocking(s, true);
        fails(WsaError.WSAEWOULDBLOCK, () -> recvFrom(s, ByteBuffer.allocate(4)));
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(s, ByteBuffer.allocate(70_000), 0));
    }

    @Test
    void receiveTimeoutFailsWithTimedOut() throws Exception {
        SocketHandle s = boundUdp(V4);
        d.setSockOpt(s, SockOpt.SO_RCVTIMEO, 50);
        fails(WsaError.WSAETIMEDOUT, () -> recvFrom(s, ByteBuffer.allocate(4)));
        sendTo(s, d.getSockName(s), "self");
        assertEquals(4, recvFrom(s, ByteBuffer.allocate(4)).bytes());
    }

    @Test
    void shutdownStopsTheDirections() throws Exception {
        SocketHandle s = boundUdp(V4);
        d.shutdown(s, ShutdownHow.SD_BOTH);
        fails(WsaError.WSAESHUTDOWN, () -> sendTo(s, d.getSockName(s), "x"));
        fails(WsaError.WSAESHUTDOWN, () -> recvFrom(s, ByteBuffer.allocate(4)));
    }

    @Test
    void datagramSocketsHaveNoWaitAllNorOutOfBandData() throws Exception {
        SocketHandle s = boundUdp(V4);
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recvFrom(s, new ByteBuffer[] {ByteBuffer.allocate(4)},
                MessageFlags.MSG_WAITALL, null, null, null));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.sendTo(s, new ByteBuffer[] {bytes("x")}, MessageFlags.MSG_OOB,
                d.getSockName(s), null, null, null));
    }

    @Test
    void emptyDatagramsArrive() throws Exception {
        SocketHandle s = boundUdp(V4);
        assertEquals(0, sendTo(s, d.getSockName(s), ""));
        Received r = recvFrom(s, ByteBuffer.allocate(4));
        assertEquals(0, r.bytes());
        assertEquals(d.getSockName(s), r.from());
    }
}
