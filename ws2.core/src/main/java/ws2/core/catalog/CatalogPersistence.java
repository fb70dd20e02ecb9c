package ws2.core.catalog;

import java.io.IOException;

/**
 * Where the catalog is kept between runs. Implemented by {@code ws2.core.persist}; the catalog
 * package does not know files.
 */
public interface CatalogPersistence {
    /**
     * Writes the catalog durably and atomically: after a crash the old or the new catalog is
     * found, never a mix.
     *
     * @param data the catalog
     * @throws IOException if it could not be written; the old catalog is then still in place
     */
    void save(CatalogData data) throws IOException;
}
