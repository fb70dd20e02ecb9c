package ws2.provider.registry;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.spi.namespace.AsyncCall;

/**
 * The {@code hLookup} of an {@code NSPv2LookupServiceBegin}: the results the registry held for the
 * query when it began, handed out one per {@code NSPv2LookupServiceNextEx}, and the baseline
 * against which change notification compares the registry's later state.
 *
 * <p>Thread-safe: Next and End may run on any thread; after construction the baseline is read and
 * written only under the {@link ServiceRegistry}'s lock (it is volatile so that the lookup need not
 * be published safely).
 */
final class Lookup {
    private final Query query;
    private final Session session;
    private final List<QuerySet> results;
    private final AtomicInteger next = new AtomicInteger();
    private volatile boolean ended;
    private volatile List<QuerySet> baseline;

    /**
     * Creates a lookup.
     *
     * @param query what it looks for
     * @param session the session that began it, or null
     * @param results its results, immutable
     */
    Lookup(Query query, Session session, List<QuerySet> results) {
        this.query = query;
        this.session = session;
        this.results = results;
        this.baseline = results;
    }

    /** @return what the lookup looks for */
    Query query() {
        return query;
    }

    /** @return the session that began the lookup, or null */
    Session session() {
        return session;
    }

    /** @return true once {@link #end} ran */
    boolean ended() {
        return ended;
    }

    /**
     * {@code NSPv2LookupServiceNextEx}: completes the call with the next result, or fails it with
     * {@code WSA_E_NO_MORE} after the last one and {@code WSA_INVALID_HANDLE} once the lookup ended.
     *
     * @param call the call to complete
     */
    void next(AsyncCall<QuerySet> call) {
        if (ended) {
            call.fail(WsaError.WSA_INVALID_HANDLE, "the lookup has ended");
            return;
        }
        int index = next.getAndUpdate(i -> i < results.size() ? i + 1 : i);
        if (index < results.size()) {
            call.complete(results.get(index));
        } else {
            call.fail(WsaError.WSA_E_NO_MORE, "all " + results.size() + " results of the lookup were returned");
        }
    }

    /** {@code NSPv2LookupServiceEnd}: later Next calls fail. */
    void end() {
        ended = true;
    }

    /**
     * Moves the baseline to the registry's current answer if it differs; called under the
     * registry's lock.
     *
     * @param current the query's results now
     * @return true if the results changed since the lookup began or was last told of a change
     */
    boolean rebase(List<QuerySet> current) {
        if (current.equals(baseline)) {
            return false;
        }
        baseline = current;
        return true;
    }
}
