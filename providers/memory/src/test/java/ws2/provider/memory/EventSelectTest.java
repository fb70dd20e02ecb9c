package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.NetworkEvents.FD_ACCEPT;
import static ws2.api.NetworkEvents.FD_CLOSE;
import static ws2.api.NetworkEvents.FD_CONNECT;
import static ws2.api.NetworkEvents.FD_READ;
import static ws2.api.NetworkEvents.FD_WRITE;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import ws2.api.AcceptCondition;
import ws2.api.Linger;
import ws2.api.NetworkEvents;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** {@code WSPEventSelect} and {@code WSPEnumNetworkEvents} with the Windows rules of the SPI's section 7.10. */
class EventSelectTest extends MemoryTestBase {
    private static final int FD_READ_BIT = 0;
    private static final int FD_CONNECT_BIT = 4;
    private static final int FD_CLOSE_BIT = 5;

    private final TestUpcall.Event event = upcall.createEvent();

    /** Takes the record, resetting the event, and returns its bits. */
    private int take(SocketHandle s) throws Exception {
        return d.enumNetworkEvents(s, event).events();
    }

    @Test
    void connectRecordsFdConnectAndFdWrite() throws Exception {
        listener("svc");
        SocketHandle client = socket();
        d.eventSelect(client, event, FD_CONNECT | FD_WRITE | FD_READ);
        assertFalse(event.isSignalled());
        d.connect(client, address("svc"), null);
        assertTrue(event.isSignalled());
        NetworkEvents record = d.enumNetworkEvents(client, event);
        assertEquals(FD_CONNECT | FD_WRITE, record.events());
        assertEquals(0, record.errorCode(FD_CONNECT_BIT));
        assertFalse(event.isSignalled(), "enumerating with the event resets it");
        assertEquals(0, take(client));
    }

