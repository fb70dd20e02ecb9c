package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import ws2.api.Completion;
import ws2.api.CompletionPort;
import ws2.api.EventHandle;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The asynchronous client API over one provider, through the real core in a real Felix: event
 * objects and waits, event selection over many sockets, async selection pumped from a window,
 * overlapped I/O completed by events, by completion routines run as APCs in alertable waits on the
 * issuing thread, and by completion ports; cancellation. Each provider's IT runs the same contract
 * over its own stream sockets (issue 4).
 */
public abstract class AsyncContract {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Winsock ws;
    @Inject
    WinsockFactory factory;

    /** Waits until the provider's catalog entries are usable. */
    protected abstract void awaitProvider() throws Exception;

    /** A new stream socket of the provider under test. */
    protected abstract SocketHandle stream() throws WsaException;

    /** A local address a listener of the provider binds to (any free port or name). */
    protected abstract SockAddr anyLocal() throws Exception;

    /**
     * Whether the provider's loop is driven by a waiting completion-port thread (leader/follower,
     * {@code DrivableDispatch}); otherwise the thread waits for packets.
     */
    protected abstract boolean portThreadsLeadTheLoop();

    @Before
    public void start() throws Exception {
        awaitProvider();
        ws.startup(Winsock.VERSION_2_2);
    }

    @After
    public void stop() throws WsaException {
        ws.cleanup();
    }

    /** The two ends of a connection and its listener. */
    protected record Pair(SocketHandle listener, SocketHandle client, SocketHandle server) {
    }

    protected SocketHandle listener() throws Exception {
        SocketHandle l = stream();
        ws.bind(l, anyLocal());
        ws.listen(l, Winsock.SOMAXCONN);
        return l;
    }

    protected Pair pair() throws Exception {
        SocketHandle l = listener();
        SocketHandle c = stream();
        ws.connect(c, ws.getSockName(l));
        return new Pair(l, c, ws.accept(l));
    }

