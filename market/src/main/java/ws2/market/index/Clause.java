package ws2.market.index;

import java.util.Map;
import java.util.Objects;

import org.osgi.resource.Resource;

/**
 * What capabilities and requirements of an index have in common: an immutable namespace,
 * directives and attributes, and the resource declaring them. Identity is the object's own, as the
 * resolver keys its maps by clause.
 */
abstract class Clause {
    private final Resource resource;
    private final ClauseData data;

    Clause(Resource resource, ClauseData data) {
        this.resource = Objects.requireNonNull(resource, "resource");
        this.data = Objects.requireNonNull(data, "data");
    }

    /**
     * Returns the namespace.
     *
     * @return the namespace
     */
    public String getNamespace() {
        return data.namespace();
    }

    /**
     * Returns the directives.
     *
     * @return an unmodifiable map
     */
    public Map<String, String> getDirectives() {
        return data.directives();
    }

    /**
     * Returns the attributes.
     *
     * @return an unmodifiable map of typed values
     */
    public Map<String, Object> getAttributes() {
        return data.attributes();
    }

    /**
     * Returns the declaring resource.
     *
     * @return the resource
     */
    public Resource getResource() {
        return resource;
    }

    @Override
    public String toString() {
        return getNamespace() + data.attributes() + data.directives();
    }
}
