package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import ws2.api.CompletionRoutine;
import ws2.api.IoctlCodes;
import ws2.api.Linger;
import ws2.api.MessageFlags;
import ws2.api.Overlapped;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.spi.upcall.ThreadId;

/**
 * Overlapped {@code WSPSend}/{@code WSPRecv}, {@code AcceptEx}, {@code ConnectEx} and
 * {@code CancelIoEx}: what completes at once still indicates its completion; what is queued is
 * completed by the thread that makes it possible, through {@code WPUCompleteOverlappedRequest}
 * (events, completion ports) or {@code WPUQueueApc} (routines).
 */
class OverlappedTest extends MemoryTestBase {
    private static final int ABORTED = WsaError.WSA_OPERATION_ABORTED.code();

    /** A completion routine that records its calls as {@code error/transferred/flags}. */
    private static final class Routine implements CompletionRoutine {
        final List<String> calls = new ArrayList<>();

        @Override
        public void completed(int error, int transferred, Overlapped overlapped, int flags) {
            calls.add(error + "/" + transferred + "/" + flags);
        }
    }

    /** A fresh overlapped structure, begun as ws2.core begins it before a provider sees it. */
    private static Overlapped begun(Overlapped ov) {
        ov.begin();
        return ov;
    }

    private Overlapped withEvent() {
        return begun(new Overlapped(upcall.createEvent()));
    }

    private static void pending(Executable call) {
        fails(WsaError.WSA_IO_PENDING, call);
    }

    private int recv(SocketHandle s, ByteBuffer b, Overlapped ov) throws Exception {
        return d.recv(s, new ByteBuffer[] {b}, 0, ov, null, null);
    }

    private int send(SocketHandle s, String text, Overlapped ov) throws Exception {
        return d.send(s, buffers(text), 0, ov, null, null);
    }

    @Test
    void aQueuedReceiveIsCompletedByThePeersSendAndSignalsItsEvent() throws Exception {
        Connection c = connect();
        ByteBuffer b = ByteBuffer.allocate(16);
        Overlapped ov = withEvent();
        pending(() -> recv(c.server(), b, ov));
        TestUpcall.Event event = (TestUpcall.Event) ov.event();
        assertFalse(ov.isComplete());
        assertFalse(event.isSignalled());
        sendText(c.client(), "data");
        assertTrue(ov.isComplete());
        assertEquals(4, ov.transferred());
        assertEquals(0, ov.error());
        assertTrue(event.isSignalled());
        assertEquals("data", text(b.flip()));
        assertEquals(List.of(new TestUpcall.Completed(c.server(), ov, 0, 4)), upcall.completions);
        assertEquals(4, d.getOverlappedResult(c.server(), ov, false));
    }

