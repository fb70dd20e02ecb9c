package winevent.bus.impl;

import java.util.Set;

/**
 * The bus's configuration, immutable: published behind one volatile field and read once per use.
 *
 * @param stallTimeoutMillis how long an out-of-context hook with pending events may make no
 *        progress before it is isolated; also the longest an unhook waits for a running callback
 * @param queueCapacity the ring size of each out-of-context hook created from now on, a power of
 *        two between 2 and 2^24
 * @param systemBundles symbolic names of the bundles that count as the system, beside the system
 *        bundle (ID 0)
 */
record Settings(long stallTimeoutMillis, int queueCapacity, Set<String> systemBundles) {
    /** Ring size when none is configured. */
    static final int DEFAULT_CAPACITY = 1 << 16;
    /** Largest ring size accepted: 2^24 events, about 740 MB of ring for one hook. */
    static final int MAX_CAPACITY = 1 << 24;

    /** Checks the values, naming the bad one, and copies the set. */
    Settings {
        if (stallTimeoutMillis < 1) {
            throw new IllegalArgumentException("stallTimeoutMillis must be at least 1, not " + stallTimeoutMillis);
        }
        if (queueCapacity < 2 || queueCapacity > MAX_CAPACITY || Integer.bitCount(queueCapacity) != 1) {
            throw new IllegalArgumentException("queueCapacity must be a power of two between 2 and " + MAX_CAPACITY
                    + ", not " + queueCapacity);
        }
        systemBundles = Set.copyOf(systemBundles);
    }

    /**
     * Tells whether a bundle is the system.
     *
     * @param bundleId its ID
     * @param symbolicName its symbolic name, possibly null
     * @return true for the system bundle and the configured system bundles
     */
    boolean isSystem(long bundleId, String symbolicName) {
        return bundleId == 0 || symbolicName != null && systemBundles.contains(symbolicName);
    }
}
