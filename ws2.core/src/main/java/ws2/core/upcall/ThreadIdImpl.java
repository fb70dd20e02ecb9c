package ws2.core.upcall;

import ws2.spi.upcall.ThreadId;

/**
 * A {@code WSATHREADID}: names a thread for {@code WPUQueueApc}. Those from
 * {@code WPUOpenCurrentThread} are closed with {@code WPUCloseThread}; the one ws2.core passes to
 * overlapped calls lives as long as its thread and cannot be closed.
 */
final class ThreadIdImpl implements ThreadId {
    private final ThreadState state;
    private final boolean closable;
    private volatile boolean closed;

    ThreadIdImpl(ThreadState state, boolean closable) {
        this.state = state;
        this.closable = closable;
    }

    @Override
    public long threadId() {
        return state.thread().getId();
    }

    ThreadState state() {
        return state;
    }

    boolean isClosed() {
        return closed;
    }

    boolean close() {
        if (!closable) {
            return false;
        }
        boolean was = closed;
        closed = true;
        return !was;
    }

    @Override
    public String toString() {
        return "thread " + threadId() + (closed ? " (closed)" : "");
    }
}
