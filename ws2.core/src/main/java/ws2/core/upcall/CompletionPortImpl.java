package ws2.core.upcall;

import java.util.Objects;

import ws2.api.Completion;
import ws2.api.CompletionPort;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.socket.HandleTable;

/**
 * An I/O completion port ({@code CreateIoCompletionPort}): a queue of completion packets, in the
 * order operations completed, taken by any number of threads. Closing it wakes them all with
 * {@code WSA_INVALID_HANDLE}; packets of its sockets go nowhere afterwards.
 */
public final class CompletionPortImpl extends HandleTable.Handle implements CompletionPort {
    private final Object owner;
    private final HandleQueue<Completion> queue;

    /**
     * Creates a port; called by the handle table.
     *
     * @param value the handle value
     * @param owner the owning client context (compared by identity)
     */
    public CompletionPortImpl(long value, Object owner) {
        super(value);
        this.owner = Objects.requireNonNull(owner, "owner");
        this.queue = new HandleQueue<>(WsaError.WSA_INVALID_HANDLE, "completion port " + value + " is closed");
    }

    /**
     * Returns the owning context.
     *
     * @return the owner
     */
    public Object owner() {
        return owner;
    }

    /**
     * Queues a packet ({@code PostQueuedCompletionStatus}, or a completed operation).
     *
     * @param c the packet
     */
    public void post(Completion c) {
        queue.offer(c);
    }

    /**
     * Takes the next packet ({@code GetQueuedCompletionStatus}).
     *
     * @param timeoutNanos how long to wait; negative waits for ever, zero polls
     * @return the packet, or null if none came in time
     * @throws WsaException {@code WSA_INVALID_HANDLE} once the port is closed, {@code WSAEINTR} if
     *         the thread is interrupted
     */
    public Completion take(long timeoutNanos) throws WsaException {
        return queue.take(timeoutNanos);
    }

    /** Drops the queued packets and wakes every waiting thread; called once the port is released. */
    public void close() {
        queue.close();
    }

    @Override
    public String toString() {
        return "completion port " + value() + " (" + queue.size() + " packets)";
    }
}
