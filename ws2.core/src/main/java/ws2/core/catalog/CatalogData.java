package ws2.core.catalog;

import java.util.Map;
import java.util.UUID;

import ws2.catalog.CatalogView;

/**
 * The whole persisted catalog state, immutable: both views, the stable-ID map, the next free ID and
 * the application categories. ws2.core publishes a new instance with one write on every change.
 *
 * @param nativeView the native catalog
 * @param compat32 the 32-bit compatibility catalog
 * @param ids catalog entry ID by entry key ({@link CatalogKeys#key}); kept across deinstalls and
 *        resets so the same entry always gets the same ID
 * @param nextId the next ID to assign; starts at {@value #FIRST_ID}, as on Windows
 * @param appCategories permitted LSP categories by application identity ({@link CatalogKeys#appKey})
 * @param layers the declared layered providers by GUID, from which their chains are made
 */
public record CatalogData(ViewData nativeView, ViewData compat32, Map<String, Integer> ids, int nextId,
        Map<String, Integer> appCategories, Map<UUID, LayerSpec> layers) {
    /** The first catalog entry ID, as Windows assigns it. */
    public static final int FIRST_ID = 1001;
    /** A catalog with nothing in it. */
    public static final CatalogData EMPTY = new CatalogData(ViewData.EMPTY, ViewData.EMPTY, Map.of(), FIRST_ID, Map.of(), Map.of());

    /** Copies the maps and checks the next ID; a file written before layers existed has none. */
    public CatalogData {
        ids = Map.copyOf(ids);
        appCategories = Map.copyOf(appCategories);
        layers = layers == null ? Map.of() : Map.copyOf(layers);
        if (nextId < FIRST_ID) {
            throw new IllegalArgumentException("next catalog entry ID must be at least " + FIRST_ID + ": " + nextId);
        }
    }

    /**
     * Returns one view.
     *
     * @param view which
     * @return its data
     */
    public ViewData view(CatalogView view) {
        return view == CatalogView.NATIVE ? nativeView : compat32;
    }
}
