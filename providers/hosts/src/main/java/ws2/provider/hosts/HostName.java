package ws2.provider.hosts;

import java.util.Locale;

/**
 * Host names as a hosts file holds them: which tokens are names, and the case-insensitive key
 * under which a name is found (the comparison {@code getaddrinfo} makes against the Windows hosts
 * file). Stateless and thread-safe.
 */
final class HostName {
    /** The longest name, trailing dot excluded (RFC 1035). */
    private static final int MAX_LENGTH = 253;

    private HostName() {
    }

    /**
     * Tells whether a hosts-file token is a host name: ASCII letters, digits, {@code -} and
     * {@code _} in non-empty dot-separated labels, at most {@value #MAX_LENGTH} characters, one
     * trailing dot allowed.
     *
     * @param token the token
     * @return true for a name
     */
    static boolean valid(String token) {
        int length = token.endsWith(".") ? token.length() - 1 : token.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        char previous = '.';
        for (int i = 0; i < length; i++) {
            char c = token.charAt(i);
            boolean label = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
                    || c == '_';
            if (!label && (c != '.' || previous == '.')) {
                return false;
            }
            previous = c;
        }
        return previous != '.';
    }

    /**
     * Returns the key of a name: lower case, without a trailing dot. Allocates nothing for a name
     * that is already in that form.
     *
     * @param name a host name
     * @return its key
     */
    static String key(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
