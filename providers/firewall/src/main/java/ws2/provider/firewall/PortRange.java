package ws2.provider.firewall;

/**
 * The {@code port=} condition of a firewall rule: a range of remote ports, the port half of the
 * {@code sockaddr} a Windows firewall LSP inspects in {@code WSPConnect}.
 *
 * @param low the lowest port matched
 * @param high the highest port matched
 */
record PortRange(int low, int high) {
    private static final int MAX_PORT = 0xFFFF;

    /** Checks the range. */
    PortRange {
        if (low < 0 || high > MAX_PORT || low > high) {
            throw new IllegalArgumentException("port range " + low + "-" + high + " is not within 0-" + MAX_PORT
                    + ", low end first");
        }
    }

    /**
     * Reads {@code n} or {@code n-m}.
     *
     * @param text the value after {@code port=}
     * @return the range
     * @throws IllegalArgumentException if it is not one port or a range of ports in 0..65535
     */
    static PortRange parse(String text) {
        int dash = text.indexOf('-');
        if (dash < 0) {
            int port = port(text);
            return new PortRange(port, port);
        }
        return new PortRange(port(text.substring(0, dash)), port(text.substring(dash + 1)));
    }

    private static int port(String text) {
        if (text.isEmpty() || text.length() > 5 || !text.chars().allMatch(Character::isDigit)
                || Integer.parseInt(text) > MAX_PORT) {
            throw new IllegalArgumentException("port '" + text + "' is not a number in 0-" + MAX_PORT);
        }
        return Integer.parseInt(text);
    }

    /**
     * Tells whether a remote port is in the range.
     *
     * @param port the port, or -1 for an address without one
     * @return true if it is
     */
    boolean contains(int port) {
        return port >= low && port <= high;
    }

    @Override
    public String toString() {
        return low == high ? Integer.toString(low) : low + "-" + high;
    }
}
