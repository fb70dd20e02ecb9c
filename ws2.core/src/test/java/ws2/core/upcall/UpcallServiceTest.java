package ws2.core.upcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.SelectableChannel;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WindowMessage;
import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.core.socket.CoreSocket;
import ws2.core.testing.FakeBundles;
import ws2.core.testing.TestCore;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/** Every WPU function, on the core's own upcall table (issue 2). */
class UpcallServiceTest {
    private static final UUID GUID = new UUID(1, 1);
    private final TestCore t = new TestCore();
    private Upcall up;

    @BeforeEach
    void install() throws WsaException {
        t.core.admin().installProvider(GUID, "file:/provider.jar",
                List.of(ProtocolInfo.builder().triple(2, 1, 6).sockAddrLengths(16, 16).protocolName("tcp").build()));
        up = t.core.upcalls().forBundle(FakeBundles.bundle(5, "provider"));
    }

    private static WsaError code(Executable e) {
        return assertThrows(WsaException.class, e::run).error();
    }

    /** A call that may fail with a WsaException. */
    @FunctionalInterface
    private interface Executable {
        void run() throws WsaException;
    }

    @Test
    void nonIfsHandlesCarryTheirContextUntilClosed() throws WsaException {
        Object state = new Object();
        SocketHandle h = up.createSocketHandle(1001, state);
        assertSame(state, up.querySocketHandleContext(h));
        assertEquals(1001, h.catalogEntryId());
        assertNull(h.ifsHandle());
        assertSame(h, t.core.handles().lookup(h.value()));
        up.closeSocketHandle(h);
        assertEquals(WsaError.WSAENOTSOCK, code(() -> up.querySocketHandleContext(h)));
        assertEquals(WsaError.WSAENOTSOCK, code(() -> up.closeSocketHandle(h)));
        assertNull(t.core.handles().lookup(h.value()));
    }

    @Test
    void ifsHandlesKeepTheProposedHandleAndHaveNoContext() throws WsaException {
        IfsHandle proposed = () -> (SelectableChannel) null;
        SocketHandle h = up.modifyIfsHandle(1001, proposed);
        assertSame(proposed, h.ifsHandle());
        assertEquals(WsaError.WSAENOTSOCK, code(() -> up.querySocketHandleContext(h)));
        assertEquals(WsaError.WSAEINVAL, code(() -> up.modifyIfsHandle(1001, null)));
        assertEquals(WsaError.WSAEINVAL, code(() -> up.modifyIfsHandle(4242, proposed)), "unknown catalog entry");
        assertEquals(WsaError.WSAEINVAL, code(() -> up.createSocketHandle(4242, null)));
    }

