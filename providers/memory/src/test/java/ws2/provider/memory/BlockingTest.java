package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/**
 * Blocking calls and {@code WPUQueryBlockingCallback}: a cancel (ws2.core interrupts the thread,
 * its callback calls {@code WSPCancelBlockingCall} and answers false) ends the call with
 * {@code WSAEINTR} and leaves the socket usable.
 */
class BlockingTest extends MemoryTestBase {
    @Test
    void aCancelledReceiveFailsWithEintrAndTheSocketStillWorks() throws Exception {
        Connection c = connect();
        ByteBuffer b = ByteBuffer.allocate(8);
        Background<Integer> reader = new Background<>("reader", () -> {
            try {
                return d.recv(c.server(), b, 0);
            } finally {
                Thread.interrupted(); // what ws2.core's exitBlocking does after a cancel
            }
        });
        reader.awaitBlocked();
        upcall.cancelBlockingCall(reader.thread, d);
        reader.fails(WsaError.WSAEINTR);
        assertTrue(upcall.callbacks.get() > 0, "the provider asked the blocking callback");
        sendText(c.client(), "intact");
        receives(c.server(), 8, "intact");
        sendText(c.server(), "both ways");
        receives(c.client(), 16, "both ways");
    }

    @Test
    void aCancelledAcceptLeavesTheListenerListening() throws Exception {
        SocketHandle listener = listener("svc");
        Background<SocketHandle> acceptor = new Background<>("acceptor", () -> d.accept(listener, null));
        acceptor.awaitBlocked();
        upcall.cancelBlockingCall(acceptor.thread, d);
        acceptor.fails(WsaError.WSAEINTR);
        d.connect(socket(), address("svc"), null);
        d.accept(listener, null);
    }

    @Test
    void aCancelledSendLeavesWhatWentOutInThePipe() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 3);
        Background<Integer> writer = new Background<>("writer", () -> d.send(c.client(), bytes("abcdef"), 0));
        writer.awaitBlocked();
        upcall.cancelBlockingCall(writer.thread, d);
        writer.fails(WsaError.WSAEINTR);
        receives(c.server(), 8, "abc");
    }

    @Test
    void aPlainInterruptAlsoEndsTheCallAndStaysSet() throws Exception {
        Connection c = connect();
        boolean[] interrupted = new boolean[1];
        Background<Integer> reader = new Background<>("reader", () -> {
            try {
                return d.recv(c.server(), ByteBuffer.allocate(1), 0);
            } finally {
                interrupted[0] = Thread.currentThread().isInterrupted();
            }
        });
        reader.awaitBlocked();
        reader.thread.interrupt();
        reader.fails(WsaError.WSAEINTR);
        assertTrue(interrupted[0]);
    }

    @Test
    void anInterruptTheCallbackDismissesIsRestoredWhenTheCallReturns() throws Exception {
        Connection c = connect();
        upcall.dismissInterrupts = true;
        boolean[] interrupted = new boolean[1];
        Background<Integer> reader = new Background<>("reader", () -> {
            try {
                return d.recv(c.server(), ByteBuffer.allocate(8), 0);
            } finally {
                interrupted[0] = Thread.interrupted();
            }
        });
        reader.awaitBlocked();
        reader.thread.interrupt();
        reader.awaitBlocked(); // the callback said to keep waiting
        sendText(c.client(), "done");
        assertEquals(4, reader.get());
        assertTrue(interrupted[0]);
    }

    @Test
    void closingTheSocketEndsABlockedReceiveWithEintr() throws Exception {
        Connection c = connect();
        Background<Integer> reader = new Background<>("reader", () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        reader.awaitBlocked();
        d.closeSocket(c.server());
        reader.fails(WsaError.WSAEINTR);
    }

    @Test
    void aReceiveTimeoutEndsTheWaitWithTimedOut() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.server(), SockOpt.SO_RCVTIMEO, 20);
        fails(WsaError.WSAETIMEDOUT, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        sendText(c.client(), "x");
        receives(c.server(), 1, "x");
    }

    @Test
    void aSendTimeoutEndsTheWaitWithTimedOut() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 1);
        d.setSockOpt(c.client(), SockOpt.SO_SNDTIMEO, 20);
        fails(WsaError.WSAETIMEDOUT, () -> d.send(c.client(), bytes("xy"), 0));
    }

    @Test
    void cancellingWithoutABlockingCallIsRefused() {
        fails(WsaError.WSAEINVAL, d::cancelBlockingCall);
        assertFalse(Thread.currentThread().isInterrupted());
    }
}
