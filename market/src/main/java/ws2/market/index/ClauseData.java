package ws2.market.index;

import java.util.Map;
import java.util.Objects;

/**
 * A capability or requirement as read from an index, before it is bound to its resource.
 *
 * @param namespace its namespace
 * @param directives its directives
 * @param attributes its attributes, typed as the index declares them
 */
public record ClauseData(String namespace, Map<String, String> directives, Map<String, Object> attributes) {
    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public ClauseData {
        Objects.requireNonNull(namespace, "namespace");
        directives = Map.copyOf(directives);
        attributes = Map.copyOf(attributes);
    }
}
