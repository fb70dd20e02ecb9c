package ws2.provider.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hosts file in force and its {@link HostsTable}: rereads the file when its modification time,
 * size or identity (inode) changes and tells the registered {@link Listener}s, which is how
 * {@code SIO_NSP_NOTIFY_CHANGE} learns of an edit.
 *
 * <h2>Threads</h2>
 * Lookups call {@link #table()}, which reads the published table from one volatile field; at most
 * once per {@value #CHECK_INTERVAL_MILLIS} ms one of them also checks the file's attributes, and
 * only if no other thread is rereading it, so a lookup never waits. {@link #refresh()} (the
 * poller) and {@link #use(Path)} (a new configuration) wait for a reread in progress. A reread
 * builds the new table beside the old one and publishes it with one write, then calls the
 * listeners on the thread that noticed the change, outside the lock; a listener that throws is
 * logged and the others are still called.
 *
 * <p>A missing or unreadable file serves no names, and is read when it appears. An edit that keeps
 * the size, the inode and the modification time (within the file system's time resolution) is not
 * noticed until the next change.
 */
final class HostsSource {
    /** What a lookup is told when the file was reread. */
    interface Listener {
        /**
         * The file was reread.
         *
         * @param table the table now in force
         */
        void tableChanged(HostsTable table);
    }

    /** The least time between two checks made by lookups. */
    static final long CHECK_INTERVAL_MILLIS = 100;
    private static final long CHECK_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(CHECK_INTERVAL_MILLIS);
    /** How many malformed line numbers a warning lists. */
    private static final int LISTED_LINES = 10;
    private static final Logger LOG = LoggerFactory.getLogger(HostsSource.class);

    /** One reading of one file. */
    private record Reading(Path file, Stamp stamp, HostsTable table) {
    }

    /** What tells one version of a file from another; {@link #MISSING} when it cannot be seen. */
    private record Stamp(FileTime modified, long size, Object fileKey) {
        static final Stamp MISSING = new Stamp(null, -1, null);

        static Stamp of(Path file) {
            try {
                BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
                return new Stamp(a.lastModifiedTime(), a.size(), a.fileKey());
            } catch (IOException e) {
                return MISSING;
            }
        }
    }

    private final UUID providerId;
    private final ReentrantLock rereading = new ReentrantLock();
    private final AtomicLong nextCheck = new AtomicLong(System.nanoTime());
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();
    /** Written under {@link #rereading}. */
    private volatile Reading reading;

    /**
     * Creates the source; the file is read by the first {@link #table()}, {@link #refresh()} or
     * {@link #use(Path)}.
     *
     * @param file the hosts file
     * @param providerId the GUID the results name as {@code lpNSProviderId}
     */
    HostsSource(Path file, UUID providerId) {
        this.providerId = providerId;
        this.reading = new Reading(file, null, HostsTable.EMPTY);
    }

    /**
     * Returns the table in force, first checking the file if the last check is
     * {@value #CHECK_INTERVAL_MILLIS} ms old and no other thread is rereading it.
     *
     * @return the table
     */
    HostsTable table() {
        long now = System.nanoTime();
        long due = nextCheck.get();
        if (now - due >= 0 && nextCheck.compareAndSet(due, now + CHECK_INTERVAL_NANOS) && rereading.tryLock()) {
            announce(rereadThenUnlock(null));
        }
        return reading.table();
    }

    /** Checks the file now and rereads it if it changed: what the poller runs. */
    void refresh() {
        rereading.lock();
        announce(rereadThenUnlock(null));
    }

    /**
     * Serves another file from now on, or checks the same one.
     *
     * @param file the hosts file
     */
    void use(Path file) {
        rereading.lock();
        announce(rereadThenUnlock(file));
    }

    /**
     * Returns the file in force.
     *
     * @return its path
     */
    Path file() {
        return reading.file();
    }

    /**
     * Registers a listener until {@link #unlisten}.
     *
     * @param listener told of every reread
     */
    void listen(Listener listener) {
        listeners.add(listener);
    }

    /**
     * Deregisters a listener.
     *
     * @param listener the listener
     * @return true if it was registered
     */
    boolean unlisten(Listener listener) {
        return listeners.remove(listener);
    }

    /**
     * Rereads the file if it changed, then releases the lock the caller holds.
     *
     * @param file another file to serve, or null for the same
     * @return the new table, or null if nothing changed
     */
    private HostsTable rereadThenUnlock(Path file) {
        try {
            Reading previous = reading;
            Path next = file == null ? previous.file() : file;
            Stamp stamp = Stamp.of(next);
            if (next.equals(previous.file()) && stamp.equals(previous.stamp())) {
                return null;
            }
            Reading now = new Reading(next, stamp, read(next, stamp, previous));
            reading = now;
            return now.table();
        } finally {
            rereading.unlock();
        }
    }

    private HostsTable read(Path file, Stamp stamp, Reading previous) {
        if (stamp == Stamp.MISSING) {
            if (previous.stamp() != Stamp.MISSING || !file.equals(previous.file())) {
                LOG.warn("ws2 Hosts: {} is missing or unreadable; no names until it can be read", file);
            }
            return HostsTable.EMPTY;
        }
        HostsFile parsed;
        try {
            parsed = HostsFile.read(file);
        } catch (IOException e) {
            LOG.warn("ws2 Hosts: cannot read {}; no names until it changes: {}", file, e.toString());
            return HostsTable.EMPTY;
        }
        HostsTable table = HostsTable.of(parsed, providerId);
        LOG.info("ws2 Hosts: read {}: {} lines, {} names", file, parsed.lines().size(), table.names());
        if (!parsed.malformed().isEmpty()) {
            int count = parsed.malformed().size();
            LOG.warn("ws2 Hosts: {}: {} malformed line(s) skipped, line(s) {}{}", file, count,
                    parsed.malformed().subList(0, Math.min(count, LISTED_LINES)),
                    count > LISTED_LINES ? " and " + (count - LISTED_LINES) + " more" : "");
        }
        return table;
    }

    private void announce(HostsTable table) {
        if (table == null) {
            return;
        }
        for (Listener listener : listeners) {
            try {
                listener.tableChanged(table);
            } catch (Throwable t) {
                LOG.warn("ws2 Hosts: change listener {} failed", listener, t);
            }
        }
    }
}