    private static ByteBuffer[] text(String s) {
        return new ByteBuffer[] {ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8))};
    }

    private static String text(ByteBuffer b, int n) {
        return new String(b.array(), 0, n, StandardCharsets.UTF_8);
    }

    private void send(SocketHandle s, String t) throws WsaException {
        assertEquals(t.length(), ws.send(s, text(t), 0));
    }

    private static WsaError code(ThrowingRunnable r) {
        return assertThrows(WsaException.class, r::run).error();
    }

    /** A call that throws. */
    @FunctionalInterface
    protected interface ThrowingRunnable {
        void run() throws Exception;
    }

    // ---- event objects ----------------------------------------------------------------------

    @Test
    public void waitAnyReturnsTheLowestSignalledAndWaitAllNeedsAll() throws Exception {
        EventHandle a = ws.createEvent();
        EventHandle b = ws.createEvent();
        EventHandle[] both = {a, b};
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, ws.waitForMultipleEvents(both, false, Duration.ofMillis(20), false));
        ws.setEvent(b);
        assertEquals(Winsock.WSA_WAIT_EVENT_0 + 1, ws.waitForMultipleEvents(both, false, WAIT, false));
        assertEquals("manual reset: still signalled", Winsock.WSA_WAIT_EVENT_0 + 1,
                ws.waitForMultipleEvents(both, false, WAIT, false));
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, ws.waitForMultipleEvents(both, true, Duration.ofMillis(20), false));
        ws.setEvent(a);
        assertEquals(Winsock.WSA_WAIT_EVENT_0, ws.waitForMultipleEvents(both, true, WAIT, false));
        ws.resetEvent(a);
        assertEquals(Winsock.WSA_WAIT_EVENT_0 + 1, ws.waitForMultipleEvents(both, false, WAIT, false));
        ws.closeEvent(a);
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.setEvent(a)));
    }

    @Test
    public void handlesOfAnotherContextAreRefused() throws Exception {
        Winsock other = factory.open("async-other");
        other.startup(Winsock.VERSION_2_2);
        try {
            EventHandle theirs = other.createEvent();
            CompletionPort theirPort = other.createCompletionPort();
            WindowHandle theirWindow = other.createWindow();
            assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.setEvent(theirs)));
            assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.waitForMultipleEvents(new EventHandle[] {theirs},
                    false, Duration.ZERO, false)));
            Pair p = pair();
            assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.eventSelect(p.server(), theirs, NetworkEvents.FD_READ)));
            assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.associate(theirPort, p.server(), 1)));
            assertEquals(WsaError.WSAEINVAL, code(() -> ws.asyncSelect(p.server(), theirWindow, 1, NetworkEvents.FD_READ)));
            assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.recv(p.server(), text("x"), 0,
                    new Overlapped(theirs), null)));
            send(p.client(), "still works");
            assertEquals(11, ws.recv(p.server(), ByteBuffer.allocate(32), 0));
        } finally {
            other.close();
        }
    }

    // ---- event select -----------------------------------------------------------------------

    @Test
    public void eventSelectServesManySocketsFromOneWait() throws Exception {
        int n = 24;
        SocketHandle l = listener();
        EventHandle accepting = ws.createEvent();
        ws.eventSelect(l, accepting, NetworkEvents.FD_ACCEPT);
        List<SocketHandle> clients = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SocketHandle c = stream();
            ws.connect(c, ws.getSockName(l));
            clients.add(c);
        }
        List<SocketHandle> servers = new ArrayList<>();
        List<EventHandle> events = new ArrayList<>();
        while (servers.size() < n) {
            assertEquals(Winsock.WSA_WAIT_EVENT_0, ws.waitForMultipleEvents(new EventHandle[] {accepting}, false, WAIT, false));
            assertEquals(NetworkEvents.FD_ACCEPT, ws.enumNetworkEvents(l, accepting).events());
            while (servers.size() < n) {
                SocketHandle s;
                try {
                    s = ws.accept(l);
                } catch (WsaException e) {
                    assertEquals("the listener is non-blocking once selected", WsaError.WSAEWOULDBLOCK, e.error());
                    break;
                }
                EventHandle e = ws.createEvent();
                ws.eventSelect(s, e, NetworkEvents.FD_READ | NetworkEvents.FD_CLOSE);
                servers.add(s);
                events.add(e);
            }
        }
        for (int i = 0; i < n; i++) {
            send(clients.get(i), "m" + i);
            ws.closeSocket(clients.get(i));
        }
        Set<String> got = new HashSet<>();
        int closed = 0;
        EventHandle[] all = events.toArray(EventHandle[]::new);
        while (closed < n) {
            int r = ws.waitForMultipleEvents(all, false, WAIT, false);
            assertTrue("a signalled event, got " + r, r >= 0 && r < n);
            NetworkEvents ne = ws.enumNetworkEvents(servers.get(r), all[r]);
            if ((ne.events() & NetworkEvents.FD_READ) != 0) {
                ByteBuffer b = ByteBuffer.allocate(16);
                int k = ws.recv(servers.get(r), b, 0);
                if (k > 0) {
                    got.add(text(b, k));
                }
            }
            if ((ne.events() & NetworkEvents.FD_CLOSE) != 0) {
                assertEquals("a graceful close", 0, ne.errorCode(5));
                closed++;
                ws.eventSelect(servers.get(r), all[r], 0);
                ws.closeSocket(servers.get(r));
                ws.closeEvent(all[r]);
                all[r] = ws.createEvent(); // keep the array full of open events
            }
        }
        assertEquals(n, got.size());
    }

    @Test
    public void asyncSelectPostsToAWindowThatTheClientPumps() throws Exception {
        Pair p = pair();
        WindowHandle w = ws.createWindow();
        ws.asyncSelect(p.server(), w, 0x400, NetworkEvents.FD_READ | NetworkEvents.FD_CLOSE);
        send(p.client(), "hi");
        WindowMessage m = ws.getMessage(w, WAIT);
        assertEquals(0x400, m.message());
        assertEquals(p.server().value(), m.wParam());
        assertEquals(NetworkEvents.FD_READ, m.selectEvent());
        assertNull("no second FD_READ before a receive", ws.getMessage(w, Duration.ofMillis(50)));
        assertEquals(2, ws.recv(p.server(), ByteBuffer.allocate(8), 0));
        ws.closeSocket(p.client());
        WindowMessage close = ws.getMessage(w, WAIT);
        assertEquals(NetworkEvents.FD_CLOSE, close.selectEvent());
        ws.destroyWindow(w);
        assertEquals(WsaError.WSAEINVAL, code(() -> ws.getMessage(w, Duration.ZERO)));
    }

    // ---- overlapped I/O ---------------------------------------------------------------------

    @Test
    public void anOverlappedReceiveSignalsItsEvent() throws Exception {
        Pair p = pair();
        EventHandle e = ws.createEvent();
        ws.setEvent(e);
        Overlapped ov = new Overlapped(e);
        ByteBuffer into = ByteBuffer.allocate(16);
        assertFalse("nothing to receive yet", ws.recv(p.server(), new ByteBuffer[] {into}, 0, ov, null));
        assertEquals("starting the operation reset the event", Winsock.WSA_WAIT_TIMEOUT,
                ws.waitForMultipleEvents(new EventHandle[] {e}, false, Duration.ofMillis(20), false));
        assertEquals(WsaError.WSAEINVAL, code(() -> ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(1)}, 0,
                ov, null)));
        assertEquals(WsaError.WSA_IO_INCOMPLETE, code(() -> ws.getOverlappedResult(p.server(), ov, false)));
        send(p.client(), "event");
        assertEquals(Winsock.WSA_WAIT_EVENT_0, ws.waitForMultipleEvents(new EventHandle[] {e}, false, WAIT, false));
        assertEquals(5, ws.getOverlappedResult(p.server(), ov, false));
        assertEquals("event", text(into, 5));
    }

    @Test
    public void completionRoutinesRunOnTheIssuingThreadOnlyInAlertableWaits() throws Exception {
        Pair p = pair();
        List<String> ran = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> on = new AtomicReference<>();
        EventHandle never = ws.createEvent();
        CompletableFuture<int[]> issuer = CompletableFuture.supplyAsync(() -> {
            try {
                ByteBuffer into = ByteBuffer.allocate(16);
                Overlapped ov = new Overlapped();
                boolean now = ws.recv(p.server(), new ByteBuffer[] {into}, 0, ov, (error, n, o, flags) -> {
                    on.set(Thread.currentThread());
                    ran.add(error + ":" + text(into, n));
                });
                send(p.client(), "apc");
                Thread.sleep(100); // the completion is queued by now; a plain wait must not run it
                int plain = ws.waitForMultipleEvents(new EventHandle[] {never}, false, Duration.ofMillis(50), false);
                int ranBefore = ran.size();
                int alertable = ws.waitForMultipleEvents(new EventHandle[] {never}, false, WAIT, true);
                return new int[] {now ? 1 : 0, plain, ranBefore, alertable, on.get() == Thread.currentThread() ? 1 : 0};
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int[] r = issuer.get(20, TimeUnit.SECONDS);
        assertEquals("pending at first", 0, r[0]);
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, r[1]);
        assertEquals(0, r[2]);
        assertEquals(Winsock.WSA_WAIT_IO_COMPLETION, r[3]);
        assertEquals("the routine ran on the thread that started the receive", 1, r[4]);
        assertEquals(List.of("0:apc"), ran);
    }

    @Test
    public void anIocpStyleEchoServesSeveralClientsThroughOnePort() throws Exception {
        SocketHandle l = listener();
        CompletionPort port = ws.createCompletionPort();
        ws.associate(port, l, 0);
        int clients = 4;
        List<SocketHandle> prepared = new ArrayList<>();
        List<Overlapped> accepts = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SocketHandle s = stream();
            Overlapped ov = new Overlapped();
            ws.acceptEx(l, s, ov, null);
            prepared.add(s);
            accepts.add(ov);
        }
        assertEquals(WsaError.WSAEINVAL, code(() -> ws.associate(port, l, 9)));
        List<SocketHandle> peers = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SocketHandle c = stream();
            ws.connectEx(c, ws.getSockName(l), new Overlapped(), null);
            peers.add(c);
        }
        ByteBuffer[] buffers = new ByteBuffer[clients];
        Overlapped[] reads = new Overlapped[clients];
        for (int seen = 0; seen < clients; seen++) {
            Completion c = ws.getQueuedCompletionStatus(port, WAIT);
            assertNotNull("an accept completed", c);
            assertEquals(0, c.key());
            assertEquals(0, c.error());
            int i = accepts.indexOf(c.overlapped());
            assertTrue(i >= 0);
            ws.associate(port, prepared.get(i), 100 + i);
            buffers[i] = ByteBuffer.allocate(64);
            reads[i] = new Overlapped();
            ws.recv(prepared.get(i), new ByteBuffer[] {buffers[i]}, 0, reads[i], null);
        }
        for (int i = 0; i < clients; i++) {
            ws.send(peers.get(i), text("echo " + i), 0);
        }
        for (int echoed = 0; echoed < clients; ) {
            Completion c = ws.getQueuedCompletionStatus(port, WAIT);
            assertNotNull(c);
            int i = (int) c.key() - 100;
            if (c.overlapped() == reads[i]) {
                buffers[i].flip();
                ws.send(prepared.get(i), new ByteBuffer[] {buffers[i]}, 0, new Overlapped(), null);
            } else {
                assertEquals("the echo of client " + i + " was sent", ("echo " + i).length(), c.transferred());
                echoed++;
            }
        }
        for (int i = 0; i < clients; i++) {
            ByteBuffer back = ByteBuffer.allocate(64);
            int n = ws.recv(peers.get(i), back, 0);
            assertEquals("echo " + i, text(back, n));
        }
        assertNull(ws.getQueuedCompletionStatus(port, Duration.ofMillis(20)));
    }

    @Test
    public void packetsComeInTheOrderOperationsCompleted() throws Exception {
        CompletionPort port = ws.createCompletionPort();
        List<Pair> pairs = new ArrayList<>();
        List<Overlapped> ops = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Pair p = pair();
            ws.associate(port, p.server(), i);
            Overlapped ov = new Overlapped();
            assertFalse(ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, ov, null));
            pairs.add(p);
            ops.add(ov);
        }
        for (int i : new int[] {2, 0, 1}) {
            send(pairs.get(i).client(), "x");
            Completion c = ws.getQueuedCompletionStatus(port, WAIT);
            assertEquals(i, c.key());
            assertSame(ops.get(i), c.overlapped());
        }
        Overlapped mine = new Overlapped();
        ws.postQueuedCompletionStatus(port, 7, 42, mine);
        ws.postQueuedCompletionStatus(port, 8, 43, null);
        assertEquals(new Completion(42, mine, 7, 0), ws.getQueuedCompletionStatus(port, Duration.ZERO));
        assertEquals(new Completion(43, null, 8, 0), ws.getQueuedCompletionStatus(port, Duration.ZERO));
    }

    @Test
    public void skippingThePortOnSuccessQueuesOnlyWhatPends() throws Exception {
        Pair p = pair();
        CompletionPort port = ws.createCompletionPort();
        ws.associate(port, p.server(), 3);
        assertEquals(WsaError.WSAEINVAL, code(() -> ws.setCompletionNotificationModes(p.server(), 0x4)));
        ws.setCompletionNotificationModes(p.server(), Winsock.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS);
        Overlapped sent = new Overlapped();
        assertTrue("a small send completes at once", ws.send(p.server(), text("now"), 0, sent, null));
        assertEquals(3, sent.transferred());
        assertNull("no packet for what completed at once", ws.getQueuedCompletionStatus(port, Duration.ofMillis(50)));
        Overlapped later = new Overlapped();
        assertFalse(ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, later, null));
        send(p.client(), "x");
        Completion c = ws.getQueuedCompletionStatus(port, WAIT);
        assertSame("what pended still comes through the port", later, c.overlapped());
        assertEquals(3, c.key());
    }

    @Test
    public void cancelAndCloseAbortPendingOperations() throws Exception {
        Pair p = pair();
        CompletionPort port = ws.createCompletionPort();
        ws.associate(port, p.server(), 5);
        Overlapped first = new Overlapped();
        Overlapped second = new Overlapped();
        ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(4)}, 0, first, null);
        ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(4)}, 0, second, null);
        assertEquals(1, ws.cancelIo(p.server(), first));
        Completion cancelled = ws.getQueuedCompletionStatus(port, WAIT);
        assertSame(first, cancelled.overlapped());
        assertEquals(WsaError.WSA_OPERATION_ABORTED.code(), cancelled.error());
        assertEquals(WsaError.WSA_OPERATION_ABORTED, code(() -> ws.getOverlappedResult(p.server(), first, true)));
        ws.closeSocket(p.server());
        Completion closed = ws.getQueuedCompletionStatus(port, WAIT);
        assertSame(second, closed.overlapped());
        assertEquals(WsaError.WSA_OPERATION_ABORTED.code(), closed.error());
    }

    @Test
    public void closingAPortWakesItsWaiters() throws Exception {
        CompletionPort port = ws.createCompletionPort();
        Pair p = pair();
        ws.associate(port, p.server(), 1);
        ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, new Overlapped(), null);
        List<CompletableFuture<WsaError>> waiters = new ArrayList<>();
        for (int i = 0; i < 2; i++) { // with a driving provider, one leads its loop and one follows
            waiters.add(CompletableFuture.supplyAsync(() -> {
                try {
                    ws.getQueuedCompletionStatus(port, null);
                    return null;
                } catch (WsaException e) {
                    return e.error();
                }
            }));
        }
        Thread.sleep(50);
        ws.closeCompletionPort(port);
        for (CompletableFuture<WsaError> w : waiters) {
            assertEquals(WsaError.WSA_INVALID_HANDLE, w.get(10, TimeUnit.SECONDS));
        }
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> ws.closeCompletionPort(port)));
    }

    @Test
    public void portThreadsWaitingOnIdleSocketsObeyTimeoutsPostsAndInterrupts() throws Exception {
        CompletionPort port = ws.createCompletionPort();
        Pair p = pair();
        ws.associate(port, p.server(), 1);
        ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, new Overlapped(), null);
        long start = System.nanoTime();
        assertNull(ws.getQueuedCompletionStatus(port, Duration.ofMillis(100)));
        assertTrue("the timeout was waited", System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
        assertNull(ws.getQueuedCompletionStatus(port, Duration.ZERO));
        CompletableFuture<Completion> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return ws.getQueuedCompletionStatus(port, null);
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        Overlapped posted = new Overlapped();
        ws.postQueuedCompletionStatus(port, 5, 99, posted);
        assertEquals(new Completion(99, posted, 5, 0), waiting.get(10, TimeUnit.SECONDS));
        AtomicReference<WsaError> interrupted = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                ws.getQueuedCompletionStatus(port, null);
            } catch (WsaException e) {
                interrupted.set(e.error());
            }
        });
        t.start();
        Thread.sleep(50);
        t.interrupt();
        t.join(10_000);
        assertEquals(WsaError.WSAEINTR, interrupted.get());
    }

    @Test
    public void aWaitingPortThreadLeadsTheProvidersLoopIfItHasOne() throws Exception {
        CompletionPort port = ws.createCompletionPort();
        Pair p = pair();
        ws.associate(port, p.server(), 1);
        ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, new Overlapped(), null);
        Thread t = new Thread(() -> {
            try {
                ws.getQueuedCompletionStatus(port, null);
            } catch (WsaException e) {
                // the port closed: the test is over
            }
        });
        t.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        String seen;
        do {
            Thread.sleep(10);
            seen = waitingIn(t);
        } while (!seen.equals(portThreadsLeadTheLoop() ? "loop" : "queue") && System.nanoTime() < end);
        String stack = java.util.Arrays.toString(t.getStackTrace()).replace(", ", "\n  ");
        ws.closeCompletionPort(port);
        t.join(10_000);
        assertEquals("where the waiting port thread is:\n  " + stack, portThreadsLeadTheLoop() ? "loop" : "queue", seen);
    }

    /** Where a thread waits: in a provider's selector loop, in a queue, or elsewhere. */
    private static String waitingIn(Thread t) {
        for (StackTraceElement frame : t.getStackTrace()) {
            if (frame.getMethodName().equals("drive") && frame.getClassName().startsWith("ws2.provider.")) {
                return "loop";
            }
            if (frame.getClassName().equals("ws2.core.upcall.HandleQueue") && frame.getMethodName().equals("await")) {
                return "queue";
            }
        }
        return "elsewhere";
    }

    @Test
    public void eventSelectGoesOnWhilePortThreadsComeAndGo() throws Exception {
        CompletionPort port = ws.createCompletionPort();
        int n = 6;
        int rounds = 20;
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Pair p = pair();
            ws.associate(port, p.server(), i);
            pairs.add(p);
        }
        ByteBuffer[] buffers = new ByteBuffer[n];
        Overlapped[] reads = new Overlapped[n];
        List<Thread> workers = new ArrayList<>();
        CopyOnWriteArrayList<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int w = 0; w < 3; w++) { // an echo on the port, as in anIocpStyleEcho..., with three threads
            Thread t = new Thread(() -> {
                try {
                    for (Completion c; (c = ws.getQueuedCompletionStatus(port, null)).key() >= 0; ) {
                        int i = (int) c.key();
                        SocketHandle s = pairs.get(i).server();
                        buffers[i].flip();
                        ws.send(s, new ByteBuffer[] {buffers[i]}, 0);
                        buffers[i].clear();
                        ws.recv(s, new ByteBuffer[] {buffers[i]}, 0, reads[i], null);
                    }
                } catch (WsaException | RuntimeException e) {
                    failures.add(e);
                }
            });
            t.start();
            workers.add(t);
        }
        for (int i = 0; i < n; i++) {
            buffers[i] = ByteBuffer.allocate(16);
            reads[i] = new Overlapped();
            ws.recv(pairs.get(i).server(), new ByteBuffer[] {buffers[i]}, 0, reads[i], null);
        }
        Pair selected = pair();
        EventHandle e = ws.createEvent();
        ws.eventSelect(selected.server(), e, NetworkEvents.FD_READ);
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < n; i++) {
                send(pairs.get(i).client(), "r" + r);
            }
            send(selected.client(), "e" + r);
            assertEquals("FD_READ while port threads drive", Winsock.WSA_WAIT_EVENT_0,
                    ws.waitForMultipleEvents(new EventHandle[] {e}, false, WAIT, false));
            assertEquals(NetworkEvents.FD_READ, ws.enumNetworkEvents(selected.server(), e).events());
            assertEquals("e" + r, receiveText(selected.server()));
            for (int i = 0; i < n; i++) {
                assertEquals("r" + r, receiveText(pairs.get(i).client()));
            }
        }
        for (int w = 0; w < workers.size(); w++) {
            ws.postQueuedCompletionStatus(port, 0, -1, null);
        }
        for (Thread t : workers) {
            t.join(10_000);
        }
        assertEquals(List.of(), failures);
        send(selected.client(), "after");
        assertEquals("FD_READ once no port thread is left", Winsock.WSA_WAIT_EVENT_0,
                ws.waitForMultipleEvents(new EventHandle[] {e}, false, WAIT, false));
        assertEquals("after", receiveText(selected.server()));
    }

    /** Receives up to 16 bytes, waiting for them, as text. */
    private String receiveText(SocketHandle s) throws WsaException {
        ByteBuffer b = ByteBuffer.allocate(16);
        int k = ws.recv(s, b, 0);
        return text(b, k);
    }

    @Test
    public void getOverlappedResultWaitsWhenAsked() throws Exception {
        Pair p = pair();
        Overlapped ov = new Overlapped();
        ws.recv(p.server(), new ByteBuffer[] {ByteBuffer.allocate(8)}, 0, ov, null);
        CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(50);
                send(p.client(), "later");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals(5, ws.getOverlappedResult(p.server(), ov, true));
    }

    // ---- shared sockets -----------------------------------------------------------------------

    @Test
    public void aDuplicatedSocketWorksInTheOtherContextOnce() throws Exception {
        Winsock other = factory.open("async-duplicate");
        other.startup(Winsock.VERSION_2_2);
        try {
            Pair p = pair();
            assertEquals(WsaError.WSAEINVAL, code(() -> ws.duplicateSocket(p.server(), 999_999)));
            ws2.catalog.ProtocolInfo info = ws.duplicateSocket(p.server(), other.processId());
            int from = ws2.catalog.ProtocolInfo.FROM_PROTOCOL_INFO;
            SocketHandle copy = other.socket(from, from, from, info, 0, ws2.api.SocketFlags.WSA_FLAG_OVERLAPPED);
            assertEquals(WsaError.WSAEINVAL, code(() -> other.socket(from, from, from, info, 0, 0)));
            assertEquals("a handle is its context's own", WsaError.WSAENOTSOCK,
                    code(() -> other.send(p.server(), ByteBuffer.allocate(1), 0)));
            send(p.client(), "shared");
            ByteBuffer b = ByteBuffer.allocate(16);
            int n = other.recv(copy, b, 0);
            assertEquals("shared", text(b, n));
            ws.closeSocket(p.server());
            other.send(copy, text("still open"), 0);
            ByteBuffer back = ByteBuffer.allocate(16);
            assertEquals("still open", text(back, ws.recv(p.client(), back, 0)));
            other.closeSocket(copy);
            assertEquals("the last descriptor closed the connection", 0, ws.recv(p.client(), ByteBuffer.allocate(4), 0));
        } finally {
            other.close();
        }
    }

    // ---- blocking calls ---------------------------------------------------------------------

    @Test
    public void aBlockingCallInAnotherThreadCanBeCancelled() throws Exception {
        Pair p = pair();
        AtomicReference<Thread> blocked = new AtomicReference<>();
        CompletableFuture<WsaError> accepting = CompletableFuture.supplyAsync(() -> {
            blocked.set(Thread.currentThread());
            try {
                ws.accept(p.listener());
                return null;
            } catch (WsaException e) {
                return e.error();
            }
        });
        Ws2TestSupport.await("the accepting thread", WAIT, () -> blocked.get() != null);
        cancelWhenBlocked(blocked.get());
        assertEquals(WsaError.WSAEINTR, accepting.get(10, TimeUnit.SECONDS));
        SocketHandle again = stream();
        ws.connect(again, ws.getSockName(p.listener()));
        assertNotNull("a cancelled accept leaves the listener intact", ws.accept(p.listener()));
        assertEquals(WsaError.WSAEINVAL, code(() -> ws.cancelBlockingCall(Thread.currentThread())));
    }

    /** Cancels, retrying while the thread has not yet entered its call. */
    private void cancelWhenBlocked(Thread t) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try {
                ws.cancelBlockingCall(t);
                return;
            } catch (WsaException e) {
                assertEquals(WsaError.WSAEINVAL, e.error());
                assertTrue("the thread never blocked", System.nanoTime() < end);
                Thread.sleep(5);
            }
        }
    }

    @Test
    public void cleanupClosesTheContextsPortsWindowsAndEvents() throws Exception {
        Winsock other = factory.open("async-cleanup");
        other.startup(Winsock.VERSION_2_2);
        CompletionPort port = other.createCompletionPort();
        WindowHandle w = other.createWindow();
        EventHandle e = other.createEvent();
        other.cleanup();
        other.startup(Winsock.VERSION_2_2);
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> other.getQueuedCompletionStatus(port, Duration.ZERO)));
        assertEquals(WsaError.WSAEINVAL, code(() -> other.getMessage(w, Duration.ZERO)));
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> other.setEvent(e)));
        other.close();
    }
}
