package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ws2.api.AcceptCondition;
import ws2.api.ConnectData;
import ws2.api.Linger;
import ws2.api.MessageFlags;
import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** Connections, names and the synchronous data path: {@code WSPBind} to {@code WSPCloseSocket}. */
class StreamTest extends MemoryTestBase {
    @Test
    void echoesBothWays() throws Exception {
        Connection c = connect();
        sendText(c.client(), "hello");
        receives(c.server(), 16, "hello");
        sendText(c.server(), "hello back");
        receives(c.client(), 16, "hello back");
    }

    @Test
    void sendGathersAndReceiveScattersInOrder() throws Exception {
        Connection c = connect();
        assertEquals(5, d.send(c.client(), buffers("ab", "", "cde"), 0, null, null, null));
        ByteBuffer first = ByteBuffer.allocate(2);
        ByteBuffer second = ByteBuffer.allocate(10);
        assertEquals(5, d.recv(c.server(), new ByteBuffer[] {first, second}, 0, null, null, null));
        assertEquals("ab", text(first.flip()));
        assertEquals("cde", text(second.flip()));
    }

    @Test
    void sendToAndRecvFromOfAConnectedStreamIgnoreAddresses() throws Exception {
        Connection c = connect();
        assertEquals(3, d.sendTo(c.client(), buffers("abc"), 0, address("elsewhere"), null, null, null));
        Received r = d.recvFrom(c.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, null, null, null);
        assertEquals(3, r.bytes());
        assertNull(r.from());
    }

    @Test
    void peekLeavesTheBytesForTheNextReceive() throws Exception {
        Connection c = connect();
        sendText(c.client(), "abc");
        ByteBuffer peeked = ByteBuffer.allocate(8);
        assertEquals(3, d.recv(c.server(), peeked, MessageFlags.MSG_PEEK));
        assertEquals("abc", text(peeked.flip()));
        assertEquals(3, fionread(c.server()));
        receives(c.server(), 8, "abc");
        assertEquals(0, fionread(c.server()));
    }

    @Test
    void waitAllWaitsUntilTheBuffersAreFull() throws Exception {
        Connection c = connect();
        ByteBuffer all = ByteBuffer.allocate(6);
        Background<Integer> reader = new Background<>("waitall", () -> d.recv(c.server(), all, MessageFlags.MSG_WAITALL));
        sendText(c.client(), "abc");
        reader.awaitBlocked();
        sendText(c.client(), "def");
        assertEquals(6, reader.get());
        assertEquals("abcdef", text(all.flip()));
    }

