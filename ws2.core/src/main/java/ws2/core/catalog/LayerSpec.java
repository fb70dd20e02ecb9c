package ws2.core.catalog;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import ws2.catalog.CatalogView;

/**
 * What a layered provider bundle declared ({@code ws2.layered}), kept in the catalog so its chains
 * stay as they are while the bundle is stopped or gone: a stopped fail-closed layer keeps failing
 * sockets, across restarts too, until the layer returns or is removed from the catalog.
 *
 * @param id the layer's GUID
 * @param name the LSP name
 * @param categories its LSP categories
 * @param over an LDAP filter on base entries, empty for all
 * @param rank higher ranks sit nearer the application
 * @param failClosed whether sockets fail (true) or bypass it (false) while it is absent
 * @param above layers it must sit above
 * @param below layers it must sit below
 * @param views the views it goes into
 * @param path the bundle location
 */
public record LayerSpec(UUID id, String name, int categories, String over, int rank, boolean failClosed,
        List<UUID> above, List<UUID> below, Set<CatalogView> views, String path) {
    /** Checks and copies the parts. */
    public LayerSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        over = over == null ? "" : over;
        above = above == null ? List.of() : List.copyOf(above);
        below = below == null ? List.of() : List.copyOf(below);
        views = views == null ? Set.of() : Set.copyOf(views);
        Objects.requireNonNull(path, "path");
    }

    /**
     * Returns the spec without one view.
     *
     * @param view the view to drop
     * @return the narrower spec
     */
    public LayerSpec without(CatalogView view) {
        Set<CatalogView> rest = new HashSet<>(views);
        rest.remove(view);
        return new LayerSpec(id, name, categories, over, rank, failClosed, above, below, rest, path);
    }
}
