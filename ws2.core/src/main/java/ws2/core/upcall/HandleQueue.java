package ws2.core.upcall;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.TimeUnit;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The queue behind a handle that threads take from: a window's messages, a completion port's
 * packets. Closing it drops what is queued and wakes every taker with the handle's own error: the
 * closed marker is put back by each thread that takes it, so it reaches all of them.
 *
 * @param <T> the element type
 */
final class HandleQueue<T> {
    private static final Object CLOSED = new Object();
    /** Polls before parking: a busy producer's next element often comes within a microsecond or two. */
    private static final int SPINS = 1000;

    private final LinkedTransferQueue<Object> queue = new LinkedTransferQueue<>(); // lock-free: no lock between posters and takers
    private final WsaError closedError;
    private final String closedMessage;
    private volatile boolean closed;

    /**
     * Creates an open queue.
     *
     * @param closedError the code takers get once it is closed
     * @param closedMessage the message they get
     */
    HandleQueue(WsaError closedError, String closedMessage) {
        this.closedError = closedError;
        this.closedMessage = closedMessage;
    }

    /**
     * Queues an element.
     *
     * @param element the element
     * @return false if the queue is closed (the element is dropped)
     */
    boolean offer(T element) {
        return !closed && queue.add(element);
    }

    /**
     * Takes the next element.
     *
     * @param timeoutNanos how long to wait; negative waits for ever, zero polls
     * @return the element, or null if none came in time
     * @throws WsaException the closed code once closed, {@code WSAEINTR} if the thread is interrupted
     */
    @SuppressWarnings("unchecked")
    T take(long timeoutNanos) throws WsaException {
        Object o = queue.poll();
        for (int spin = 0; o == null && spin < SPINS && timeoutNanos != 0; spin++) {
            Thread.onSpinWait();
            o = queue.poll();
        }
        try {
            if (o == null) {
                o = timeoutNanos < 0 ? queue.take() : queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, "the wait was interrupted");
        }
        if (o == CLOSED || o == null && closed) {
            queue.add(CLOSED);
            throw new WsaException(closedError, closedMessage);
        }
        return (T) o;
    }

    /** Closes the queue: drops what is queued and wakes every taker. */
    void close() {
        closed = true;
        queue.clear();
        queue.add(CLOSED);
    }

    /**
     * Returns the number of queued elements.
     *
     * @return the size
     */
    int size() {
        return closed ? 0 : queue.size();
    }
}
