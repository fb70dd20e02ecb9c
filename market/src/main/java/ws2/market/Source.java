package ws2.market;

import java.util.List;
import java.util.Objects;

/**
 * A marketplace source: an OSGi Repository index URL and the publisher keys pinned for it.
 *
 * @param url the index URL
 * @param keys fingerprints of the publisher keys whose signatures installs from this source accept
 * @param resources how many resources its index offered when last read
 */
public record Source(String url, List<String> keys, int resources) {
    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code resources} is negative
     */
    public Source {
        Objects.requireNonNull(url, "url");
        keys = List.copyOf(keys);
        if (resources < 0) {
            throw new IllegalArgumentException("negative resource count: " + resources);
        }
    }
}
