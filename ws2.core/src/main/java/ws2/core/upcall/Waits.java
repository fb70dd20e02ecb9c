package ws2.core.upcall;

import java.util.concurrent.locks.LockSupport;

import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Waiting on event objects, alertably or not: the engine of {@code WSAWaitForMultipleEvents}.
 *
 * <p>An alertable wait returns {@link Winsock#WSA_WAIT_IO_COMPLETION} after running the APCs queued to the
 * waiting thread, as soon as there are any; a non-alertable wait leaves them queued.
 */
public final class Waits {
    private Waits() {
    }

    /**
     * Waits until one event (or all of them) is signalled, the time runs out, or, when alertable,
     * APCs were run.
     *
     * @param events the events, 1 to {@value Winsock#WSA_MAXIMUM_WAIT_EVENTS}
     * @param waitAll wait until all are signalled at once rather than any one
     * @param timeoutNanos how long; negative waits for ever
     * @param alertable run queued APCs and return
     * @return {@code WSA_WAIT_EVENT_0 + index}, {@code WSA_WAIT_IO_COMPLETION} or {@code WSA_WAIT_TIMEOUT}
     * @throws WsaException {@code WSA_INVALID_PARAMETER} for no or too many events, {@code WSAEINTR}
     *         if the thread was interrupted
     */
    public static int waitForMultiple(EventObject[] events, boolean waitAll, long timeoutNanos, boolean alertable)
            throws WsaException {
        if (events.length == 0 || events.length > Winsock.WSA_MAXIMUM_WAIT_EVENTS) {
            throw new WsaException(WsaError.WSA_INVALID_PARAMETER, "a wait takes 1.." + Winsock.WSA_MAXIMUM_WAIT_EVENTS
                    + " events, got " + events.length);
        }
        ThreadState me = ThreadState.current();
        Thread t = me.thread();
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        for (EventObject e : events) {
            e.addWaiter(t);
        }
        try {
            while (true) {
                if (alertable && me.hasApcs()) {
                    me.runApcs();
                    return Winsock.WSA_WAIT_IO_COMPLETION;
                }
                int ready = ready(events, waitAll);
                if (ready >= 0) {
                    return Winsock.WSA_WAIT_EVENT_0 + ready;
                }
                if (Thread.interrupted()) {
                    throw new WsaException(WsaError.WSAEINTR, "the wait was interrupted");
                }
                if (timeoutNanos < 0) {
                    LockSupport.park(Waits.class);
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return Winsock.WSA_WAIT_TIMEOUT;
                    }
                    LockSupport.parkNanos(Waits.class, left);
                }
            }
        } finally {
            for (EventObject e : events) {
                e.removeWaiter(t);
            }
        }
    }

    private static int ready(EventObject[] events, boolean waitAll) {
        if (waitAll) {
            for (EventObject e : events) {
                if (!e.isSignaled()) {
                    return -1;
                }
            }
            return 0;
        }
        for (int i = 0; i < events.length; i++) {
            if (events[i].isSignaled()) {
                return i;
            }
        }
        return -1;
    }
}
