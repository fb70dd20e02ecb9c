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
 * <p>A waiting taker can also be promoted ({@link #promote()}): it then returns with nothing, so it
 * can take over a completion port's loop from a leader that left (see {@link CompletionPortImpl}).
 *
 * @param <T> the element type
 */
final class HandleQueue<T> {
    private static final Object CLOSED = new Object();
    private static final Object PROMOTED = new Object();
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
     * Hands an element to a taker that is waiting, if there is one.
     *
     * @param element the element
     * @return true if a waiting taker got it; false if none waited (nothing was queued)
     */
    boolean handOff(T element) {
        return !closed && queue.tryTransfer(element);
    }

    /**
     * Takes the next element.
     *
     * @param timeoutNanos how long to wait; negative waits for ever, zero polls
     * @return the element, or null if none came in time
     * @throws WsaException the closed code once closed, {@code WSAEINTR} if the thread is interrupted
     */
    T take(long timeoutNanos) throws WsaException {
        T e = spin(timeoutNanos);
        if (e != null || timeoutNanos == 0) {
            return e;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        while (true) {
            e = await(timeoutNanos < 0 ? -1 : deadline - System.nanoTime());
            if (e != null || timeoutNanos > 0 && deadline - System.nanoTime() <= 0) {
                return e; // else a promotion meant for a port's follower: wait on
            }
        }
    }

    /**
     * Takes the next element without waiting.
     *
     * @return the element, or null if the queue is empty
     * @throws WsaException the closed code once closed
     */
    T poll() throws WsaException {
        return checked(queue.poll());
    }

    /**
     * Polls, and polls again up to {@value #SPINS} times unless {@code timeoutNanos} is zero.
     *
     * @param timeoutNanos the caller's timeout; zero polls once
     * @return the element, or null if none came
     * @throws WsaException the closed code once closed
     */
    T spin(long timeoutNanos) throws WsaException {
        Object o = queue.poll();
        for (int spin = 0; o == null && spin < SPINS && timeoutNanos != 0; spin++) {
            Thread.onSpinWait();
            o = queue.poll();
        }
        return checked(o);
    }

    /**
     * Waits for the next element, or for a promotion.
     *
     * @param timeoutNanos how long to wait, at least; negative waits for ever
     * @return the element, or null if none came in time or the caller was promoted
     * @throws WsaException the closed code once closed, {@code WSAEINTR} if the thread is interrupted
     */
    T await(long timeoutNanos) throws WsaException {
        Object o;
        try {
            o = timeoutNanos < 0 ? queue.take() : queue.poll(Math.max(0, timeoutNanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, "the wait was interrupted");
        }
        return o == PROMOTED ? null : checked(o);
    }

    /**
     * Fails once the queue is closed.
     *
     * @throws WsaException the closed code
     */
    void requireOpen() throws WsaException {
        if (closed) {
            checked(null);
        }
    }

    /** Wakes one waiting taker, if any, with nothing: it was promoted. */
    void promote() {
        if (queue.hasWaitingConsumer()) {
            queue.tryTransfer(PROMOTED);
        }
    }

    @SuppressWarnings("unchecked")
    private T checked(Object o) throws WsaException {
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
