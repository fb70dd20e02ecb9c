package ws2.market.index;

import java.util.List;
import java.util.Objects;

/**
 * A parsed repository index.
 *
 * @param url the URL it was read from
 * @param name the repository's name, or the empty string
 * @param resources its resources, in index order
 */
public record RepositoryIndex(String url, String name, List<IndexResource> resources) {
    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public RepositoryIndex {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(name, "name");
        resources = List.copyOf(resources);
    }
}
