package ws2.provider.firewall;

/**
 * One firewall rule: an {@link Action} and the conditions a socket must meet for it to apply,
 * each optional; a rule without conditions matches every socket.
 *
 * <p>The form of a rule, one a line:
 * {@code <allow|deny> [address=<ip or CIDR>] [port=<n or n-m>] [client=<name or glob>]}. An
 * address or port condition matches IP addresses only, so on other families (such as
 * {@code AF_UNIX}) only rules without them apply.
 *
 * @param number the rule's place in the configuration, from 1; 0 for the firewall's default
 * @param action what the rule does
 * @param address the remote addresses it applies to, or null for all
 * @param ports the remote ports it applies to, or null for all
 * @param client the clients it applies to, or null for all
 */
record Rule(int number, Action action, AddressBlock address, PortRange ports, ClientGlob client) {
    private static final String ADDRESS = "address";
    private static final String PORT = "port";
    private static final String CLIENT = "client";

    /**
     * The firewall's default as a rule: it matches everything and is consulted last.
     *
     * @param action the default action
     * @return the rule, numbered 0
     */
    static Rule fallback(Action action) {
        return new Rule(0, action, null, null, null);
    }

    /**
     * Reads one rule line.
     *
     * @param number its place in the configuration, from 1
     * @param line the line, without surrounding blanks
     * @return the rule
     * @throws IllegalArgumentException naming what is wrong: an unknown action, a word that is not
     *         {@code address=}, {@code port=} or {@code client=}, a condition given twice or a bad value
     */
    static Rule parse(int number, String line) {
        String[] words = line.split("\\s+");
        Action action = Action.parse(words[0]);
        AddressBlock address = null;
        PortRange ports = null;
        ClientGlob client = null;
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            int eq = word.indexOf('=');
            if (eq < 0) {
                throw notACondition(word);
            }
            String key = word.substring(0, eq);
            String value = word.substring(eq + 1);
            switch (key) {
                case ADDRESS -> address = once(address, key, AddressBlock.parse(value));
                case PORT -> ports = once(ports, key, PortRange.parse(value));
                case CLIENT -> client = once(client, key, new ClientGlob(value));
                default -> throw notACondition(word);
            }
        }
        return new Rule(number, action, address, ports, client);
    }

    private static IllegalArgumentException notACondition(String word) {
        return new IllegalArgumentException("'" + word + "' is not address=, port= or client=");
    }

    private static <T> T once(T previous, String key, T value) {
        if (previous != null) {
            throw new IllegalArgumentException(key + "= is given twice");
        }
        return value;
    }

    /**
     * Tells whether the rule's client condition, if any, matches a client.
     *
     * @param name the client context's name
     * @return true if the rule can apply to the client's sockets
     */
    boolean appliesTo(String name) {
        return client == null || client.matches(name);
    }

    /**
     * Tells whether the rule depends on the remote end of a socket.
     *
     * @return true if it has an address or a port condition
     */
    boolean hasPeerCondition() {
        return address != null || ports != null;
    }

    /**
     * Tells whether a socket meets every condition of the rule.
     *
     * @param name the client context's name
     * @param host the remote host from {@link AddressBlock#hostOf}, or null when not read or not IP
     * @param port the remote port, or -1 for an address that is not IP
     * @return true if the rule applies
     */
    boolean matches(String name, byte[] host, int port) {
        return appliesTo(name) && (ports == null || ports.contains(port)) && (address == null || address.contains(host));
    }

    /**
     * Names the rule in a sentence.
     *
     * @return for example {@code rule 2 'deny port=7000-7010'} or {@code the default 'deny'}
     */
    String label() {
        return number == 0 ? "the default '" + action.keyword() + "'" : "rule " + number + " '" + this + "'";
    }

    /** Returns the rule in its configuration form, conditions in the order address, port, client. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(action.keyword());
        append(sb, ADDRESS, address);
        append(sb, PORT, ports);
        append(sb, CLIENT, client);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String key, Object value) {
        if (value != null) {
            sb.append(' ').append(key).append('=').append(value);
        }
    }
}
