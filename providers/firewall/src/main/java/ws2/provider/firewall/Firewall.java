package ws2.provider.firewall;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The policy every client context of the firewall layer consults: the one {@link RuleSet} in
 * force, swapped whole when the configuration changes, and the count of its decisions. It plays
 * the part of the rule store a Windows firewall LSP shares between the processes it is loaded into.
 *
 * <p>Thread-safe: the rule set is read once per decision from a volatile field; a new
 * configuration is read beside it and published with one write, or refused, leaving it in force.
 * It starts with {@link RuleSet#DENY_ALL}, so the layer denies everything until its first
 * configuration (or the absence of one) has been read.
 */
final class Firewall {
    private volatile RuleSet rules = RuleSet.DENY_ALL;
    private volatile String refusal;
    private final LongAdder allowed = new LongAdder();
    private final LongAdder denied = new LongAdder();

    /**
     * Puts a configuration in force, or refuses it whole.
     *
     * @param values the {@code rules} property
     * @param fallback the {@code default} property
     * @return the rule set now in force
     * @throws WsaException {@code WSAEINVAL} naming the malformed rule; the previous rules stay in
     *         force and {@link #refusal} returns the message
     */
    synchronized RuleSet configure(List<String> values, String fallback) throws WsaException {
        try {
            rules = RuleSet.parse(values, fallback);
            refusal = null;
            return rules;
        } catch (WsaException e) {
            refusal = e.getMessage();
            throw e;
        }
    }

    /**
     * Lets a call through or refuses it.
     *
     * @param client the client context's name
     * @param peer the remote address of the call
     * @param what what the client is doing, for the sentence: {@code "connecting to"}
     * @throws WsaException {@code WSAEACCES} naming the deciding rule, the client and the peer
     */
    void check(String client, SockAddr peer, String what) throws WsaException {
        Rule rule = rules.decide(client, peer);
        if (rule.action() == Action.ALLOW) {
            allowed.increment();
            return;
        }
        denied.increment();
        throw new WsaException(WsaError.WSAEACCES, "ws2 Firewall: " + rule.label() + " blocks client '" + client + "' "
                + what + " " + peer);
    }

    /**
     * Tells whether the rules in force allow a client every peer.
     *
     * @param client the client context's name
     * @return see {@link RuleSet#allowsEverything}
     */
    boolean allowsEverything(String client) {
        return rules.allowsEverything(client);
    }

    /**
     * Returns the rules in force.
     *
     * @return the rule set
     */
    RuleSet rules() {
        return rules;
    }

    /**
     * Returns why the last configuration was refused.
     *
     * @return the message, or null if the last one was applied
     */
    String refusal() {
        return refusal;
    }

    /**
     * Returns how many calls were let through.
     *
     * @return the count since the layer started
     */
    long allowed() {
        return allowed.sum();
    }

    /**
     * Returns how many calls were refused.
     *
     * @return the count since the layer started
     */
    long denied() {
        return denied.sum();
    }
}
