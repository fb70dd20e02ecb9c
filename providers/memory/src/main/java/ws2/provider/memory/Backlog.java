package ws2.provider.memory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue of a listening socket ({@code WSPListen}): connections made and not yet accepted, in
 * arrival order, at most the backlog given to {@code WSPListen}; a connect that finds it full is
 * refused, as Winsock refuses it with {@code WSAECONNREFUSED}.
 *
 * <p>Guarded by the listening endpoint's lock.
 */
final class Backlog {
    private final ArrayDeque<Link> queue = new ArrayDeque<>();
    private int limit;

    /**
     * Makes an empty backlog.
     *
     * @param limit the most connections it holds
     */
    Backlog(int limit) {
        this.limit = limit;
    }

    /**
     * Tells whether another connection fits.
     *
     * @return true below the limit
     */
    boolean hasRoom() {
        return queue.size() < limit;
    }

    /**
     * Queues a new connection last.
     *
     * @param link the connection
     */
    void add(Link link) {
        queue.addLast(link);
    }

    /**
     * Takes the first connection.
     *
     * @return it, or null if none waits
     */
    Link poll() {
        return queue.pollFirst();
    }

    /**
     * Tells whether no connection waits.
     *
     * @return true if empty
     */
    boolean isEmpty() {
        return queue.isEmpty();
    }

    /**
     * Puts a connection an accept condition deferred back first ({@code CF_DEFER}).
     *
     * @param link the connection
     */
    void defer(Link link) {
        link.deferred = true;
        queue.addFirst(link);
    }

    /**
     * Tells whether {@code FD_ACCEPT} may be recorded: a connection waits and the first one is not
     * deferred, as Winsock issues no indications while a deferred connection heads the queue.
     *
     * @return true if a connection can be announced
     */
    boolean announces() {
        Link first = queue.peekFirst();
        return first != null && !first.deferred;
    }

    /**
     * Changes the limit, as a repeated {@code WSPListen} does.
     *
     * @param newLimit the new limit
     * @return the connections beyond it, newest first, for the caller to reset
     */
    List<Link> limit(int newLimit) {
        limit = newLimit;
        List<Link> excess = new ArrayList<>();
        while (queue.size() > limit) {
            excess.add(queue.pollLast());
        }
        return excess;
    }

    /**
     * Takes every connection, as the listener closes.
     *
     * @return them, for the caller to reset
     */
    List<Link> drain() {
        List<Link> all = new ArrayList<>(queue);
        queue.clear();
        return all;
    }
}
