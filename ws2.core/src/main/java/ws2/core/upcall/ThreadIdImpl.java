package ws2.core.upcall;

import ws2.spi.upcall.ThreadId;

/**
 * A {@code WSATHREADID} from {@code WPUOpenCurrentThread}: names a thread until closed.
 */
final class ThreadIdImpl implements ThreadId {
    private final ThreadState state;
    private volatile boolean closed;

    ThreadIdImpl(ThreadState state) {
        this.state = state;
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
        boolean was = closed;
        closed = true;
        return !was;
    }

    @Override
    public String toString() {
        return "thread " + threadId() + (closed ? " (closed)" : "");
    }
}
