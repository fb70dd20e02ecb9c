package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The tcpip provider's asynchronous sockets: {@code WSPEventSelect} with the Windows recording and
 * re-enabling rules, {@code WSPAsyncSelect}, overlapped operations completed by the reactor, and
 * their cancellation, on real loopback sockets.
 */
class AsyncSocketTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;

    /** Waits (up to 10 s) for an event to be signalled, then takes the record. */
    private NetworkEvents awaitEvents(SocketHandle s, TestUpcall.Event e) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!e.signalled) {
            assertTrue(System.nanoTime() < deadline, "the event was never signalled");
            Thread.sleep(2);
        }
        NetworkEvents taken = d.enumNetworkEvents(s, e);
        assertFalse(e.signalled, "enumerating resets the event");
        return taken;
    }

    /** Waits (up to 10 s) until the socket's records, taken without an event, add up to {@code bits}. */
    private void awaitRecorded(SocketHandle s, int bits) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        int seen = 0;
        while ((seen & bits) != bits) {
            assertTrue(System.nanoTime() < deadline, "recorded only 0x" + Integer.toHexString(seen));
            seen |= d.enumNetworkEvents(s, null).events();
            Thread.sleep(2);
        }
    }

    private TestUpcall.Completed awaitCompletion() throws InterruptedException {
        TestUpcall.Completed c = upcall.completions.poll(10, TimeUnit.SECONDS);
        assertTrue(c != null, "no completion came");
        return c;
    }

    private static Overlapped started(Overlapped ov) {
        ov.begin();
        return ov;
    }

    private static void pending(org.junit.jupiter.api.function.Executable call) {
        assertEquals(WsaError.WSA_IO_PENDING, fails(WsaError.WSA_IO_PENDING, call).error());
    }

    @Test
    void aPendingConnectionIsRecordedAsFdAcceptUntilAcceptReenablesIt() throws Exception {
        SocketHandle l = listener(V4);
        TestUpcall.Event e = new TestUpcall.Event(1);
        d.eventSelect(l, e, NetworkEvents.FD_ACCEPT | NetworkEvents.FD_WRITE);
        SocketHandle c1 = socket(TCP4);
        d.connect(c1, d.getSockName(l), null);
        assertEquals(NetworkEvents.FD_ACCEPT, awaitEvents(l, e).events());
        SocketHandle c2 = socket(TCP4);
        d.connect(c2, d.getSockName(l), null);
        Thread.sleep(50);
        assertFalse(e.signalled, "FD_ACCEPT is not recorded again before an accept");
        SocketHandle a1 = d.accept(l, null);
        awaitRecorded(a1, NetworkEvents.FD_WRITE); // an accepted socket inherits the selection and can write
        awaitRecorded(l, NetworkEvents.FD_ACCEPT); // the second connection still waits: level-triggered
        SocketHandle a2 = d.accept(l, null);
        assertEquals(d.getSockName(c2), d.getPeerName(a2));
    }

    @Test
    void fdReadIsRecordedOncePerReceiveAndFdCloseAfterTheDataIsRead() throws Exception {
        Connection c = connect(V4);
        TestUpcall.Event e = new TestUpcall.Event(2);
        d.eventSelect(c.server(), e, NetworkEvents.FD_READ | NetworkEvents.FD_CLOSE | NetworkEvents.FD_WRITE);
        assertEquals(NetworkEvents.FD_WRITE, awaitEvents(c.server(), e).events(), "a connected socket may write");
        sendText(c.client(), "hello");
        NetworkEvents first = awaitEvents(c.server(), e);
        assertEquals(NetworkEvents.FD_READ, first.events());
        assertEquals(0, first.errorCode(0));
        receives(c.server(), 2, "he");
        assertEquals(NetworkEvents.FD_READ, awaitEvents(c.server(), e).events(), "data still waits after the receive");
        receives(c.server(), 16, "llo");
        d.closeSocket(c.client());
        NetworkEvents closed = awaitEvents(c.server(), e);
        assertEquals(NetworkEvents.FD_CLOSE, closed.events() & NetworkEvents.FD_CLOSE, closed::toString);
        assertEquals(0, closed.errorCode(5), "a graceful close");
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(4), 0));
    }

    @Test
    void aResetIsFdCloseWithConnReset() throws Exception {
        Connection c = connect(V4);
        TestUpcall.Event e = new TestUpcall.Event(3);
        d.eventSelect(c.server(), e, NetworkEvents.FD_CLOSE);
        d.setSockOpt(c.client(), ws2.api.SockOpt.SO_LINGER, new ws2.api.Linger(true, 0));
        d.closeSocket(c.client());
        NetworkEvents closed = awaitEvents(c.server(), e);
        assertEquals(NetworkEvents.FD_CLOSE, closed.events());
        assertEquals(WsaError.WSAECONNRESET.code(), closed.errorCode(5));
    }

    @Test
    void fdConnectReportsTheOutcomeOfANonBlockingConnect() throws Exception {
        SocketHandle l = listener(V4);
        SocketHandle s = socket(TCP4);
        TestUpcall.Event e = new TestUpcall.Event(4);
        d.eventSelect(s, e, NetworkEvents.FD_CONNECT | NetworkEvents.FD_WRITE);
        startConnect(s, d.getSockName(l));
        NetworkEvents ok = awaitEvents(s, e);
        assertEquals(NetworkEvents.FD_CONNECT, ok.events() & NetworkEvents.FD_CONNECT, ok::toString);
        assertEquals(0, ok.errorCode(4));

        SocketHandle refused = socket(TCP4);
        TestUpcall.Event e2 = new TestUpcall.Event(5);
        d.eventSelect(refused, e2, NetworkEvents.FD_CONNECT);
        if (!startConnect(refused, nobodyListening(V4))) {
            NetworkEvents failed = awaitEvents(refused, e2);
            assertEquals(NetworkEvents.FD_CONNECT, failed.events());
            assertEquals(WsaError.WSAECONNREFUSED.code(), failed.errorCode(4));
        }
    }

    @Test
    void fdWriteComesBackAfterASendWouldBlock() throws Exception {
        Connection c = connect(V4);
        TestUpcall.Event e = new TestUpcall.Event(6);
        d.eventSelect(c.client(), e, NetworkEvents.FD_WRITE);
        assertEquals(NetworkEvents.FD_WRITE, awaitEvents(c.client(), e).events());
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long sent = 0;
        while (true) {
            chunk.clear();
            try {
                sent += d.send(c.client(), chunk, 0);
            } catch (WsaException x) {
                assertEquals(WsaError.WSAEWOULDBLOCK, x.error(), "a selected socket is non-blocking");
                break;
            }
        }
        assertFalse(e.signalled);
        ByteBuffer sink = ByteBuffer.allocate(256 * 1024);
        for (long got = 0; got < sent; sink.clear()) {
            got += d.recv(c.server(), sink, 0);
        }
        assertEquals(NetworkEvents.FD_WRITE, awaitEvents(c.client(), e).events(), "space came back after the would-block");
    }

    @Test
    void fionbioCannotMakeASelectedSocketBlocking() throws Exception {
        Connection c = connect(V4);
        d.eventSelect(c.server(), new TestUpcall.Event(7), NetworkEvents.FD_READ);
        fails(WsaError.WSAEINVAL, () -> setNonBlocking(c.server(), false));
        d.eventSelect(c.server(), null, 0);
        setNonBlocking(c.server(), false);
    }

    @Test
    void asyncSelectPostsOneMessagePerEvent() throws Exception {
        Connection c = connect(V4);
        TestUpcall.Window w = new TestUpcall.Window();
        d.asyncSelect(c.server(), w, 0x401, NetworkEvents.FD_READ | NetworkEvents.FD_CLOSE);
        sendText(c.client(), "ping");
        WindowMessage m = w.messages.poll(10, TimeUnit.SECONDS);
        assertEquals(new WindowMessage(0x401, c.server().value(), WindowMessage.selectReply(NetworkEvents.FD_READ, 0)), m);
        assertEquals(NetworkEvents.FD_READ, m.selectEvent());
        assertNull(w.messages.poll(50, TimeUnit.MILLISECONDS), "one message until the receive");
        receives(c.server(), 8, "ping");
        d.closeSocket(c.client());
        WindowMessage close = w.messages.poll(10, TimeUnit.SECONDS);
        assertEquals(NetworkEvents.FD_CLOSE, close.selectEvent());
        assertEquals(0, close.selectError());
    }

    @Test
    void unknownEventBitsAndMissingTargetsAreRefused() throws Exception {
        Connection c = connect(V4);
        fails(WsaError.WSAEINVAL, () -> d.eventSelect(c.server(), null, NetworkEvents.FD_READ));
        fails(WsaError.WSAEINVAL, () -> d.asyncSelect(c.server(), null, 1, NetworkEvents.FD_READ));
    }

    @Test
    void anOverlappedReceiveWaitsForThePeerAndCompletesThroughTheUpcall() throws Exception {
        Connection c = connect(V4);
        TestUpcall.Event e = new TestUpcall.Event(8);
        Overlapped ov = started(new Overlapped(e));
        ByteBuffer into = ByteBuffer.allocate(16);
        pending(() -> d.recv(c.server(), new ByteBuffer[] {into}, 0, ov, null, null));
        assertFalse(ov.isComplete());
        sendText(c.client(), "late");
        TestUpcall.Completed done = awaitCompletion();
        assertEquals(new TestUpcall.Completed(c.server(), ov, 0, 4, 0), done);
        assertTrue(e.signalled);
        assertEquals(4, d.getOverlappedResult(c.server(), ov, false));
        assertEquals("late", text(into.flip()));
    }

    @Test
    void aCompletionRoutineIsQueuedAsAnApcToTheInitiatingThread() throws Exception {
        Connection c = connect(V4);
        List<int[]> calls = new CopyOnWriteArrayList<>();
        Overlapped ov = started(new Overlapped());
        pending(() -> d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, ov,
                (error, n, o, flags) -> calls.add(new int[] {error, n, o == ov ? 1 : 0}), () -> 42));
        sendText(c.client(), "apc");
        Runnable apc = upcall.apcs.poll(10, TimeUnit.SECONDS);
        assertTrue(calls.isEmpty(), "the routine runs only when the APC does");
        apc.run();
        assertArrayEquals(new int[] {0, 3, 1}, calls.get(0));
        assertTrue(upcall.completions.isEmpty(), "a routine completion does not go through WPUCompleteOverlappedRequest");
    }

    @Test
    void receivesCompleteInTheOrderTheyWereIssued() throws Exception {
        Connection c = connect(V4);
        Overlapped first = started(new Overlapped());
        Overlapped second = started(new Overlapped());
        ByteBuffer b1 = ByteBuffer.allocate(3);
        ByteBuffer b2 = ByteBuffer.allocate(3);
        pending(() -> d.recv(c.server(), new ByteBuffer[] {b1}, 0, first, null, null));
        pending(() -> d.recv(c.server(), new ByteBuffer[] {b2}, 0, second, null, null));
        sendText(c.client(), "abcdef");
        assertEquals(first, awaitCompletion().overlapped());
        assertEquals(second, awaitCompletion().overlapped());
        assertEquals("abc", text(b1.flip()));
        assertEquals("def", text(b2.flip()));
    }

    @Test
    void acceptExFillsThePreparedSocketAndConnectExConnects() throws Exception {
        SocketHandle l = listener(V4);
        SocketHandle prepared = socket(TCP4);
        Overlapped accepted = started(new Overlapped());
        pending(() -> d.acceptEx(l, prepared, accepted, null, null));
        SocketHandle client = socket(TCP4);
        Overlapped connected = started(new Overlapped());
        int now;
        try {
            now = d.connectEx(client, d.getSockName(l), connected, null, null);
        } catch (WsaException x) {
            assertEquals(WsaError.WSA_IO_PENDING, x.error());
            now = -1;
        }
        TestUpcall.Completed a = awaitCompletion();
        TestUpcall.Completed b = awaitCompletion();
        assertTrue(a.overlapped() == accepted || b.overlapped() == accepted);
        TestUpcall.Completed acceptDone = a.overlapped() == accepted ? a : b;
        assertEquals(l, acceptDone.socket(), "AcceptEx completes on the listening socket");
        assertEquals(0, acceptDone.error());
        assertTrue(now == -1 || now == 0);
        sendText(client, "over");
        receives(prepared, 8, "over");
        assertEquals(d.getSockName(client), d.getPeerName(prepared));
    }

    @Test
    void acceptExRefusesASocketThatIsNotFresh() throws Exception {
        SocketHandle l = listener(V4);
        SocketHandle bound = socket(TCP4);
        d.bind(bound, loopback(V4, 0));
        fails(WsaError.WSAEINVAL, () -> d.acceptEx(l, bound, started(new Overlapped()), null, null));
        fails(WsaError.WSAEINVAL, () -> d.acceptEx(socket(TCP4), socket(TCP4), started(new Overlapped()), null, null));
    }

    @Test
    void cancelAndCloseAbortPendingOperations() throws Exception {
        Connection c = connect(V4);
        Overlapped one = started(new Overlapped());
        Overlapped two = started(new Overlapped());
        pending(() -> d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(4)}, 0, one, null, null));
        pending(() -> d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(4)}, 0, two, null, null));
        assertEquals(1, d.cancelIo(c.server(), one));
        TestUpcall.Completed cancelled = awaitCompletion();
        assertEquals(one, cancelled.overlapped());
        assertEquals(WsaError.WSA_OPERATION_ABORTED.code(), cancelled.error());
        fails(WsaError.WSA_OPERATION_ABORTED, () -> d.getOverlappedResult(c.server(), one, false));
        fails(WsaError.WSA_IO_INCOMPLETE, () -> d.getOverlappedResult(c.server(), two, false));
        d.closeSocket(c.server());
        TestUpcall.Completed closed = awaitCompletion();
        assertEquals(two, closed.overlapped());
        assertEquals(WsaError.WSA_OPERATION_ABORTED.code(), closed.error());
        assertEquals(0, d.cancelIo(c.client(), null), "nothing pending");
    }

    @Test
    void aLargeOverlappedSendCompletesWhenEveryByteIsOut() throws Exception {
        Connection c = connect(V4);
        int size = 8 * 1024 * 1024;
        Overlapped ov = started(new Overlapped());
        try {
            d.send(c.client(), new ByteBuffer[] {ByteBuffer.allocate(size)}, 0, ov, null, null);
        } catch (WsaException x) {
            assertEquals(WsaError.WSA_IO_PENDING, x.error());
        }
        ByteBuffer sink = ByteBuffer.allocate(256 * 1024);
        long got = 0;
        while (got < size) {
            sink.clear();
            got += d.recv(c.server(), sink, 0);
        }
        TestUpcall.Completed done = awaitCompletion();
        assertEquals(size, done.transferred());
        assertEquals(size, got);
    }

    @Test
    void anOverlappedReceiveFromRecordsTheSender() throws Exception {
        SocketHandle a = boundUdp(V4);
        SocketHandle b = boundUdp(V4);
        Overlapped ov = started(new Overlapped());
        ByteBuffer into = ByteBuffer.allocate(32);
        pending(() -> d.recvFrom(b, new ByteBuffer[] {into}, 0, ov, null, null));
        d.sendTo(a, new ByteBuffer[] {bytes("dgram")}, 0, d.getSockName(b), null, null, null);
        TestUpcall.Completed done = awaitCompletion();
        assertEquals(5, done.transferred());
        assertEquals(d.getSockName(a), ov.sender());
        assertEquals("dgram", text(into.flip()));
    }

    @Test
    void aBlockingSocketWithOverlappedWorkStillBlocksInSynchronousCalls() throws Exception {
        Connection c = connect(V4);
        Overlapped ov = started(new Overlapped());
        assertEquals(2, d.send(c.server(), new ByteBuffer[] {bytes("go")}, 0, ov, null, null)); // now asynchronous
        receives(c.client(), 2, "go");
        java.util.concurrent.CompletableFuture<String> later = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                Thread.sleep(100);
                sendText(c.client(), "late");
                return "sent";
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        ByteBuffer b = ByteBuffer.allocate(8);
        assertEquals(4, d.recv(c.server(), b, 0), "a blocking receive waits instead of failing with WSAEWOULDBLOCK");
        assertEquals("sent", later.get(10, TimeUnit.SECONDS));
        int size = 4 * 1024 * 1024;
        java.util.concurrent.CompletableFuture<Long> drain = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            long got = 0;
            ByteBuffer sink = ByteBuffer.allocate(64 * 1024);
            try {
                while (got < size) {
                    sink.clear();
                    got += d.recv(c.client(), sink, 0);
                }
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
            return got;
        });
        assertEquals(size, d.send(c.server(), ByteBuffer.allocate(size), 0), "a blocking send sends everything");
        assertEquals(size, (long) drain.get(10, TimeUnit.SECONDS));
    }

    @Test
    void peekingOverlappedReceivesAreRefused() throws Exception {
        Connection c = connect(V4);
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(1)},
                ws2.api.MessageFlags.MSG_PEEK, started(new Overlapped()), null, null));
    }
}