    @Test
    void aQueuedReceiveWithARoutineIsCompletedByAnApcOnTheStartingThread() throws Exception {
        Connection c = connect();
        Routine routine = new Routine();
        ThreadId me = upcall.openCurrentThread();
        Overlapped ov = begun(new Overlapped());
        pending(() -> d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, ov, routine, me));
        sendText(c.client(), "apc");
        assertEquals(List.of(), routine.calls, "the routine waits for an alertable wait");
        assertTrue(ov.isComplete(), "the outcome is recorded before the APC is queued");
        assertEquals(1, upcall.runApcs());
        assertEquals(List.of("0/3/0"), routine.calls);
        assertEquals(List.of(), upcall.completions, "routines do not go through WPUCompleteOverlappedRequest");
    }

    @Test
    void anImmediateCompletionIsStillIndicated() throws Exception {
        Connection c = connect();
        sendText(c.client(), "ready");
        Overlapped ov = withEvent();
        assertEquals(5, recv(c.server(), ByteBuffer.allocate(8), ov));
        assertTrue(((TestUpcall.Event) ov.event()).isSignalled());
        assertEquals(1, upcall.completions.size());

        Overlapped sent = withEvent();
        assertEquals(2, send(c.server(), "ok", sent));
        assertTrue(((TestUpcall.Event) sent.event()).isSignalled());
        assertEquals(2, upcall.completions.size());
    }

    @Test
    void withoutEventOrRoutineTheCompletionGoesThroughTheCompletionPortPath() throws Exception {
        Connection c = connect();
        Overlapped ov = begun(new Overlapped());
        pending(() -> recv(c.server(), ByteBuffer.allocate(8), ov));
        sendText(c.client(), "iocp");
        assertEquals(List.of(new TestUpcall.Completed(c.server(), ov, 0, 4)), upcall.completions);
    }

    @Test
    void queuedReceivesCompleteInOrderAndSynchronousOnesWaitBehindThem() throws Exception {
        Connection c = connect();
        ByteBuffer first = ByteBuffer.allocate(3);
        ByteBuffer second = ByteBuffer.allocate(8);
        Overlapped ov1 = withEvent();
        Overlapped ov2 = withEvent();
        pending(() -> recv(c.server(), first, ov1));
        pending(() -> recv(c.server(), second, ov2));
        setNonBlocking(c.server(), true);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(8), 0));
        sendText(c.client(), "abcde");
        assertEquals("abc", text(first.flip()));
        assertEquals("de", text(second.flip()));
        assertTrue(ov1.isComplete() && ov2.isComplete());
    }

    @Test
    void aQueuedSendCompletesWhenEveryByteIsInThePipe() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 4);
        Overlapped ov = withEvent();
        pending(() -> send(c.client(), "0123456789", ov));
        setNonBlocking(c.client(), true);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.send(c.client(), bytes("x"), 0));
        StringBuilder got = new StringBuilder();
        while (got.length() < 10) {
            ByteBuffer b = ByteBuffer.allocate(3);
            d.recv(c.server(), b, 0);
            got.append(text(b.flip()));
        }
        assertEquals("0123456789", got.toString());
        assertTrue(ov.isComplete());
        assertEquals(10, ov.transferred());
    }

    @Test
    void overlappedOperationsOnBothEndsDriveEachOther() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 1);
        List<Overlapped> receives = new ArrayList<>();
        List<ByteBuffer> into = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Overlapped ov = withEvent();
            ByteBuffer b = ByteBuffer.allocate(1);
            pending(() -> recv(c.server(), b, ov));
            receives.add(ov);
            into.add(b);
        }
        Overlapped send = withEvent();
        byte[] payload = new byte[500];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        pending(() -> d.send(c.client(), new ByteBuffer[] {ByteBuffer.wrap(payload)}, 0, send, null, null));
        assertTrue(send.isComplete(), "each byte the pipe takes completes a receive, which makes room for the next,"
                + " before the send returns");
        assertEquals(500, send.transferred());
        for (int i = 0; i < 500; i++) {
            assertTrue(receives.get(i).isComplete());
            assertEquals((byte) i, into.get(i).get(0));
        }
    }

    @Test
    void aZeroByteReceiveCompletesWhenDataArrivesAndTakesNothing() throws Exception {
        Connection c = connect();
        Overlapped ov = withEvent();
        pending(() -> recv(c.server(), ByteBuffer.allocate(0), ov));
        sendText(c.client(), "xyz");
        assertTrue(ov.isComplete());
        assertEquals(0, ov.transferred());
        assertEquals(3, fionread(c.server()));
    }

    @Test
    void aQueuedReceiveGetsZeroAtTheEndOfTheStream() throws Exception {
        Connection c = connect();
        Overlapped ov = withEvent();
        pending(() -> recv(c.server(), ByteBuffer.allocate(8), ov));
        d.closeSocket(c.client());
        assertTrue(ov.isComplete());
        assertEquals(0, ov.error());
        assertEquals(0, ov.transferred());
    }

    @Test
    void aQueuedReceiveFailsWhenThePeerResets() throws Exception {
        Connection c = connect();
        Overlapped ov = withEvent();
        pending(() -> recv(c.server(), ByteBuffer.allocate(8), ov));
        d.setSockOpt(c.client(), SockOpt.SO_LINGER, new Linger(true, 0));
        d.closeSocket(c.client());
        assertEquals(WsaError.WSAECONNRESET.code(), ov.error());
        fails(WsaError.WSAECONNRESET, () -> d.getOverlappedResult(c.server(), ov, false));
    }

    @Test
    void anOperationThatFailsAtOnceIndicatesNothing() throws Exception {
        SocketHandle unconnected = socket();
        fails(WsaError.WSAENOTCONN, () -> recv(unconnected, ByteBuffer.allocate(1), withEvent()));
        Connection c = connect();
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), new ByteBuffer[] {ByteBuffer.allocate(1)},
                MessageFlags.MSG_PEEK, withEvent(), null, null));
        assertEquals(List.of(), upcall.completions);
    }

    @Test
    void cancelIoAbortsTheMatchingOperations() throws Exception {
        Connection c = connect();
        Overlapped first = withEvent();
        Overlapped second = withEvent();
        pending(() -> recv(c.server(), ByteBuffer.allocate(8), first));
        pending(() -> recv(c.server(), ByteBuffer.allocate(8), second));
        assertEquals(1, d.cancelIo(c.server(), first));
        assertEquals(ABORTED, first.error());
        assertFalse(second.isComplete());
        assertEquals(1, d.cancelIo(c.server(), null));
        assertEquals(ABORTED, second.error());
        assertEquals(0, d.cancelIo(c.server(), null));
        sendText(c.client(), "kept");
        receives(c.server(), 8, "kept");
    }

    @Test
    void cancellingAPartlySentSendReportsWhatWentOut() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 4);
        Routine routine = new Routine();
        Overlapped ov = begun(new Overlapped());
        pending(() -> d.send(c.client(), buffers("0123456789"), 0, ov, routine, upcall.openCurrentThread()));
        assertEquals(1, d.cancelIo(c.client(), ov));
        upcall.runApcs();
        assertEquals(List.of(ABORTED + "/4/0"), routine.calls);
    }

    @Test
    void closeAbortsWhatIsQueuedBeforeReleasingTheHandle() throws Exception {
        Connection c = connect();
        Overlapped ov = withEvent();
        pending(() -> recv(c.server(), ByteBuffer.allocate(8), ov));
        SocketHandle listener = listener("svc");
        Overlapped accept = withEvent();
        pending(() -> d.acceptEx(listener, socket(), accept, null, null));
        d.closeSocket(c.server());
        d.closeSocket(listener);
        assertEquals(ABORTED, ov.error());
        assertEquals(ABORTED, accept.error());
        assertEquals(2, upcall.completions.size(), "both indicated while their handles were open");
    }

    @Test
    void anAcceptExIsCompletedByTheConnectOnTheListenersHandle() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle target = socket();
        Overlapped ov = withEvent();
        pending(() -> d.acceptEx(listener, target, ov, null, null));
        SocketHandle client = socket();
        d.connect(client, address("svc"), null);
        assertTrue(ov.isComplete());
        assertEquals(0, ov.error());
        assertSame(listener, upcall.completions.get(0).socket());
        assertEquals(d.getSockName(client), d.getPeerName(target));
        assertEquals(address("svc"), d.getSockName(target));
        sendText(client, "to target");
        receives(target, 16, "to target");
    }

    @Test
    void anAcceptExTakesAWaitingConnectionAtOnce() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle client = socket();
        d.connect(client, address("svc"), null);
        SocketHandle target = socket();
        Overlapped ov = withEvent();
        assertEquals(0, d.acceptEx(listener, target, ov, null, null));
        assertTrue(((TestUpcall.Event) ov.event()).isSignalled());
        assertEquals(d.getSockName(client), d.getPeerName(target));
    }

    @Test
    void anAcceptExNeedsAListenerAndANewSocket() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle bound = socket();
        d.bind(bound, address("bound"));
        fails(WsaError.WSAEINVAL, () -> d.acceptEx(listener, bound, withEvent(), null, null));
        fails(WsaError.WSAEINVAL, () -> d.acceptEx(listener, listener, withEvent(), null, null));
        fails(WsaError.WSAEINVAL, () -> d.acceptEx(socket(), socket(), withEvent(), null, null));
    }

    @Test
    void connectExCompletesAtOnce() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle client = socket();
        Routine routine = new Routine();
        assertEquals(0, d.connectEx(client, address("svc"), begun(new Overlapped()), routine,
                upcall.openCurrentThread()));
        upcall.runApcs();
        assertEquals(List.of("0/0/0"), routine.calls);
        SocketHandle server = d.accept(listener, null);
        assertEquals(d.getSockName(client), d.getPeerName(server));
        fails(WsaError.WSAECONNREFUSED, () -> d.connectEx(socket(), address("nobody"), withEvent(), null, null));
    }

    @Test
    void anOverlappedIoctlCompletesAtOnceAndIsIndicated() throws Exception {
        Connection c = connect();
        sendText(c.client(), "four");
        Overlapped ov = withEvent();
        ByteBuffer out = ByteBuffer.allocate(4);
        assertEquals(4, d.ioctl(c.server(), IoctlCodes.FIONREAD, null, out, ov, null, null));
        assertEquals(4, out.getInt(0));
        assertEquals(4, ov.transferred());
        assertTrue(((TestUpcall.Event) ov.event()).isSignalled());
    }
}