    @Test
    void eventsAreSetResetAndClosed() throws WsaException {
        EventHandle e = up.createEvent();
        EventObject o = (EventObject) e;
        assertFalse(o.isSignaled(), "created non-signalled");
        up.setEvent(e);
        assertTrue(o.isSignaled());
        up.resetEvent(e);
        assertFalse(o.isSignaled());
        up.closeEvent(e);
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> up.setEvent(e)));
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> up.closeEvent(e)));
    }

    @Test
    void completingAnOverlappedRequestRecordsTheOutcomeAndSignalsItsEvent() throws WsaException {
        SocketHandle h = up.createSocketHandle(1001, null);
        EventHandle e = up.createEvent();
        Overlapped ov = new Overlapped(e);
        ov.begin();
        assertFalse(ov.isComplete());
        up.completeOverlappedRequest(h, ov, 0, 42);
        assertTrue(ov.isComplete());
        assertEquals(42, ov.transferred());
        assertTrue(((EventObject) e).isSignaled());
        SocketHandle ifs = up.modifyIfsHandle(1001, () -> null);
        Overlapped viaIfs = new Overlapped();
        viaIfs.begin();
        up.completeOverlappedRequest(ifs, viaIfs, WsaError.WSAECONNRESET.code(), 3, 0x8000);
        assertEquals(WsaError.WSAECONNRESET.code(), viaIfs.error(), "IFS handles complete here too: no kernel does it");
        assertEquals(0x8000, viaIfs.flags());
        t.core.handles().release((CoreSocket) ifs);
        assertEquals(WsaError.WSAEINVAL, code(() -> up.completeOverlappedRequest(ifs, new Overlapped(), 0, 1)));
    }

    @Test
    void apcsRunOnTheirThreadOnlyDuringAnAlertableWait() throws Exception {
        Winsock ws = t.core.contexts().open("waiter", CatalogView.NATIVE);
        ws.startup(Winsock.VERSION_2_2);
        EventHandle never = ws.createEvent();
        AtomicReference<ThreadId> target = new AtomicReference<>();
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        CountDownLatch opened = new CountDownLatch(1);
        CountDownLatch queued = new CountDownLatch(1);
        CompletableFuture<int[]> results = CompletableFuture.supplyAsync(() -> {
            try {
                target.set(up.openCurrentThread());
                opened.countDown();
                queued.await();
                int plain = ws.waitForMultipleEvents(new EventHandle[] {never}, false, Duration.ofMillis(50), false);
                boolean ranBefore = ranOn.get() != null;
                int alertable = ws.waitForMultipleEvents(new EventHandle[] {never}, false, null, true);
                return new int[] {plain, ranBefore ? 1 : 0, alertable};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        opened.await();
        up.queueApc(target.get(), ctx -> ranOn.set(Thread.currentThread()), "ctx");
        queued.countDown();
        int[] r = results.get(10, TimeUnit.SECONDS);
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, r[0], "a non-alertable wait leaves the APC queued");
        assertEquals(0, r[1]);
        assertEquals(Winsock.WSA_WAIT_IO_COMPLETION, r[2]);
        assertEquals(target.get().threadId(), ranOn.get().getId(), "the APC ran on the thread it was queued to");
        up.closeThread(target.get());
        assertEquals(WsaError.WSAEFAULT, code(() -> up.queueApc(target.get(), ctx -> { }, null)));
        assertEquals(WsaError.WSAEINVAL, code(() -> up.closeThread(target.get())));
    }

    @Test
    void messagesArePostedToLiveWindowsOnly() throws Exception {
        MessageWindow w = t.core.handles().allocate(v -> new MessageWindow(v, this), "window");
        assertTrue(up.postMessage(w, 0x401, 7, 0x20));
        assertEquals(new WindowMessage(0x401, 7, 0x20), w.take(TimeUnit.SECONDS.toNanos(1)));
        t.core.handles().release(w);
        w.destroy();
        assertFalse(up.postMessage(w, 0x401, 7, 0x20));
        assertEquals(WsaError.WSAEINVAL, code(() -> w.take(0)), "pumping a destroyed window fails");
        assertFalse(up.postMessage(null, 1, 0, 0));
    }

    @Test
    void providerPathFdIsSetAndBlockingCallback() throws WsaException {
        assertEquals("file:/provider.jar", up.getProviderPath(GUID));
        assertEquals(WsaError.WSAEINVAL, code(() -> up.getProviderPath(new UUID(9, 9))));
        SocketHandle a = up.createSocketHandle(1001, null);
        SocketHandle b = up.createSocketHandle(1001, null);
        FdSet set = FdSet.of(a);
        assertTrue(up.fdIsSet(a, set));
        assertFalse(up.fdIsSet(b, set));
        assertTrue(up.queryBlockingCallback(1001).keepWaiting());
        assertEquals(WsaError.WSAEINVAL, code(() -> up.queryBlockingCallback(77)));
        Thread.currentThread().interrupt();
        try {
            assertFalse(up.queryBlockingCallback(1001).keepWaiting(), "an interrupted thread stops waiting");
        } finally {
            Thread.interrupted();
        }
    }
}
