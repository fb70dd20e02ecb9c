package ws2.core.upcall;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.BlockingCallback;
import ws2.spi.upcall.ThreadId;

/**
 * What the core keeps per Java thread: its queue of asynchronous procedure calls, which run only
 * when the thread enters an alertable wait ({@link Waits}), as on Windows; and the blocking call
 * it has in progress, which another thread may cancel ({@code WSACancelBlockingCall}).
 *
 * <h2>Cancelling a blocking call</h2>
 * {@link #enterBlocking} and {@link #exitBlocking} bracket every client call that can block. A
 * cancel moves the state from {@code IN_CALL} to {@code CANCELLING}, interrupts the thread, then
 * marks it {@code CANCELLED}; the provider's wait wakes and asks the {@link #blockingCallback()},
 * which calls the provider's {@code WSPCancelBlockingCall} on this thread and answers false. The
 * exit waits out a cancel that is still interrupting, then clears the interrupt, so a cancel that
 * arrives as the call returns never leaves a stray interrupt behind.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(ThreadState::create);
    private static final Map<Long, Ref> BY_THREAD = new ConcurrentHashMap<>();
    private static final ReferenceQueue<ThreadState> GONE = new ReferenceQueue<>();

    private static final int IDLE = 0;
    private static final int IN_CALL = 1;
    private static final int CANCELLING = 2;
    private static final int CANCELLED = 3;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(ThreadState.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A weak entry of the thread index: a thread that ended leaves nothing behind. */
    private static final class Ref extends WeakReference<ThreadState> {
        final long id;

        Ref(ThreadState s) {
            super(s, GONE);
            this.id = s.thread.getId();
        }
    }

    private final Thread thread;
    private final Queue<Runnable> apcs = new ConcurrentLinkedQueue<>();
    private final ThreadIdImpl id = new ThreadIdImpl(this, false);
    private final BlockingCallback callback = this::keepWaiting;
    private volatile int state;
    private volatile WspDispatch blockedIn;

    private ThreadState(Thread thread) {
        this.thread = thread;
    }

    private static ThreadState create() {
        for (Object r; (r = GONE.poll()) != null; ) {
            BY_THREAD.remove(((Ref) r).id, r);
        }
        ThreadState s = new ThreadState(Thread.currentThread());
        BY_THREAD.put(s.thread.getId(), new Ref(s));
        return s;
    }

    /**
     * Returns the state of the calling thread.
     *
     * @return the state, created on first use
     */
    public static ThreadState current() {
        return CURRENT.get();
    }

    /**
     * Returns the thread.
     *
     * @return the Java thread
     */
    public Thread thread() {
        return thread;
    }

    /**
     * Returns the identity ws2.core passes as {@code lpThreadId} to the overlapped calls this thread
     * starts; providers cannot close it.
     *
     * @return the thread identity
     */
    public ThreadId id() {
        return id;
    }

    /**
     * Queues a call and wakes the thread if it waits.
     *
     * @param apc the call
     */
    public void queue(Runnable apc) {
        apcs.add(apc);
        LockSupport.unpark(thread);
    }

    /**
     * Runs every queued call, in order; only the owning thread calls this.
     *
     * @return how many ran
     */
    int runApcs() {
        int n = 0;
        for (Runnable r; (r = apcs.poll()) != null; n++) {
            r.run();
        }
        return n;
    }

    /**
     * Tells whether calls are queued.
     *
     * @return true if at least one waits
     */
    boolean hasApcs() {
        return !apcs.isEmpty();
    }

    // ---- blocking calls ---------------------------------------------------------------------

    /**
     * Marks the start of a client call that may block in a provider.
     *
     * @param dispatch the provider the call goes to
     */
    public void enterBlocking(WspDispatch dispatch) {
        blockedIn = dispatch;
        state = IN_CALL;
    }

    /** Marks the end of the call; clears the interrupt a cancel made. */
    public void exitBlocking() {
        if (!STATE.compareAndSet(this, IN_CALL, IDLE)) {
            while (state == CANCELLING) {
                Thread.onSpinWait();
            }
            Thread.interrupted();
            state = IDLE;
        }
        blockedIn = null;
    }

    /**
     * Returns the callback {@code WPUQueryBlockingCallback} gives providers for this thread.
     *
     * @return the callback
     */
    public BlockingCallback blockingCallback() {
        return callback;
    }

    private boolean keepWaiting() {
        int s = state;
        if (s != CANCELLING && s != CANCELLED) {
            return !thread.isInterrupted();
        }
        WspDispatch d = blockedIn;
        if (d != null) {
            try {
                d.cancelBlockingCall();
            } catch (WsaException | RuntimeException e) {
                // the provider had already finished the call: nothing to cancel
            }
        }
        return false;
    }

    /**
     * {@code WSACancelBlockingCall} for a thread: cancels the blocking call it has in progress.
     *
     * @param target the thread
     * @throws WsaException {@code WSAEINVAL} if it has no blocking call in progress
     */
    public static void cancel(Thread target) throws WsaException {
        Ref r = BY_THREAD.get(target.getId());
        ThreadState s = r == null ? null : r.get();
        if (s == null || s.thread != target || !STATE.compareAndSet(s, IN_CALL, CANCELLING)) {
            throw new WsaException(WsaError.WSAEINVAL, "thread '" + target.getName() + "' has no blocking Windows"
                    + " Sockets call in progress");
        }
        target.interrupt();
        s.state = CANCELLED;
    }
}
