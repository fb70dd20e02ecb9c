package ws2.core.upcall;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;

/**
 * What the core keeps per Java thread: its queue of asynchronous procedure calls. An APC runs only
 * when its thread enters an alertable wait ({@link Waits}), as on Windows.
 */
public final class ThreadState {
    private static final ThreadLocal<ThreadState> CURRENT = ThreadLocal.withInitial(() -> new ThreadState(Thread.currentThread()));

    private final Thread thread;
    private final Queue<Runnable> apcs = new ConcurrentLinkedQueue<>();

    private ThreadState(Thread thread) {
        this.thread = thread;
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
}
