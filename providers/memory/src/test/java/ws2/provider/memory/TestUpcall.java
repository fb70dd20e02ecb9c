package ws2.provider.memory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Apc;
import ws2.spi.upcall.BlockingCallback;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The upcalls a non-IFS base provider makes, for unit tests without ws2.core: numbered handles
 * carrying their context ({@code WPUCreateSocketHandle}, {@code WPUQuerySocketHandleContext},
 * {@code WPUCloseSocketHandle}), event objects that count how often they were set, windows whose
 * posted messages are recorded, APCs queued per thread until the test drains them, recorded
 * {@code WPUCompleteOverlappedRequest} calls, and a blocking callback that behaves as ws2.core's:
 * false after a cancel (calling the provider's {@code WSPCancelBlockingCall} first) or an interrupt.
 */
final class TestUpcall implements Upcall {
    /** A handle as ws2.core makes it for a non-IFS provider: one object per socket, equal only to itself. */
    static final class Handle implements SocketHandle {
        private final long value;
        private final int catalogEntryId;

        Handle(long value, int catalogEntryId) {
            this.value = value;
            this.catalogEntryId = catalogEntryId;
        }

        @Override
        public long value() {
            return value;
        }

        @Override
        public int catalogEntryId() {
            return catalogEntryId;
        }

        @Override
        public IfsHandle ifsHandle() {
            return null;
        }

        @Override
        public String toString() {
            return "handle " + value;
        }
    }

    /** An event object: manual-reset, counting its sets. */
    static final class Event implements EventHandle {
        private final long value;
        private final AtomicInteger sets = new AtomicInteger();
        private volatile boolean signalled;
        private volatile boolean closed;

        Event(long value) {
            this.value = value;
        }

        @Override
        public long value() {
            return value;
        }

        boolean isSignalled() {
            return signalled;
        }

        int sets() {
            return sets.get();
        }
    }

    /** A window: the messages posted to it are in {@link TestUpcall#messages}. */
    record Window(long value) implements WindowHandle {
    }

    /** A message posted to a window. */
    record Posted(WindowHandle window, WindowMessage message) {
    }

    /** A {@code WPUCompleteOverlappedRequest} call. */
    record Completed(SocketHandle socket, Overlapped overlapped, int error, int transferred) {
    }

    /** A thread identity. */
    static final class Identity implements ThreadId {
        private final long id;
        private volatile boolean closed;

        Identity(long id) {
            this.id = id;
        }

        @Override
        public long threadId() {
            return id;
        }
    }

    private final AtomicLong next = new AtomicLong(100);
    private final Map<Handle, Object> contexts = new ConcurrentHashMap<>();
    private final Map<Long, Queue<Runnable>> apcs = new ConcurrentHashMap<>();
    private final Map<Thread, WspDispatch> cancels = new ConcurrentHashMap<>();
    /** Every message posted, in order. */
    final List<Posted> messages = Collections.synchronizedList(new ArrayList<>());
    /** Every {@code WPUCompleteOverlappedRequest}, in order. */
    final List<Completed> completions = Collections.synchronizedList(new ArrayList<>());
    /** How often a blocking callback was asked. */
    final AtomicInteger callbacks = new AtomicInteger();
    /** Whether the callback dismisses interrupts that are not cancels (answers true). */
    volatile boolean dismissInterrupts;

    // ---- handles ----------------------------------------------------------------------------

    @Override
    public SocketHandle createSocketHandle(int catalogEntryId, Object context) {
        Handle h = new Handle(next.getAndIncrement(), catalogEntryId);
        contexts.put(h, context);
        return h;
    }

    @Override
    public Object querySocketHandleContext(SocketHandle s) throws WsaException {
        Object context = s instanceof Handle ? contexts.get(s) : null;
        if (context == null) {
            throw new WsaException(WsaError.WSAENOTSOCK, "WPUQuerySocketHandleContext: " + s + " is not an open handle");
        }
        return context;
    }

    @Override
    public void closeSocketHandle(SocketHandle s) throws WsaException {
        if (!(s instanceof Handle) || contexts.remove(s) == null) {
            throw new WsaException(WsaError.WSAENOTSOCK, "WPUCloseSocketHandle: " + s + " is not an open handle");
        }
    }

    /**
     * Tells whether a handle is open.
     *
     * @param s the handle
     * @return true until {@code WPUCloseSocketHandle}
     */
    boolean isOpen(SocketHandle s) {
        return contexts.containsKey(s);
    }

    @Override
    public SocketHandle modifyIfsHandle(int catalogEntryId, IfsHandle proposed) {
        throw new AssertionError("a non-IFS provider never calls WPUModifyIFSHandle");
    }

    @Override
    public boolean fdIsSet(SocketHandle s, FdSet set) {
        return set.isSet(s);
    }

    @Override
    public String getProviderPath(UUID providerId) {
        throw new AssertionError("a base provider never asks for a provider path");
    }

    // ---- completions, events and messages -----------------------------------------------------

    @Override
    public void completeOverlappedRequest(SocketHandle s, Overlapped overlapped, int error, int transferred, int flags)
            throws WsaException {
        if (!isOpen(s)) {
            throw new WsaException(WsaError.WSAEINVAL, "WPUCompleteOverlappedRequest: " + s + " is not an open handle");
        }
        overlapped.complete(error, transferred, flags);
        completions.add(new Completed(s, overlapped, error, transferred));
        if (overlapped.event() != null) {
            setEvent(overlapped.event());
        }
    }

    @Override
    public Event createEvent() {
        return new Event(next.getAndIncrement());
    }

    @Override
    public void setEvent(EventHandle event) throws WsaException {
        Event e = open(event, "WPUSetEvent");
        e.sets.incrementAndGet();
        e.signalled = true;
    }

    @Override
    public void resetEvent(EventHandle event) throws WsaException {
        open(event, "WPUResetEvent").signalled = false;
    }

    @Override
    public void closeEvent(EventHandle event) throws WsaException {
        open(event, "WPUCloseEvent").closed = true;
    }

    private static Event open(EventHandle event, String function) throws WsaException {
        if (!(event instanceof Event) || ((Event) event).closed) {
            throw new WsaException(WsaError.WSA_INVALID_HANDLE, function + ": " + event + " is not an open event");
        }
        return (Event) event;
    }

    /**
     * Makes a window to post to.
     *
     * @return the window
     */
    Window createWindow() {
        return new Window(next.getAndIncrement());
    }

    @Override
    public boolean postMessage(WindowHandle window, int message, long wParam, long lParam) {
        messages.add(new Posted(window, new WindowMessage(message, wParam, lParam)));
        return true;
    }

    // ---- threads, APCs and blocking -----------------------------------------------------------

    @Override
    public ThreadId openCurrentThread() {
        return new Identity(Thread.currentThread().getId());
    }

    @Override
    public void closeThread(ThreadId thread) {
        ((Identity) thread).closed = true;
    }

    @Override
    public void queueApc(ThreadId thread, Apc apc, Object context) throws WsaException {
        if (!(thread instanceof Identity) || ((Identity) thread).closed) {
            throw new WsaException(WsaError.WSAEFAULT, "WPUQueueApc: " + thread + " is not an open thread identity");
        }
        apcs.computeIfAbsent(thread.threadId(), id -> new ConcurrentLinkedQueue<>()).add(() -> apc.run(context));
    }

    /**
     * Runs the APCs queued to the calling thread, as an alertable wait would.
     *
     * @return how many ran
     */
    int runApcs() {
        Queue<Runnable> queue = apcs.get(Thread.currentThread().getId());
        int n = 0;
        for (Runnable r; queue != null && (r = queue.poll()) != null; n++) {
            r.run();
        }
        return n;
    }

    @Override
    public BlockingCallback queryBlockingCallback(int catalogEntryId) {
        return () -> {
            callbacks.incrementAndGet();
            WspDispatch cancelled = cancels.remove(Thread.currentThread());
            if (cancelled != null) {
                try {
                    cancelled.cancelBlockingCall();
                } catch (WsaException e) {
                    throw new AssertionError("WSPCancelBlockingCall failed on the blocked thread", e);
                }
                return false;
            }
            return dismissInterrupts || !Thread.currentThread().isInterrupted();
        };
    }

    /**
     * {@code WSACancelBlockingCall} as ws2.core does it: marks the thread, then interrupts it.
     *
     * @param thread the blocked thread
     * @param dispatch the provider it is blocked in
     */
    void cancelBlockingCall(Thread thread, WspDispatch dispatch) {
        cancels.put(thread, dispatch);
        thread.interrupt();
    }
}
