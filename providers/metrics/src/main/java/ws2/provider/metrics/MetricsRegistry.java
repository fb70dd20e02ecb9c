package ws2.provider.metrics;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Function;

import ws2.metrics.Counters;
import ws2.metrics.SocketMetrics;

/**
 * The table of an inspector LSP's open sockets and of the totals of its closed ones, per lower
 * provider and per protocol chain, shared by every client context ({@code WSPStartup}) the layer
 * serves.
 *
 * <p>Sockets are added and removed under the table's lock, and snapshots are taken under it; the
 * counting itself happens in each socket's {@link Meter} without it. A call still running on a
 * socket when it is closed may go uncounted.
 */
final class MetricsRegistry implements SocketMetrics {
    /** An open socket: who opened it, where it runs, and its counters. */
    private record Open(Object owner, String provider, Integer chain, Meter meter) {
    }

    private final NavigableMap<Long, Open> open = new TreeMap<>();
    private final Map<String, Meter> closedByProvider = new HashMap<>();
    private final Map<Integer, Meter> closedByChain = new HashMap<>();

    /**
     * Adds an open socket.
     *
     * @param owner the dispatch (client context) that made it, for {@link #cleanup}
     * @param handle its {@code SOCKET} value
     * @param provider the provider below it
     * @param chain the catalog entry ID of its chain
     * @param meter its counters
     */
    synchronized void opened(Object owner, long handle, String provider, int chain, Meter meter) {
        open.put(handle, new Open(owner, provider, chain, meter));
    }

    /**
     * Folds a closed socket's counters into its provider's and chain's totals and drops it.
     *
     * @param handle its {@code SOCKET} value; unknown values are ignored
     */
    synchronized void closed(long handle) {
        Open o = open.remove(handle);
        if (o != null) {
            fold(o);
        }
    }

    /**
     * Folds and drops every socket a client context left open ({@code WSPCleanup}).
     *
     * @param owner the dispatch given to {@link #opened}
     */
    synchronized void cleanup(Object owner) {
        for (Iterator<Open> it = open.values().iterator(); it.hasNext();) {
            Open o = it.next();
            if (o.owner() == owner) {
                it.remove();
                fold(o);
            }
        }
    }

    private void fold(Open o) {
        closedByProvider.computeIfAbsent(o.provider(), k -> new Meter()).add(o.meter());
        closedByChain.computeIfAbsent(o.chain(), k -> new Meter()).add(o.meter());
    }

    @Override
    public synchronized List<Counters> sockets() {
        return open.entrySet().stream().map(e -> e.getValue().meter().counters(e.getKey().toString())).toList();
    }

    @Override
    public synchronized List<Counters> providers() {
        return totals(closedByProvider, Open::provider);
    }

    @Override
    public synchronized List<Counters> chains() {
        return totals(closedByChain, Open::chain);
    }

    private <K extends Comparable<K>> List<Counters> totals(Map<K, Meter> closed, Function<Open, K> key) {
        Map<K, Meter> sums = new TreeMap<>();
        closed.forEach((k, m) -> sums.computeIfAbsent(k, x -> new Meter()).add(m));
        for (Open o : open.values()) {
            sums.computeIfAbsent(key.apply(o), x -> new Meter()).add(o.meter());
        }
        return sums.entrySet().stream().map(e -> e.getValue().counters(e.getKey().toString())).toList();
    }
}