    @Test
    void selectingAConnectedSocketRecordsFdWriteAtOnce() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_WRITE);
        assertEquals(FD_WRITE, take(c.server()));
    }

    @Test
    void aConditionThatAlreadyHoldsIsRecordedWhenSelected() throws Exception {
        Connection c = connect();
        sendText(c.client(), "waiting");
        d.eventSelect(c.server(), event, FD_READ);
        assertEquals(FD_READ, take(c.server()));
    }

    @Test
    void fdReadIsRecordedOnceUntilAReceiveAndAgainWhileDataRemains() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_READ);
        sendText(c.client(), "ab");
        assertEquals(FD_READ, take(c.server()));
        sendText(c.client(), "cd");
        assertEquals(0, take(c.server()), "no re-enabling call yet");
        receives(c.server(), 1, "a");
        assertEquals(FD_READ, take(c.server()), "level-triggered: data remains after the receive");
        receives(c.server(), 8, "bcd");
        assertEquals(0, take(c.server()));
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        sendText(c.client(), "e");
        assertEquals(FD_READ, take(c.server()), "a failed receive re-enables too");
    }

    @Test
    void fdWriteFollowsAWouldBlockSendOnceThereIsRoom() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 4);
        d.eventSelect(c.client(), event, FD_WRITE);
        assertEquals(FD_WRITE, take(c.client()), "due at once on a connected socket");
        assertEquals(4, d.send(c.client(), bytes("1234"), 0));
        receives(c.server(), 8, "1234");
        assertEquals(0, take(c.client()), "room again, but no send would block");
        assertEquals(4, d.send(c.client(), bytes("5678"), 0));
        fails(WsaError.WSAEWOULDBLOCK, () -> d.send(c.client(), bytes("9"), 0));
        assertEquals(0, take(c.client()));
        receives(c.server(), 2, "56");
        assertEquals(FD_WRITE, take(c.client()));
    }

    @Test
    void aPartialNonBlockingSendSendsWhatFits() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 4);
        setNonBlocking(c.client(), true);
        assertEquals(4, d.send(c.client(), bytes("123456"), 0));
        receives(c.server(), 8, "1234");
    }

    @Test
    void fdAcceptIsLevelTriggeredAndReenabledByAccept() throws Exception {
        SocketHandle listener = listener("svc");
        d.eventSelect(listener, event, FD_ACCEPT);
        d.connect(socket(), address("svc"), null);
        d.connect(socket(), address("svc"), null);
        assertEquals(FD_ACCEPT, take(listener));
        assertEquals(0, take(listener));
        d.accept(listener, null);
        assertEquals(FD_ACCEPT, take(listener), "one connection still waits");
        d.accept(listener, null);
        assertEquals(0, take(listener));
        fails(WsaError.WSAEWOULDBLOCK, () -> d.accept(listener, null));
    }

    @Test
    void aDeferredConnectionAtTheHeadSilencesFdAccept() throws Exception {
        SocketHandle listener = listener("svc");
        d.eventSelect(listener, event, FD_ACCEPT);
        SocketHandle first = socket();
        d.connect(first, address("svc"), null);
        assertEquals(FD_ACCEPT, take(listener));
        fails(WsaError.WSATRY_AGAIN, () -> d.accept(listener, (a, b, c, e, f, g) -> AcceptCondition.CF_DEFER));
        d.connect(socket(), address("svc"), null);
        assertEquals(0, take(listener), "CF_DEFER does not re-enable, and a deferred connection heads the queue");
        assertEquals(d.getSockName(first), d.getPeerName(d.accept(listener, null)));
        assertEquals(FD_ACCEPT, take(listener));
    }

    @Test
    void acceptedSocketsInheritTheSelection() throws Exception {
        SocketHandle listener = listener("svc");
        d.eventSelect(listener, event, FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE);
        SocketHandle client = socket();
        d.connect(client, address("svc"), null);
        assertEquals(FD_ACCEPT, take(listener));
        SocketHandle server = d.accept(listener, null);
        assertEquals(FD_WRITE, take(server), "FD_WRITE at accept, through the inherited selection");
        sendText(client, "x");
        assertTrue(event.isSignalled());
        assertEquals(FD_READ, take(server));
        fails(WsaError.WSAEINVAL, () -> setNonBlocking(server, false));
    }

    @Test
    void fdCloseFollowsTheLastByteOfAGracefulClose() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_READ | FD_CLOSE);
        sendText(c.client(), "last");
        d.closeSocket(c.client());
        assertEquals(FD_READ, take(c.server()), "no FD_CLOSE while data waits");
        receives(c.server(), 8, "last");
        NetworkEvents record = d.enumNetworkEvents(c.server(), event);
        assertEquals(FD_CLOSE, record.events());
        assertEquals(0, record.errorCode(FD_CLOSE_BIT));
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(1), 0));
        assertEquals(0, take(c.server()), "FD_CLOSE has no re-enabling function");
    }

    @Test
    void fdCloseReportsAReset() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_READ | FD_CLOSE);
        sendText(c.client(), "dropped");
        d.setSockOpt(c.client(), SockOpt.SO_LINGER, new Linger(true, 0));
        assertEquals(FD_READ, take(c.server()));
        d.closeSocket(c.client());
        NetworkEvents record = d.enumNetworkEvents(c.server(), event);
        assertEquals(FD_CLOSE, record.events());
        assertEquals(WsaError.WSAECONNRESET.code(), record.errorCode(FD_CLOSE_BIT));
    }

    @Test
    void selectingMakesTheSocketNonBlockingUntilTheSelectionIsCancelled() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_READ);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAEINVAL, () -> setNonBlocking(c.server(), false));
        d.eventSelect(c.server(), null, 0);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        setNonBlocking(c.server(), false);
        sendText(c.client(), "x");
        assertEquals(0, take(c.server()), "cancelled: nothing recorded");
        assertEquals(0, event.sets());
    }

    @Test
    void aNewSelectionReplacesTheOldAndClearsTheRecord() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_WRITE);
        TestUpcall.Event other = upcall.createEvent();
        d.eventSelect(c.server(), other, FD_READ);
        assertEquals(0, d.enumNetworkEvents(c.server(), null).events());
        sendText(c.client(), "x");
        assertTrue(other.isSignalled());
        assertEquals(1, event.sets(), "the replaced event saw only the first FD_WRITE");
        NetworkEvents record = d.enumNetworkEvents(c.server(), null);
        assertEquals(FD_READ, record.events());
        assertEquals(0, record.errorCode(FD_READ_BIT));
        assertTrue(other.isSignalled(), "enumerating without an event leaves it signalled");
    }

    @Test
    void closingTheSelectingSocketEndsItsSelection() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_CLOSE);
        d.closeSocket(c.server());
        d.closeSocket(c.client());
        assertEquals(0, event.sets());
    }

    @Test
    void enumeratingWithAClosedEventTakesNothing() throws Exception {
        Connection c = connect();
        d.eventSelect(c.server(), event, FD_WRITE);
        TestUpcall.Event closed = upcall.createEvent();
        upcall.closeEvent(closed);
        fails(WsaError.WSA_INVALID_HANDLE, () -> d.enumNetworkEvents(c.server(), closed));
        assertEquals(FD_WRITE, take(c.server()));
    }

    @Test
    void eventSelectChecksItsArguments() throws Exception {
        SocketHandle s = socket();
        fails(WsaError.WSAEINVAL, () -> d.eventSelect(s, null, FD_READ));
        fails(WsaError.WSAEINVAL, () -> d.eventSelect(s, event, 1 << 12));
    }
}
