package ws2.provider.memory;

import java.util.concurrent.locks.LockSupport;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.upcall.BlockingCallback;
import ws2.spi.upcall.Upcall;

/**
 * The blocking waits of one dispatch, with the blocking hook of {@code WPUQueryBlockingCallback}
 * and {@code WSPCancelBlockingCall}.
 *
 * <h2>Waiting</h2>
 * A blocking call registers a {@link Waiter} with the endpoints it waits on and parks; whoever
 * changes one of them wakes it, and the call tries again. There is no polling: a park ends on a
 * wake, on the call's timeout ({@code SO_RCVTIMEO}, {@code SO_SNDTIMEO}, a select timeout, a
 * linger time) or on an interrupt.
 *
 * <h2>Cancelling</h2>
 * ws2.core cancels a thread's blocking call by interrupting it. An interrupted wait asks the
 * thread's blocking callback whether to go on; ws2.core's callback calls {@link #cancel()} (the
 * provider's {@code WSPCancelBlockingCall}) on this thread before answering false, and the call then
 * fails with {@code WSAEINTR}, leaving its sockets as they were: a pipe loses nothing when a reader
 * or writer stops waiting. An interrupt the callback dismisses is kept aside and restored when the
 * call returns.
 */
final class Blocking {
    /**
     * One thread blocked in a call. Endpoints wake it under their locks; only its thread waits on it.
     */
    static final class Waiter {
        private final Thread thread = Thread.currentThread();
        private volatile boolean signalled;
        private volatile boolean cancelled;
        private boolean interruptDismissed;

        /** Wakes the thread: something it waits on changed. */
        void wake() {
            signalled = true;
            LockSupport.unpark(thread);
        }
    }

    private final Upcall upcall;
    private final ThreadLocal<Waiter> current = new ThreadLocal<>();

    /**
     * Makes the blocking support of a dispatch.
     *
     * @param upcall the dispatch's upcalls, for the blocking callback
     */
    Blocking(Upcall upcall) {
        this.upcall = upcall;
    }

    /**
     * Starts a blocking wait of the calling thread.
     *
     * @return its waiter, to register with the endpoints waited on
     */
    Waiter begin() {
        Waiter w = new Waiter();
        current.set(w);
        return w;
    }

    /**
     * Ends a blocking wait, restoring an interrupt the blocking callback dismissed.
     *
     * @param w the waiter of {@link #begin()}
     */
    void end(Waiter w) {
        current.remove();
        if (w.interruptDismissed) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Parks until woken, the deadline passes, or the call is cancelled.
     *
     * @param w the calling thread's waiter
     * @param timed whether {@code deadline} applies
     * @param deadline the {@link System#nanoTime()} to give up at
     * @param d the descriptor the call runs on: its catalog entry names the blocking callback
     * @param function the {@code WSP*} function, for the message
     * @return true when woken, false when the deadline passed
     * @throws WsaException {@code WSAEINTR} when cancelled or interrupted
     */
    boolean await(Waiter w, boolean timed, long deadline, Descriptor d, String function) throws WsaException {
        while (!w.signalled) {
            if (timed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, left);
            } else {
                LockSupport.park(this);
            }
            if (Thread.currentThread().isInterrupted() || w.cancelled) {
                BlockingCallback callback = upcall.queryBlockingCallback(d.handle().catalogEntryId());
                if (w.cancelled || !callback.keepWaiting() || w.cancelled) {
                    throw new WsaException(WsaError.WSAEINTR, function + " on " + d.describe() + " was cancelled"
                            + " (WSPCancelBlockingCall or an interrupt); the socket is left as it was");
                }
                Thread.interrupted();
                w.interruptDismissed = true;
            }
        }
        w.signalled = false;
        return true;
    }

    /**
     * {@code WSPCancelBlockingCall}: makes the calling thread's wait fail with {@code WSAEINTR}.
     *
     * @throws WsaException {@code WSAEINVAL} if the thread waits in no call of this dispatch
     */
    void cancel() throws WsaException {
        Waiter w = current.get();
        if (w == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPCancelBlockingCall: the calling thread has no blocking call"
                    + " in the memory provider");
        }
        w.cancelled = true;
    }
}
