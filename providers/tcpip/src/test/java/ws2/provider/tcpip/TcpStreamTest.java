package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ws2.api.AddressFamily;
import ws2.api.ConnectData;
import ws2.api.Linger;
import ws2.api.MessageFlags;
import ws2.api.Overlapped;
import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** TCP over loopback: data, flags, timeouts, shutdown and the errors of connect, bind and listen. */
class TcpStreamTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;

    @ParameterizedTest
    @ValueSource(ints = {AddressFamily.AF_INET, AddressFamily.AF_INET6})
    void echoesOverLoopback(int family) throws Exception {
        Connection c = connect(family);
        sendText(c.client(), "hello, winsock");
        String got = recvText(c.server(), 14);
        sendText(c.server(), got.toUpperCase());
        assertEquals("HELLO, WINSOCK", recvText(c.client(), 14));
        assertEquals(d.getSockName(c.client()), d.getPeerName(c.server()));
        assertEquals(d.getPeerName(c.client()), d.getSockName(c.server()));
        assertEquals(family, d.getPeerName(c.client()).family());
    }

    @Test
    void acceptedSocketGetsItsOwnHandleOfTheListenersEntry() throws Exception {
        Connection c = connect(V4);
        TestUpcall.Handle server = (TestUpcall.Handle) c.server();
        assertEquals(TCP4.catalogEntryId(), server.catalogEntryId());
        assertEquals(server.ifsHandle().channel(), ((TcpipSocket) server.ifsHandle()).channel());
        assertTrue(upcall.handles.contains(server));
    }

    @Test
    void recvReturnsZeroAtTheEndOfTheStream() throws Exception {
        Connection c = connect(V4);
        d.closeSocket(c.client());
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(8), 0));
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(8), 0));
    }

    @Test
    void gathersAndScatters() throws Exception {
        Connection c = connect(V4);
        ByteBuffer[] out = {bytes("abc"), bytes("defg")};
        assertEquals(7, d.send(c.client(), out, 0, null, null, null));
        ByteBuffer[] in = {ByteBuffer.allocate(2), ByteBuffer.allocate(5)};
        assertEquals(7, d.recv(c.server(), in, MessageFlags.MSG_WAITALL, null, null, null));
        assertEquals("ab", text(in[0].flip()));
        assertEquals("cdefg", text(in[1].flip()));
    }

    @Test
    void peekLeavesTheDataForTheNextReceive() throws Exception {
        Connection c = connect(V4);
        sendText(c.client(), "peekaboo");
        ByteBuffer peeked = ByteBuffer.allocate(4);
        assertEquals(4, d.recv(c.server(), peeked, MessageFlags.MSG_PEEK));
        assertEquals("peek", text(peeked.flip()));
        ByteBuffer again = ByteBuffer.allocate(4);
        assertEquals(4, d.recv(c.server(), again, MessageFlags.MSG_PEEK));
        assertEquals("peek", text(again.flip()));
        assertEquals("peekaboo", recvText(c.server(), 8));
    }

    @Test
    void peekCountsInFionreadAndSelect() throws Exception {
        Connection c = connect(V4);
        sendText(c.client(), "0123456789");
        awaitReadable(c.server()); // one small loopback segment: all ten bytes arrive together
        assertEquals(3, d.recv(c.server(), ByteBuffer.allocate(3), MessageFlags.MSG_PEEK));
        assertEquals(10, fionread(c.server()));
        ws2.api.FdSet read = ws2.api.FdSet.of(c.server());
        assertEquals(1, d.select(read, null, null, java.time.Duration.ZERO));
        assertEquals("0123456789", recvText(c.server(), 10));
        assertEquals(0, fionread(c.server()));
    }

    @Test
    void waitAllFillsEveryBufferBeforeReturning() throws Exception {
        Connection c = connect(V4);
        CompletableFuture<Integer> receive = CompletableFuture.supplyAsync(() -> {
            try {
                return d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(6), ByteBuffer.allocate(6)},
                        MessageFlags.MSG_WAITALL, null, null, null);
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
        });
        for (String part : new String[] {"ab", "cdef", "ghijkl"}) {
            awaitThreadBlockedIn("read"); // the receive waits for more after every part
            sendText(c.client(), part);
        }
        assertEquals(12, receive.get(10, TimeUnit.SECONDS));
    }

    @Test
    void waitAllReturnsWhatCameBeforeTheEndOfTheStream() throws Exception {
        Connection c = connect(V4);
        sendText(c.client(), "short");
        d.shutdown(c.client(), ShutdownHow.SD_SEND);
        ByteBuffer b = ByteBuffer.allocate(64);
        assertEquals(5, d.recv(c.server(), new ByteBuffer[] {b}, MessageFlags.MSG_WAITALL, null, null, null));
    }

    @Test
    void waitAllIsRefusedOnNonBlockingSocketsAndWithPeek() throws Exception {
        Connection c = connect(V4);
        ByteBuffer[] b = {ByteBuffer.allocate(4)};
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), b, MessageFlags.MSG_WAITALL | MessageFlags.MSG_PEEK,
                null, null, null));
        setNonBlocking(c.server(), true);
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), b, MessageFlags.MSG_WAITALL, null, null, null));
    }

    @Test
    void receiveTimeoutFailsWithTimedOutAndKeepsTheSocketUsable() throws Exception {
        Connection c = connect(V4);
        d.setSockOpt(c.server(), SockOpt.SO_RCVTIMEO, 100);
        fails(WsaError.WSAETIMEDOUT, () -> d.recv(c.server(), ByteBuffer.allocateDirect(8), 0));
        sendText(c.client(), "late");
        receives(c.server(), 8, "late");
    }

    @Test
    void outOfBandDataAndUnknownFlagsAreNotSupported() throws Exception {
        Connection c = connect(V4);
        fails(WsaError.WSAEOPNOTSUPP, () -> d.send(c.client(), bytes("!"), MessageFlags.MSG_OOB));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), ByteBuffer.allocate(1), MessageFlags.MSG_OOB));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0x4000));
        assertEquals(1, d.send(c.client(), bytes("!"), MessageFlags.MSG_DONTROUTE));
        assertEquals("!", recvText(c.server(), 1));
    }

    @Test
    void anOverlappedSendThatCanCompleteCompletesAtOnceAndIsStillIndicated() throws Exception {
        Connection c = connect(V4);
        Overlapped ov = new Overlapped();
        ov.begin();
        assertEquals(1, d.send(c.client(), new ByteBuffer[] {bytes("x")}, 0, ov, null, null));
        TestUpcall.Completed done = upcall.completions.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(new TestUpcall.Completed(c.client(), ov, 0, 1, 0), done);
        assertEquals("x", recvText(c.server(), 1));
    }

    @Test
    void shutdownSendStopsSendingAndEndsThePeersStream() throws Exception {
        Connection c = connect(V4);
        d.shutdown(c.client(), ShutdownHow.SD_SEND);
        fails(WsaError.WSAESHUTDOWN, () -> d.send(c.client(), bytes("x"), 0));
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(4), 0));
        sendText(c.server(), "still open");
        assertEquals("still open", recvText(c.client(), 10));
    }

    @Test
    void shutdownReceiveFailsLaterReceives() throws Exception {
        Connection c = connect(V4);
        d.shutdown(c.server(), ShutdownHow.SD_RECEIVE);
        fails(WsaError.WSAESHUTDOWN, () -> d.recv(c.server(), ByteBuffer.allocate(4), 0));
        fails(WsaError.WSAESHUTDOWN, () -> d.recv(c.server(), ByteBuffer.allocate(4), MessageFlags.MSG_PEEK));
        d.recvDisconnect(c.client(), null);
        fails(WsaError.WSAESHUTDOWN, () -> d.recv(c.client(), ByteBuffer.allocate(4), 0));
    }

    @Test
    void shutdownChecksHowAndNeedsAConnection() throws Exception {
        Connection c = connect(V4);
        fails(WsaError.WSAEINVAL, () -> d.shutdown(c.client(), 3));
        fails(WsaError.WSAENOTCONN, () -> d.shutdown(socket(TCP4), ShutdownHow.SD_BOTH));
        fails(WsaError.WSAENOPROTOOPT, () -> d.sendDisconnect(c.client(), ByteBuffer.allocate(4)));
        d.sendDisconnect(c.client(), null);
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(4), 0));
    }

    @Test
    void refusedConnectFailsAndTheSocketCanTryAgain() throws Exception {
        SockAddr nobody = nobodyListening(V4);
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAECONNREFUSED, () -> d.connect(s, nobody, null));
        SocketHandle l = listener(V4);
        d.connect(s, d.getSockName(l), null);
        SocketHandle server = d.accept(l, null);
        sendText(s, "retry");
        assertEquals("retry", recvText(server, 5));
    }

    @Test
    void connectChecksItsAddress() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEADDRNOTAVAIL, () -> d.connect(s, SockAddr.of(java.net.InetAddress.getByName("0.0.0.0"), 80), null));
        fails(WsaError.WSAEAFNOSUPPORT, () -> d.connect(s, loopback(AddressFamily.AF_INET6, 80), null));
        fails(WsaError.WSAEINVAL, () -> d.connect(listener(V4), loopback(V4, 80), null));
    }

    @Test
    void connectTwiceIsAlreadyConnected() throws Exception {
        Connection c = connect(V4);
        fails(WsaError.WSAEISCONN, () -> d.connect(c.client(), d.getPeerName(c.client()), null));
    }

    @Test
    void connectDataIsRefused() throws Exception {
        SocketHandle l = listener(V4);
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEPROTONOSUPPORT, () -> d.connect(s, d.getSockName(l), new ConnectData(bytes("hi"), null,
                null, null)));
    }

    @Test
    void bindChecksFamilyAndRefusesASecondBind() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEFAULT, () -> d.bind(s, loopback(AddressFamily.AF_INET6, 0)));
        d.bind(s, loopback(V4, 0));
        fails(WsaError.WSAEINVAL, () -> d.bind(s, loopback(V4, 0)));
        SocketHandle other = socket(TCP4);
        d.listen(s, 1);
        fails(WsaError.WSAEADDRINUSE, () -> d.bind(other, d.getSockName(s)));
    }

    @Test
    void bindToAForeignAddressIsNotAvailable() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEADDRNOTAVAIL, () -> d.bind(s, SockAddr.of(java.net.InetAddress.getByName("192.0.2.1"), 0)));
    }

    @Test
    void listenNeedsABoundStreamSocketAndMayBeRepeated() throws Exception {
        fails(WsaError.WSAEINVAL, () -> d.listen(socket(TCP4), 5));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.listen(boundUdp(V4), 5));
        SocketHandle l = listener(V4);
        SockAddr name = d.getSockName(l);
        d.listen(l, Integer.MAX_VALUE);
        assertEquals(name, d.getSockName(l));
        Connection c = connect(V4);
        fails(WsaError.WSAEISCONN, () -> d.listen(c.client(), 5));
    }

    @Test
    void listenKeepsTheBoundAddressAndPort() throws Exception {
        SocketHandle s = socket(TCP6);
        d.bind(s, loopback(AddressFamily.AF_INET6, 0));
        SockAddr bound = d.getSockName(s);
        d.listen(s, 0);
        assertEquals(bound, d.getSockName(s));
        assertTrue(d.getSockOpt(s, SockOpt.SO_ACCEPTCONN));
    }

    @Test
    void acceptNeedsAListener() throws Exception {
        fails(WsaError.WSAEINVAL, () -> d.accept(socket(TCP4), null));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.accept(boundUdp(V4), null));
    }

    @Test
    void unconnectedSocketsNeitherSendNorReceive() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAENOTCONN, () -> d.send(s, bytes("x"), 0));
        fails(WsaError.WSAENOTCONN, () -> d.recv(s, ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAENOTCONN, () -> d.getPeerName(s));
        fails(WsaError.WSAEINVAL, () -> d.getSockName(s));
        SocketHandle l = listener(V4);
        fails(WsaError.WSAENOTCONN, () -> d.recv(l, ByteBuffer.allocate(1), 0));
    }

    @Test
    void sendToAndRecvFromWorkOnAConnectedStreamIgnoringAddresses() throws Exception {
        Connection c = connect(V4);
        assertEquals(3, d.sendTo(c.client(), new ByteBuffer[] {bytes("abc")}, 0, loopback(V4, 9), null, null, null));
        ByteBuffer b = ByteBuffer.allocate(3);
        Received r = d.recvFrom(c.server(), new ByteBuffer[] {b}, MessageFlags.MSG_WAITALL, null, null, null);
        assertEquals(3, r.bytes());
        assertNull(r.from());
    }

    @Test
    void lingerZeroResetsThePeer() throws Exception {
        Connection c = connect(V4);
        d.setSockOpt(c.client(), SockOpt.SO_LINGER, new Linger(true, 0));
        d.closeSocket(c.client());
        fails(WsaError.WSAECONNRESET, () -> d.recv(c.server(), ByteBuffer.allocate(4), 0));
    }

    @Test
    void closingASocketInterruptsItsBlockedReceive() throws Exception {
        Connection c = connect(V4);
        CompletableFuture<Integer> receive = CompletableFuture.supplyAsync(() -> {
            try {
                return d.recv(c.server(), ByteBuffer.allocate(4), 0);
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
        });
        awaitThreadBlockedIn("read");
        d.closeSocket(c.server());
        ExecutionException e = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                () -> receive.get(10, TimeUnit.SECONDS));
        WsaException failure = (WsaException) e.getCause().getCause();
        assertEquals(WsaError.WSAEINTR, failure.error(), failure::getMessage);
        fails(WsaError.WSAENOTSOCK, () -> d.closeSocket(c.server()));
    }
}
