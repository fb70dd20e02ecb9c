package ws2.provider.memory;

import java.util.ArrayList;
import java.util.List;

/**
 * What a change of an endpoint leaves to do once its lock is released: overlapped operations to
 * complete (and accepted connections to hand to their {@code AcceptEx} sockets), and the peer to
 * serve when bytes moved. Completions are never indicated under a provider lock.
 *
 * <p>Used by one thread: the one that made the change.
 */
final class Outcomes {
    private List<Op> completed;
    private Endpoint next;

    /**
     * Adds an operation that completed.
     *
     * @param op the operation, its outcome set
     */
    void completed(Op op) {
        if (completed == null) {
            completed = new ArrayList<>(2);
        }
        completed.add(op);
    }

    /**
     * Names the endpoint to serve afterwards: the peer, when bytes moved between them.
     *
     * @param peer the peer, or null
     */
    void next(Endpoint peer) {
        next = peer;
    }

    /**
     * Indicates the completions, in order. Called with no lock held.
     *
     * @return the endpoint to serve next, or null
     */
    Endpoint deliver() {
        if (completed != null) {
            for (Op op : completed) {
                op.deliver();
            }
        }
        return next;
    }
}
