package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.FdSet;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;

/** Non-blocking sockets and {@code WSPSelect}: would-block outcomes, readiness, set reduction, timeouts. */
class NonBlockingSelectTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void nonBlockingConnectAcceptAndReceiveWouldBlockThenSucceedThroughSelect() throws Exception {
        SocketHandle listener = listener(V4);
        setNonBlocking(listener, true);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.accept(listener, null));

        SocketHandle client = socket(TCP4);
        setNonBlocking(client, true);
        if (!startConnect(client, d.getSockName(listener))) {
            FdSet write = FdSet.of(client);
            assertEquals(1, d.select(null, write, null, LONG));
            assertTrue(write.isSet(client));
        }
        assertEquals(d.getSockName(listener), d.getPeerName(client));

        FdSet pending = FdSet.of(listener);
        assertEquals(1, d.select(pending, null, null, LONG));
        SocketHandle server = d.accept(listener, null);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(server, ByteBuffer.allocate(8), 0));
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(server, ByteBuffer.allocate(8), ws2.api.MessageFlags.MSG_PEEK));

        assertEquals(4, d.send(client, bytes("ping"), 0));
        assertEquals(1, d.select(FdSet.of(server), null, null, LONG));
        receives(server, 8, "ping");
    }

    @Test
    void acceptedSocketsInheritTheListenersBlockingMode() throws Exception {
        SocketHandle listener = listener(V4);
        setNonBlocking(listener, true);
        SocketHandle client = socket(TCP4);
        d.connect(client, d.getSockName(listener), null);
        assertEquals(1, d.select(FdSet.of(listener), null, null, LONG));
        SocketHandle server = d.accept(listener, null);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(server, ByteBuffer.allocate(1), 0));
    }

    @Test
    void failedNonBlockingConnectIsAnExceptionAndSetsSoError() throws Exception {
        SockAddr nobody = nobodyListening(V4);
        SocketHandle s = socket(TCP4);
        setNonBlocking(s, true);
        try {
            d.connect(s, nobody, null);
        } catch (WsaException e) {
            if (e.error() == WsaError.WSAECONNREFUSED) {
                return; // the system refused at once, as a blocking connect would
            }
            assertEquals(WsaError.WSAEWOULDBLOCK, e.error());
        }
        FdSet write = FdSet.of(s);
        FdSet except = FdSet.of(s);
        assertEquals(1, d.select(null, write, except, LONG));
        assertEquals(0, write.count());
        assertTrue(except.isSet(s));
        assertEquals(WsaError.WSAECONNREFUSED.code(), d.getSockOpt(s, SockOpt.SO_ERROR));
        assertEquals(0, d.getSockOpt(s, SockOpt.SO_ERROR));
    }

    @Test
    void aSecondConnectWhileConnectingIsAlreadyOrIsConn() throws Exception {
        SocketHandle listener = listener(V4);
        SocketHandle s = socket(TCP4);
        setNonBlocking(s, true);
        startConnect(s, d.getSockName(listener));
        WsaException again = org.junit.jupiter.api.Assertions.assertThrows(WsaException.class,
                () -> d.connect(s, d.getSockName(listener), null));
        assertTrue(again.error() == WsaError.WSAEALREADY || again.error() == WsaError.WSAEISCONN, again::getMessage);
    }

    @Test
    void selectTimesOutWithEmptySets() throws Exception {
        Connection c = connect(V4);
        FdSet read = FdSet.of(c.client(), c.server());
        FdSet except = FdSet.of(c.server());
        assertEquals(0, d.select(read, null, except, Duration.ofMillis(50)));
        assertEquals(0, read.count());
        assertEquals(0, except.count());
    }

    @Test
    void selectPollsWithAZeroTimeout() throws Exception {
        Connection c = connect(V4);
        FdSet read = FdSet.of(c.server());
        assertEquals(0, d.select(read, null, null, Duration.ZERO));
        FdSet write = FdSet.of(c.server());
        assertEquals(1, d.select(null, write, null, Duration.ZERO));
    }

    @Test
    void selectReducesEachSetToItsReadySocketsAndCountsPerSet() throws Exception {
        Connection quiet = connect(V4);
        Connection busy = connect(V4);
        sendText(busy.client(), "data");
        FdSet read = FdSet.of(quiet.server(), busy.server());
        FdSet write = FdSet.of(busy.server());
        assertEquals(2, d.select(read, write, null, LONG));
        assertEquals(1, read.count());
        assertTrue(read.isSet(busy.server()));
        assertTrue(write.isSet(busy.server()));
    }

    @Test
    void anIdleSocketIsNeverReady() throws Exception {
        SocketHandle idle = socket(TCP4);
        FdSet read = FdSet.of(idle);
        FdSet write = FdSet.of(idle);
        assertEquals(0, d.select(read, write, null, Duration.ofMillis(20)));
    }

    @Test
    void endOfStreamIsReadable() throws Exception {
        Connection c = connect(V4);
        d.closeSocket(c.client());
        FdSet read = FdSet.of(c.server());
        assertEquals(1, d.select(read, null, null, LONG));
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(1), 0));
    }

    @Test
    void selectRestoresTheBlockingMode() throws Exception {
        Connection c = connect(V4);
        assertEquals(1, d.select(null, FdSet.of(c.server()), null, LONG));
        d.setSockOpt(c.server(), SockOpt.SO_RCVTIMEO, 50);
        fails(WsaError.WSAETIMEDOUT, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
    }

    @Test
    void selectRefusesForeignSocketsAndEmptySets() throws Exception {
        WspDispatch other = new TcpipProvider().startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
        try {
            SocketHandle foreign = other.socket(0, 0, 0, TCP4, 0, 0);
            fails(WsaError.WSAENOTSOCK, () -> d.select(FdSet.of(foreign), null, null, Duration.ZERO));
        } finally {
            other.cleanup();
        }
        fails(WsaError.WSAEINVAL, () -> d.select(new FdSet(), null, null, Duration.ZERO));
        fails(WsaError.WSAEINVAL, () -> d.select(null, null, null, Duration.ZERO));
    }
}
