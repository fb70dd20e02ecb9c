package ws2.core.provider;

import static ws2.catalog.ProviderNamespaces.ATTR_CATALOGS;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ws2.catalog.CatalogView;

/**
 * One capability clause of a provider bundle being read: typed access to its attributes that
 * refuses a missing or mistyped one with a message naming the namespace, the clause and the value.
 */
final class MetadataClause {
    private final String namespace;
    private final int index;
    private final Map<String, Object> attrs;

    MetadataClause(String namespace, int index, Map<String, Object> attrs) {
        this.namespace = namespace;
        this.index = index;
        this.attrs = attrs;
    }

    String where() {
        return namespace + " clause " + index;
    }

    UUID guid() throws MetadataException {
        Object v = attrs.get(namespace);
        if (!(v instanceof String)) {
            throw new MetadataException(where() + " has no provider GUID (attribute " + namespace + ")");
        }
        return guid((String) v, "provider GUID");
    }

    UUID guid(String text, String what) throws MetadataException {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new MetadataException(where() + ": " + what + " is not a GUID: '" + text + "'");
        }
    }

    String string(String name) throws MetadataException {
        Object v = attrs.get(name);
        if (!(v instanceof String)) {
            throw new MetadataException(where() + ": attribute " + name + " must be a String, got " + describe(v));
        }
        return (String) v;
    }

    long number(String name, long min, long max) throws MetadataException {
        Object v = attrs.get(name);
        if (!(v instanceof Long)) {
            throw new MetadataException(where() + ": attribute " + name + " must be a Long, got " + describe(v));
        }
        long n = (Long) v;
        if (n < min || n > max) {
            throw new MetadataException(where() + ": attribute " + name + " = " + n + " is outside " + min + ".." + max);
        }
        return n;
    }

    /**
     * Reads an optional list of strings; blank items (what bnd writes for an empty array) are dropped.
     *
     * @param name the attribute
     * @return the items, empty when absent
     * @throws MetadataException if it is not a list of strings
     */
    List<String> strings(String name) throws MetadataException {
        Object v = attrs.get(name);
        if (v == null) {
            return List.of();
        }
        if (v instanceof String) {
            return ((String) v).isBlank() ? List.of() : List.of((String) v);
        }
        if (!(v instanceof List)) {
            throw new MetadataException(where() + ": attribute " + name + " must be a List<String>, got " + describe(v));
        }
        return ((List<?>) v).stream().map(String::valueOf).filter(s -> !s.isBlank()).toList();
    }

    Set<CatalogView> views() throws MetadataException {
        Object v = attrs.get(ATTR_CATALOGS);
        if (!(v instanceof List) || ((List<?>) v).isEmpty()) {
            throw new MetadataException(where() + ": attribute " + ATTR_CATALOGS
                    + " must be a non-empty List<String> of native, compat32; got " + describe(v));
        }
        Set<CatalogView> views = EnumSet.noneOf(CatalogView.class);
        for (Object o : (List<?>) v) {
            if ("native".equals(o)) {
                views.add(CatalogView.NATIVE);
            } else if ("compat32".equals(o)) {
                views.add(CatalogView.COMPAT32);
            } else {
                throw new MetadataException(where() + ": unknown catalog '" + o + "' (use native or compat32)");
            }
        }
        return views;
    }

    private static String describe(Object v) {
        return v == null ? "nothing" : v.getClass().getSimpleName() + " '" + v + "'";
    }
}
