package ws2.core.upcall;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

import ws2.api.EventHandle;
import ws2.core.socket.HandleTable;

/**
 * An event object ({@code WSAEVENT}): manual-reset, created non-signalled, owned by one client
 * context. Setting it wakes every thread waiting on it.
 */
public final class EventObject extends HandleTable.Handle implements EventHandle {
    private final Object owner;
    private final Set<Thread> waiters = ConcurrentHashMap.newKeySet();
    private volatile boolean signaled;

    /**
     * Creates an event; called by the handle table.
     *
     * @param value the handle value
     * @param owner the owning client context (compared by identity)
     */
    public EventObject(long value, Object owner) {
        super(value);
        this.owner = Objects.requireNonNull(owner, "owner");
    }

    /**
     * Returns the owning context.
     *
     * @return the owner
     */
    public Object owner() {
        return owner;
    }

    /** Signals the event and wakes its waiters ({@code WSASetEvent}). */
    public void set() {
        signaled = true;
        for (Thread t : waiters) {
            LockSupport.unpark(t);
        }
    }

    /** Makes the event non-signalled ({@code WSAResetEvent}). */
    public void reset() {
        signaled = false;
    }

    /**
     * Tells whether the event is signalled.
     *
     * @return the state
     */
    public boolean isSignaled() {
        return signaled;
    }

    void addWaiter(Thread t) {
        waiters.add(t);
    }

    void removeWaiter(Thread t) {
        waiters.remove(t);
    }

    @Override
    public String toString() {
        return "event " + value() + (signaled ? " (signalled)" : "");
    }
}
