package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import ws2.api.FdSet;
import ws2.api.ShutdownHow;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** {@code WSPSelect}: readiness, set reduction, timeouts, waking, and the {@code WSAEINVAL} rules. */
class SelectTest extends MemoryTestBase {
    private static final Duration LONG = Duration.ofSeconds(10);

    @Test
    void setsAreReducedToTheReadySockets() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle client = socket();
        FdSet read = FdSet.of(listener, client);
        assertEquals(0, d.select(read, null, null, Duration.ZERO));
        assertEquals(0, read.count());

        d.connect(client, address("svc"), null);
        read = FdSet.of(listener, client);
        FdSet write = FdSet.of(client);
        FdSet except = FdSet.of(client, listener);
        assertEquals(2, d.select(read, write, except, Duration.ZERO));
        assertTrue(read.isSet(listener) && !read.isSet(client), "a connection waits; no data yet");
        assertTrue(write.isSet(client));
        assertEquals(0, except.count(), "connects never fail late and pipes have no out-of-band data");

        SocketHandle server = d.accept(listener, null);
        sendText(client, "x");
        read = FdSet.of(server, client);
        assertEquals(1, d.select(read, null, null, Duration.ZERO));
        assertTrue(read.isSet(server));
    }

    @Test
    void theEndOfTheStreamAndAFullPipeShowAsSuch() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 2);
        sendText(c.client(), "12");
        FdSet write = FdSet.of(c.client());
        assertEquals(0, d.select(null, write, null, Duration.ZERO), "the pipe is full");
        d.shutdown(c.client(), ShutdownHow.SD_SEND);
        receives(c.server(), 4, "12");
        FdSet read = FdSet.of(c.server());
        assertEquals(1, d.select(read, null, null, Duration.ZERO), "the end of the stream is readable");
        write = FdSet.of(c.client());
        assertEquals(1, d.select(null, write, null, Duration.ZERO), "a shut-down send fails at once: writable");
    }

    @Test
    void aWaitingSelectWakesWhenThePeerSends() throws Exception {
        Connection c = connect();
        FdSet read = FdSet.of(c.server());
        Background<Integer> selector = new Background<>("select", () -> d.select(read, null, null, null));
        selector.awaitBlocked();
        sendText(c.client(), "wake");
        assertEquals(1, selector.get());
        assertTrue(read.isSet(c.server()));
    }

    @Test
    void aTimeoutEndsTheWaitWithNothingReady() throws Exception {
        Connection c = connect();
        FdSet read = FdSet.of(c.server());
        assertEquals(0, d.select(read, null, null, Duration.ofMillis(20)));
        assertEquals(0, read.count());
    }

    @Test
    void closingASocketEndsASelectOnItWithEintr() throws Exception {
        Connection c = connect();
        Background<Integer> selector = new Background<>("select", () -> d.select(FdSet.of(c.server()), null, null, LONG));
        selector.awaitBlocked();
        d.closeSocket(c.server());
        selector.fails(WsaError.WSAEINTR);
    }

    @Test
    void aCancelledSelectFailsWithEintrAndLeavesItsSocketsAlone() throws Exception {
        Connection c = connect();
        Background<Integer> selector = new Background<>("select", () -> d.select(FdSet.of(c.server()), null, null, null));
        selector.awaitBlocked();
        upcall.cancelBlockingCall(selector.thread, d);
        selector.fails(WsaError.WSAEINTR);
        sendText(c.client(), "after");
        receives(c.server(), 8, "after");
    }

    @Test
    void selectNeedsSocketsOfThisContextAndATimeNotNegative() throws Exception {
        SocketHandle s = socket();
        fails(WsaError.WSAEINVAL, () -> d.select(null, null, null, Duration.ZERO));
        fails(WsaError.WSAEINVAL, () -> d.select(new FdSet(), new FdSet(), null, Duration.ZERO));
        fails(WsaError.WSAEINVAL, () -> d.select(FdSet.of(s), null, null, Duration.ofMillis(-1)));
        TestUpcall otherUpcalls = new TestUpcall();
        var other = otherContext(otherUpcalls);
        try {
            SocketHandle foreign = other.socket(0, 0, 0, ENTRY, 0, 0);
            fails(WsaError.WSAENOTSOCK, () -> d.select(FdSet.of(s, foreign), null, null, Duration.ZERO));
        } finally {
            other.cleanup();
        }
        assertEquals(0, d.select(FdSet.of(s), null, null, Duration.ZERO), "an idle socket is never ready");
    }
}
