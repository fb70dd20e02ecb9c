package ws2.provider.firewall;

import java.util.Locale;

/**
 * What a firewall rule, or the firewall's default, does with a socket it matches: the verdict a
 * Windows LSP firewall gives in {@code WSPConnect} before calling the next provider.
 */
enum Action {
    /** Lets the call go down the chain. */
    ALLOW,
    /** Fails the call with {@code WSAEACCES}. */
    DENY;

    /**
     * Reads the keyword of a rule or of the {@code default} property.
     *
     * @param keyword {@code allow} or {@code deny}
     * @return the action
     * @throws IllegalArgumentException for any other word
     */
    static Action parse(String keyword) {
        for (Action a : values()) {
            if (a.keyword().equals(keyword)) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + keyword + "' is neither allow nor deny");
    }

    /**
     * Returns the keyword of the configuration.
     *
     * @return {@code allow} or {@code deny}
     */
    String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }
}