    @Test
    void aLargeTransferThroughASmallPipeArrivesIntact() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 1000);
        byte[] sent = new byte[1 << 20];
        new Random(4).nextBytes(sent);
        Background<Integer> writer = new Background<>("writer", () -> d.send(c.client(), ByteBuffer.wrap(sent), 0));
        ByteBuffer received = ByteBuffer.allocate(sent.length);
        while (received.hasRemaining()) {
            ByteBuffer chunk = received.slice().limit(Math.min(received.remaining(), 777));
            received.position(received.position() + d.recv(c.server(), chunk, 0));
        }
        assertEquals(sent.length, writer.get());
        assertArrayEquals(sent, received.array());
    }

    @Test
    void aBlockingReceiveWaitsForThePeer() throws Exception {
        Connection c = connect();
        ByteBuffer b = ByteBuffer.allocate(8);
        Background<Integer> reader = new Background<>("reader", () -> d.recv(c.server(), b, 0));
        reader.awaitBlocked();
        sendText(c.client(), "wake");
        assertEquals(4, reader.get());
    }

    @Test
    void aBlockingSendWaitsForRoomAndSendsEverything() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 4);
        Background<Integer> writer = new Background<>("writer", () -> d.send(c.client(), bytes("0123456789"), 0));
        writer.awaitBlocked();
        StringBuilder got = new StringBuilder();
        while (got.length() < 10) {
            ByteBuffer b = ByteBuffer.allocate(3);
            d.recv(c.server(), b, 0);
            got.append(text(b.flip()));
        }
        assertEquals(10, writer.get());
        assertEquals("0123456789", got.toString());
    }

    @Test
    void aGracefulCloseEndsTheStreamAfterItsData() throws Exception {
        Connection c = connect();
        sendText(c.client(), "bye");
        d.closeSocket(c.client());
        receives(c.server(), 8, "bye");
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(8), 0));
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(8), 0));
        fails(WsaError.WSAECONNRESET, () -> d.send(c.server(), bytes("late"), 0));
    }

    @Test
    void shutdownSendEndsThePeersStreamWhileReceivingGoesOn() throws Exception {
        Connection c = connect();
        d.shutdown(c.client(), ShutdownHow.SD_SEND);
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(1), 0));
        sendText(c.server(), "still");
        receives(c.client(), 8, "still");
        fails(WsaError.WSAESHUTDOWN, () -> d.send(c.client(), bytes("x"), 0));
    }

    @Test
    void shutdownReceiveRefusesReceivesAndResetsWhenDataArrives() throws Exception {
        Connection c = connect();
        d.shutdown(c.server(), ShutdownHow.SD_RECEIVE);
        fails(WsaError.WSAESHUTDOWN, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAECONNRESET, () -> d.send(c.client(), bytes("x"), 0));
        fails(WsaError.WSAECONNRESET, () -> d.send(c.server(), bytes("x"), 0));
        fails(WsaError.WSAEINVAL, () -> d.shutdown(c.server(), 3));
    }

    @Test
    void closingWithUnreadDataResetsTheConnection() throws Exception {
        Connection c = connect();
        sendText(c.client(), "unread");
        d.closeSocket(c.server());
        fails(WsaError.WSAECONNRESET, () -> d.recv(c.client(), ByteBuffer.allocate(1), 0));
    }

    @Test
    void lingerWithZeroTimeClosesAbortively() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_LINGER, new Linger(true, 0));
        sendText(c.client(), "lost");
        d.closeSocket(c.client());
        fails(WsaError.WSAECONNRESET, () -> d.recv(c.server(), ByteBuffer.allocate(8), 0));
    }

    @Test
    void lingerWithATimeWaitsUntilThePeerTookTheData() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_LINGER, new Linger(true, 60));
        sendText(c.client(), "kept");
        Background<Void> closer = new Background<>("closer", () -> {
            d.closeSocket(c.client());
            return null;
        });
        closer.awaitBlocked();
        receives(c.server(), 8, "kept");
        closer.get();
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(8), 0));
    }

    @Test
    void aNonBlockingLingeringCloseWithUnsentDataWouldBlockAndKeepsTheHandle() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_LINGER, new Linger(true, 60));
        sendText(c.client(), "kept");
        setNonBlocking(c.client(), true);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.closeSocket(c.client()));
        assertTrue(upcall.isOpen(c.client()));
        receives(c.server(), 8, "kept");
        d.closeSocket(c.client());
    }

    @Test
    void bothEndsKnowTheirNames() throws Exception {
        SocketHandle listener = listener("service");
        SocketHandle client = socket();
        d.connect(client, address("service"), null);
        SocketHandle server = d.accept(listener, null);
        SockAddr clientName = d.getSockName(client);
        assertTrue(UnixAddress.name(clientName, WsaError.WSAEINVAL, "test").startsWith("ws2-memory-"));
        assertEquals(address("service"), d.getPeerName(client));
        assertEquals(address("service"), d.getSockName(server));
        assertEquals(clientName, d.getPeerName(server));
        fails(WsaError.WSAENOTCONN, () -> d.getPeerName(listener));
        fails(WsaError.WSAEINVAL, () -> d.getSockName(socket()));
    }

    @Test
    void bindingAnEmptyNameAssignsAUniqueOne() throws Exception {
        SocketHandle a = socket();
        SocketHandle b = socket();
        d.bind(a, address(""));
        d.bind(b, address(""));
        assertNotEquals(d.getSockName(a), d.getSockName(b));
    }

    @Test
    void aNameIsTakenUntilItsSocketCloses() throws Exception {
        SocketHandle first = listener("taken");
        fails(WsaError.WSAEADDRINUSE, () -> d.bind(socket(), address("taken")));
        fails(WsaError.WSAEINVAL, () -> d.bind(first, address("other")));
        d.closeSocket(first);
        listener("taken");
    }

    @Test
    void bindWantsAnAfUnixAddress() throws Exception {
        SockAddr inet = SockAddr.of(java.net.InetAddress.getLoopbackAddress(), 7);
        fails(WsaError.WSAEFAULT, () -> d.bind(socket(), inet));
        byte[] tooLong = new byte[UnixAddress.MAX_LENGTH + 1];
        tooLong[0] = 1;
        java.util.Arrays.fill(tooLong, 2, tooLong.length, (byte) 'x');
        fails(WsaError.WSAEFAULT, () -> d.bind(socket(), SockAddr.raw(1, tooLong)));
    }

    @Test
    void connectIsRefusedWhereNothingListensAndMayBeRetried() throws Exception {
        SocketHandle client = socket();
        fails(WsaError.WSAECONNREFUSED, () -> d.connect(client, address("nobody"), null));
        SocketHandle bound = socket();
        d.bind(bound, address("nobody"));
        fails(WsaError.WSAECONNREFUSED, () -> d.connect(client, address("nobody"), null));
        d.listen(bound, 1);
        d.connect(client, address("nobody"), null);
        assertEquals(address("nobody"), d.getPeerName(client));
    }

    @Test
    void connectChecksItsArgumentsAndState() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle client = socket();
        fails(WsaError.WSAEAFNOSUPPORT, () -> d.connect(client, SockAddr.of(java.net.InetAddress.getLoopbackAddress(), 7),
                null));
        fails(WsaError.WSAEADDRNOTAVAIL, () -> d.connect(client, address(""), null));
        fails(WsaError.WSAEPROTONOSUPPORT, () -> d.connect(client, address("svc"), new ConnectData(bytes("hi"), null,
                null, null)));
        fails(WsaError.WSAEINVAL, () -> d.connect(listener, address("svc"), null));
        d.connect(client, address("svc"), null);
        fails(WsaError.WSAEISCONN, () -> d.connect(client, address("svc"), null));
        fails(WsaError.WSAEISCONN, () -> d.listen(client, 1));
    }

    @Test
    void listenNeedsABoundSocket() {
        fails(WsaError.WSAEINVAL, () -> d.listen(socket(), 1));
    }

    @Test
    void aFullBacklogRefusesConnects() throws Exception {
        SocketHandle listener = socket();
        d.bind(listener, address("small"));
        d.listen(listener, 1);
        d.connect(socket(), address("small"), null);
        fails(WsaError.WSAECONNREFUSED, () -> d.connect(socket(), address("small"), null));
    }

    @Test
    void listeningAgainWithASmallerBacklogResetsTheNewestConnections() throws Exception {
        SocketHandle listener = listener("shrink");
        List<SocketHandle> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            SocketHandle c = socket();
            d.connect(c, address("shrink"), null);
            clients.add(c);
        }
        d.listen(listener, 1);
        fails(WsaError.WSAECONNRESET, () -> d.recv(clients.get(1), ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAECONNRESET, () -> d.recv(clients.get(2), ByteBuffer.allocate(1), 0));
        assertEquals(d.getSockName(clients.get(0)), d.getPeerName(d.accept(listener, null)));
    }

    @Test
    void closingAListenerResetsTheConnectionsItDidNotAccept() throws Exception {
        SocketHandle listener = listener("gone");
        SocketHandle client = socket();
        d.connect(client, address("gone"), null);
        d.closeSocket(listener);
        fails(WsaError.WSAECONNRESET, () -> d.recv(client, ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAECONNREFUSED, () -> d.connect(socket(), address("gone"), null));
    }

    @Test
    void dataSentBeforeTheAcceptIsWaitingAfterIt() throws Exception {
        SocketHandle listener = listener("early");
        SocketHandle client = socket();
        d.connect(client, address("early"), null);
        sendText(client, "early bird");
        d.closeSocket(client);
        SocketHandle server = d.accept(listener, null);
        receives(server, 16, "early bird");
        assertEquals(0, d.recv(server, ByteBuffer.allocate(1), 0));
    }

    @Test
    void aBlockingAcceptWaitsForAConnect() throws Exception {
        SocketHandle listener = listener("later");
        Background<SocketHandle> acceptor = new Background<>("acceptor", () -> d.accept(listener, null));
        acceptor.awaitBlocked();
        SocketHandle client = socket();
        d.connect(client, address("later"), null);
        assertEquals(d.getSockName(client), d.getPeerName(acceptor.get()));
    }

    @Test
    void acceptedSocketsInheritTheListenersOptions() throws Exception {
        SocketHandle listener = listener("opts");
        d.setSockOpt(listener, SockOpt.SO_KEEPALIVE, true);
        d.setSockOpt(listener, SockOpt.SO_SNDBUF, 1234);
        setNonBlocking(listener, true);
        d.connect(socket(), address("opts"), null);
        SocketHandle server = d.accept(listener, null);
        assertEquals(true, d.getSockOpt(server, SockOpt.SO_KEEPALIVE));
        assertEquals(1234, d.getSockOpt(server, SockOpt.SO_SNDBUF));
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(server, ByteBuffer.allocate(1), 0));
    }

    // ---- the accept condition ----------------------------------------------------------------

    @Test
    void theConditionSeesTheCallerAndCalleeNames() throws Exception {
        SocketHandle listener = listener("cond");
        SocketHandle client = socket();
        d.connect(client, address("cond"), null);
        List<SockAddr> seen = new ArrayList<>();
        SocketHandle server = d.accept(listener, (caller, callerData, sqos, gqos, callee, calleeData) -> {
            seen.add(caller);
            seen.add(callee);
            assertNull(callerData);
            assertNull(calleeData);
            return AcceptCondition.CF_ACCEPT;
        });
        assertEquals(List.of(d.getSockName(client), address("cond")), seen);
        assertEquals(d.getSockName(client), d.getPeerName(server));
    }

    @Test
    void rejectRefusesAndResetsTheConnection() throws Exception {
        SocketHandle listener = listener("cond");
        SocketHandle client = socket();
        d.connect(client, address("cond"), null);
        fails(WsaError.WSAECONNREFUSED, () -> d.accept(listener, (a, b, c, e, f, g) -> AcceptCondition.CF_REJECT));
        fails(WsaError.WSAECONNRESET, () -> d.recv(client, ByteBuffer.allocate(4), 0));
    }

    @Test
    void deferKeepsTheConnectionFirstInTheQueue() throws Exception {
        SocketHandle listener = listener("cond");
        SocketHandle first = socket();
        d.connect(first, address("cond"), null);
        fails(WsaError.WSATRY_AGAIN, () -> d.accept(listener, (a, b, c, e, f, g) -> AcceptCondition.CF_DEFER));
        SocketHandle second = socket();
        d.connect(second, address("cond"), null);
        assertEquals(d.getSockName(first), d.getPeerName(d.accept(listener, null)));
        assertEquals(d.getSockName(second), d.getPeerName(d.accept(listener, null)));
    }

    @Test
    void anUnknownVerdictIsInvalidAndResetsTheConnection() throws Exception {
        SocketHandle listener = listener("cond");
        SocketHandle client = socket();
        d.connect(client, address("cond"), null);
        fails(WsaError.WSAEINVAL, () -> d.accept(listener, (a, b, c, e, f, g) -> 7));
        fails(WsaError.WSAECONNRESET, () -> d.recv(client, ByteBuffer.allocate(4), 0));
    }

    @Test
    void aFailingConditionLeavesTheConnectionQueued() throws Exception {
        SocketHandle listener = listener("cond");
        SocketHandle client = socket();
        d.connect(client, address("cond"), null);
        assertThrows(IllegalStateException.class, () -> d.accept(listener, (a, b, c, e, f, g) -> {
            throw new IllegalStateException("application bug");
        }));
        assertEquals(d.getSockName(client), d.getPeerName(d.accept(listener, null)));
    }

    @Test
    void acceptNeedsAListeningSocket() {
        fails(WsaError.WSAEINVAL, () -> d.accept(socket(), null));
    }
}
