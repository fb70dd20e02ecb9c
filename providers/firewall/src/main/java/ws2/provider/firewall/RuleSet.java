package ws2.provider.firewall;

import java.util.ArrayList;
import java.util.List;

import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The firewall's rules in force, with its default: the policy a Windows firewall LSP consults in
 * {@code WSPConnect}, {@code WSPSendTo}, {@code WSPJoinLeaf} and {@code WSPAccept}.
 *
 * <h3>Decision</h3>
 * Block wins: a socket is denied if any deny rule matches it, else allowed if any allow rule
 * matches it, else the default decides. The deciding rule is the first matching one of its kind
 * in configuration order.
 *
 * <p>Immutable and thread-safe: built once from a configuration and published whole, so every
 * client context reads it without a lock. A decision allocates nothing, except the remote host's
 * bytes when a rule names an address.
 */
final class RuleSet {
    /** The rules before any configuration is applied: none, and deny everything. */
    static final RuleSet DENY_ALL = new RuleSet(List.of(), Action.DENY);

    private final List<Rule> rules;
    private final Rule[] denies;
    private final Rule[] allows;
    private final Rule fallback;
    private final boolean readsHost;

    private RuleSet(List<Rule> rules, Action fallback) {
        this.rules = List.copyOf(rules);
        this.denies = rules.stream().filter(r -> r.action() == Action.DENY).toArray(Rule[]::new);
        this.allows = rules.stream().filter(r -> r.action() == Action.ALLOW).toArray(Rule[]::new);
        this.fallback = Rule.fallback(fallback);
        this.readsHost = rules.stream().anyMatch(r -> r.address() != null);
    }

    /**
     * Reads a configuration. Each value may hold several rules, one a line; blank lines are
     * skipped, and rules are numbered from 1 in the order they come.
     *
     * @param values the {@code rules} property
     * @param fallback the {@code default} property
     * @return the rule set
     * @throws WsaException {@code WSAEINVAL} naming the first malformed rule, its number and what is
     *         wrong with it, or a default that is neither {@code allow} nor {@code deny}
     */
    static RuleSet parse(List<String> values, String fallback) throws WsaException {
        Action action;
        try {
            action = Action.parse(fallback);
        } catch (IllegalArgumentException e) {
            throw new WsaException(WsaError.WSAEINVAL, "default: " + e.getMessage());
        }
        List<Rule> rules = new ArrayList<>();
        for (String value : values) {
            for (String line : value.split("\\R")) {
                String rule = line.strip();
                if (!rule.isEmpty()) {
                    rules.add(parse(rules.size() + 1, rule));
                }
            }
        }
        return new RuleSet(rules, action);
    }

    private static Rule parse(int number, String line) throws WsaException {
        try {
            return Rule.parse(number, line);
        } catch (IllegalArgumentException e) {
            throw new WsaException(WsaError.WSAEINVAL, "rule " + number + " '" + line + "': " + e.getMessage());
        }
    }

    /**
     * Decides about a socket of a client with a remote address.
     *
     * @param client the client context's name
     * @param peer the remote address
     * @return the deciding rule: a deny rule, an allow rule or the default ({@link Rule#number()} 0)
     * @throws WsaException never for a well-formed address
     */
    Rule decide(String client, SockAddr peer) throws WsaException {
        byte[] host = readsHost ? AddressBlock.hostOf(peer) : null;
        int port = peer.isInet() ? peer.port() : -1;
        for (Rule r : denies) {
            if (r.matches(client, host, port)) {
                return r;
            }
        }
        for (Rule r : allows) {
            if (r.matches(client, host, port)) {
                return r;
            }
        }
        return fallback;
    }

    /**
     * Tells whether this rule set allows a client every peer, so that calls whose peer the layer
     * cannot see ({@code AcceptEx}) are safe to pass.
     *
     * @param client the client context's name
     * @return true if no deny rule can apply to the client and either the default or an allow
     *         rule without address or port condition allows it everything
     */
    boolean allowsEverything(String client) {
        for (Rule r : denies) {
            if (r.appliesTo(client)) {
                return false;
            }
        }
        if (fallback.action() == Action.ALLOW) {
            return true;
        }
        for (Rule r : allows) {
            if (!r.hasPeerCondition() && r.appliesTo(client)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the rules in configuration order.
     *
     * @return an unmodifiable list
     */
    List<Rule> rules() {
        return rules;
    }

    /**
     * Returns the default.
     *
     * @return the action when no rule matches
     */
    Action fallback() {
        return fallback.action();
    }

    /** Returns a one-line summary, for logs. */
    @Override
    public String toString() {
        return rules.size() + " rules, default " + fallback.action().keyword();
    }
}
