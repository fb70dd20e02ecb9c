package ws2.market.index;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.osgi.framework.Version;

/**
 * The attribute types of the OSGi Repository XML format (R5, 132.5): {@code String} (the
 * default), {@code Version}, {@code Long}, {@code Double} and {@code List<T>} of each. A list is
 * written as one comma-separated value in which a backslash escapes the next character (so
 * {@code \,} is a comma inside an element); an empty value is the empty list. Elements of
 * non-String types are trimmed.
 */
public enum AttributeType {
    /** A string, kept as written. */
    STRING("String", s -> s),
    /** An OSGi version. */
    VERSION("Version", s -> Version.parseVersion(s.trim())),
    /** A signed 64-bit integer. */
    LONG("Long", s -> Long.valueOf(s.trim())),
    /** A double. */
    DOUBLE("Double", s -> Double.valueOf(s.trim()));

    private final String name;
    private final Function<String, Object> scalar;

    AttributeType(String name, Function<String, Object> scalar) {
        this.name = name;
        this.scalar = scalar;
    }

    /**
     * Parses a value of a declared type.
     *
     * @param type the {@code type} XML attribute, or null for String
     * @param value the {@code value} XML attribute
     * @return a String, Version, Long, Double, or an unmodifiable List of one of them
     * @throws IllegalArgumentException naming the type or the value if either is invalid
     */
    public static Object parse(String type, String value) {
        String t = type == null ? "String" : type.trim();
        boolean list = t.startsWith("List<") && t.endsWith(">");
        AttributeType element = of(list ? t.substring(5, t.length() - 1).trim() : t);
        try {
            if (!list) {
                return element.scalar.apply(value);
            }
            List<Object> out = new ArrayList<>();
            for (String s : split(value)) {
                out.add(element.scalar.apply(s));
            }
            return List.copyOf(out);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("value \"" + value + "\" is not a " + t + ": " + e.getMessage(), e);
        }
    }

    private static AttributeType of(String name) {
        for (AttributeType a : values()) {
            if (a.name.equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown attribute type \"" + name + "\"");
    }

    private static List<String> split(String value) {
        List<String> out = new ArrayList<>();
        if (value.isEmpty()) {
            return out;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                sb.append(value.charAt(++i));
            } else if (c == ',') {
                out.add(sb.toString());
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        out.add(sb.toString());
        return out;
    }
}
