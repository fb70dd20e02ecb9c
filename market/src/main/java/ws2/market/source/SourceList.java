package ws2.market.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.Source;
import ws2.market.index.RepositoryIndex;

/**
 * The marketplace's sources and the indexes read from them.
 *
 * <p>Changes are made under this object's lock, saved to the {@link SourceFile} first and then
 * published as one immutable snapshot; readers take the snapshot without a lock. Indexes are read
 * (over the network, maybe) outside the lock. An index is read when its source is added and, for a
 * source loaded from the file, on first use.
 */
public final class SourceList {
    /**
     * A source and its index.
     *
     * @param source the source
     * @param index its index, or null until read
     */
    private record Entry(Source source, RepositoryIndex index) {
    }

    private final SourceFile file;
    private final IndexReader reader;
    private volatile List<Entry> entries;

    /**
     * Creates the list with sources loaded from a file, whose indexes are not read yet.
     *
     * @param file where the list is saved
     * @param reader reads indexes
     * @param loaded the sources the file held
     */
    public SourceList(SourceFile file, IndexReader reader, List<Source> loaded) {
        this.file = Objects.requireNonNull(file, "file");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.entries = loaded.stream().map(s -> new Entry(s, null)).toList();
    }

    /**
     * Reads a source's index and adds the source, replacing one with the same URL in place.
     *
     * @param url the index URL
     * @param keys the pinned publisher key fingerprints
     * @return the source
     * @throws WsaException {@code WSAEINVAL} for a bad URL, key or index, {@code WSANO_RECOVERY}
     *         for an unreadable index or source file; the list is then unchanged
     */
    public Source add(String url, List<String> keys) throws WsaException {
        for (String k : keys) {
            if (k.isBlank() || k.contains(",") || !k.strip().equals(k)) {
                throw new WsaException(WsaError.WSAEINVAL, "the key fingerprint \"" + k + "\" is empty or has a comma or spaces");
            }
        }
        RepositoryIndex index = reader.read(url);
        Source source = new Source(url, keys, index.resources().size());
        synchronized (this) {
            List<Entry> next = new ArrayList<>(entries);
            int at = indexOf(next, url);
            if (at < 0) {
                next.add(new Entry(source, index));
            } else {
                next.set(at, new Entry(source, index));
            }
            publish(next);
        }
        return source;
    }

    /**
     * Removes a source.
     *
     * @param url its URL
     * @throws WsaException {@code WSAEINVAL} if no source has it, {@code WSANO_RECOVERY} if the
     *         file cannot be written
     */
    public synchronized void remove(String url) throws WsaException {
        List<Entry> next = new ArrayList<>(entries);
        int at = indexOf(next, url);
        if (at < 0) {
            throw new WsaException(WsaError.WSAEINVAL, "no marketplace source has the URL " + url);
        }
        next.remove(at);
        publish(next);
    }

    /**
     * Lists the sources.
     *
     * @return the sources, in the order added
     */
    public List<Source> sources() {
        return entries.stream().map(Entry::source).toList();
    }

    /**
     * Returns every source's index, reading those not read yet.
     *
     * @return the indexes, in source order
     * @throws WsaException as {@link IndexReader#read} for an index that cannot be read
     */
    public List<RepositoryIndex> indexes() throws WsaException {
        List<RepositoryIndex> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.index() != null ? e.index() : load(e.source()));
        }
        return out;
    }

    private RepositoryIndex load(Source source) throws WsaException {
        RepositoryIndex index = reader.read(source.url());
        synchronized (this) {
            List<Entry> next = new ArrayList<>(entries);
            int at = indexOf(next, source.url());
            if (at >= 0 && next.get(at).source().equals(source)) {
                next.set(at, new Entry(new Source(source.url(), source.keys(), index.resources().size()), index));
                publish(next);
            }
        }
        return index;
    }

    /** Saves, then publishes; called with the lock held. */
    private void publish(List<Entry> next) throws WsaException {
        file.save(next.stream().map(Entry::source).toList());
        entries = List.copyOf(next);
    }

    private static int indexOf(List<Entry> list, String url) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).source().url().equals(url)) {
                return i;
            }
        }
        return -1;
    }
}
