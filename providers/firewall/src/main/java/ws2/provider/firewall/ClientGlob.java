package ws2.provider.firewall;

/**
 * The {@code client=} condition of a firewall rule: the client context's name (the client bundle's
 * symbolic name, the application identity Windows firewalls key on), exact or with {@code *}
 * matching any run of characters.
 *
 * @param pattern the name or glob
 */
record ClientGlob(String pattern) {
    /** Checks the pattern. */
    ClientGlob {
        if (pattern.isEmpty()) {
            throw new IllegalArgumentException("client name is empty");
        }
    }

    /**
     * Tells whether a client's name matches, without allocating.
     *
     * @param name the client context's name
     * @return true if it matches
     */
    boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int resume = 0;
        while (n < name.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                resume = n;
            } else if (p < pattern.length() && pattern.charAt(p) == name.charAt(n)) {
                p++;
                n++;
            } else if (star >= 0) {
                p = star + 1;
                n = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
