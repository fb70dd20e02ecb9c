package ws2.core.namespace;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ws2.api.AddrInfo;
import ws2.api.QuerySet;
import ws2.catalog.CatalogView;

/**
 * Results of complete lookups, kept for a short time so a repeated lookup (the common case of a
 * host name resolved again and again) asks no provider: at most {@value #CAPACITY} queries, each for
 * {@link #ttlMillis}, dropped all at once when the namespace catalog or its providers change. A
 * lookup with {@code LUP_FLUSHCACHE} bypasses it. {@code getaddrinfo} answers are kept the same way,
 * read without a lock.
 */
public final class ResultCache {
    /** How many queries it keeps, least recently used out first. */
    static final int CAPACITY = 1024;
    /** The default time a result is kept. */
    public static final long DEFAULT_TTL_MILLIS = 1000;

    /** A query as the cache keys it. */
    record Key(CatalogView view, QuerySet query, int flags) {
    }

    private record Entry(List<QuerySet> results, long expires) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, ResultCache.Entry> eldest) {
            return size() > CAPACITY;
        }
    };
    /** A {@code getaddrinfo} request as the cache keys it. */
    record AddrKey(CatalogView view, String node, String service, int family, int socketType) {
    }

    private record Addresses(List<AddrInfo> infos, long expires) {
    }

    private final ConcurrentHashMap<AddrKey, Addresses> addresses = new ConcurrentHashMap<>();
    private volatile long ttlMillis = DEFAULT_TTL_MILLIS;

    /**
     * Sets how long results are kept.
     *
     * @param millis the time; 0 turns the cache off
     */
    public void ttlMillis(long millis) {
        ttlMillis = Math.max(0, millis);
        clear();
    }

    synchronized List<QuerySet> get(Key key, long now) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (now - e.expires >= 0) {
            entries.remove(key);
            return null;
        }
        return e.results;
    }

    synchronized void put(Key key, List<QuerySet> results, long now) {
        if (ttlMillis > 0) {
            entries.put(key, new Entry(List.copyOf(results), now + ttlMillis * 1_000_000L));
        }
    }

    /**
     * A cached {@code getaddrinfo} answer: one map lookup and one clock read, no lock.
     *
     * @param key the request
     * @param now {@code System.nanoTime()}
     * @return the answer, or null
     */
    List<AddrInfo> addresses(AddrKey key, long now) {
        Addresses a = addresses.get(key);
        if (a == null) {
            return null;
        }
        if (now - a.expires >= 0) {
            addresses.remove(key, a);
            return null;
        }
        return a.infos;
    }

    void addresses(AddrKey key, List<AddrInfo> infos, long now) {
        if (ttlMillis > 0) {
            if (addresses.size() >= CAPACITY) {
                addresses.clear();
            }
            addresses.put(key, new Addresses(List.copyOf(infos), now + ttlMillis * 1_000_000L));
        }
    }

    /** Forgets everything: the namespace catalog or its providers changed. */
    public synchronized void clear() {
        entries.clear();
        addresses.clear();
    }
}
