package ws2.core.catalog;

import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Holds the catalog: one immutable {@link CatalogData} behind a volatile, replaced as a whole on
 * every change.
 *
 * <p>Changes are serialized, applied to a {@link CatalogEditor}, persisted, then published with
 * one write. Listeners are told under the change lock, so they see changes in order; they are
 * internal, fast, and never call provider code. A change that fails, in its rules or on disk,
 * publishes nothing. Readers never lock.
 */
public final class CatalogStore {
    /**
     * One change to the catalog.
     *
     * @param <T> what the change returns
     */
    @FunctionalInterface
    public interface Edit<T> {
        /**
         * Applies the change.
         *
         * @param editor the working copy
         * @return the change's result
         * @throws WsaException if a rule refuses the change
         */
        T apply(CatalogEditor editor) throws WsaException;
    }

    private final Object lock = new Object();
    private final CatalogPersistence persistence;
    private final List<Consumer<CatalogData>> listeners = new CopyOnWriteArrayList<>();
    private volatile CatalogData data;

    /**
     * Creates the store.
     *
     * @param initial the catalog loaded at start
     * @param persistence where changes are written
     */
    public CatalogStore(CatalogData initial, CatalogPersistence persistence) {
        this.data = Objects.requireNonNull(initial, "initial");
        this.persistence = Objects.requireNonNull(persistence, "persistence");
    }

    /**
     * Returns the current catalog.
     *
     * @return the published snapshot
     */
    public CatalogData data() {
        return data;
    }

    /**
     * Registers a listener told of every published change, in order, under the change lock.
     *
     * @param listener receives the new catalog
     */
    public void addListener(Consumer<CatalogData> listener) {
        listeners.add(listener);
    }

    /**
     * Applies, persists and publishes one change.
     *
     * @param <T> the change's result type
     * @param edit the change
     * @return the change's result
     * @throws WsaException the rule's code, or {@code WSANO_RECOVERY} if the catalog could not be
     *         written; nothing changes then
     */
    public <T> T change(Edit<T> edit) throws WsaException {
        synchronized (lock) {
            CatalogEditor editor = new CatalogEditor(data);
            T result = edit.apply(editor);
            editor.syncLayers();
            CatalogData next = editor.toData();
            if (next.equals(data)) {
                return result;
            }
            try {
                persistence.save(next);
            } catch (IOException e) {
                throw new WsaException(WsaError.WSANO_RECOVERY, "the catalog could not be written, nothing changed: "
                        + e.getMessage(), e);
            }
            data = next;
            for (Consumer<CatalogData> l : listeners) {
                l.accept(next);
            }
            return result;
        }
    }
}
