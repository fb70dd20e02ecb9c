package ws2.provider.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

class RuleSetTest {
    private static final String APP = "com.acme.app";

    private static SockAddr peer(String ip, int port) throws Exception {
        return SockAddr.of(InetAddress.getByName(ip), port);
    }

    private static RuleSet rules(String fallback, String... lines) throws WsaException {
        return RuleSet.parse(List.of(lines), fallback);
    }

    private static String decide(RuleSet set, String client, SockAddr peer) throws WsaException {
        return set.decide(client, peer).label();
    }

    @Test
    void noRulesLeaveTheDefault() throws Exception {
        assertEquals(Action.ALLOW, rules("allow").decide(APP, peer("10.0.0.1", 80)).action());
        assertEquals(Action.DENY, rules("deny").decide(APP, peer("10.0.0.1", 80)).action());
        assertEquals("the default 'deny'", decide(rules("deny"), APP, peer("10.0.0.1", 80)));
    }

    @Test
    void ruleWithoutConditionsMatchesEverything() throws Exception {
        RuleSet set = rules("allow", "deny");
        assertEquals("rule 1 'deny'", decide(set, APP, peer("::1", 1)));
        assertEquals("rule 1 'deny'", decide(set, "other", peer("192.0.2.1", 65535)));
    }

    @Test
    void denyWinsOverAnEarlierAllow() throws Exception {
        RuleSet set = rules("allow", "allow address=127.0.0.0/8", "deny port=7000-7010");
        assertEquals("rule 2 'deny port=7000-7010'", decide(set, APP, peer("127.0.0.1", 7001)));
        assertEquals("rule 1 'allow address=127.0.0.0/8'", decide(set, APP, peer("127.0.0.1", 7011)));
    }

    @Test
    void firstMatchingDenyInConfigurationOrderIsReported() throws Exception {
        RuleSet set = rules("allow", "deny client=com.acme.*", "deny port=80");
        assertEquals("rule 1 'deny client=com.acme.*'", decide(set, APP, peer("10.0.0.1", 80)));
        assertEquals("rule 2 'deny port=80'", decide(set, "org.other", peer("10.0.0.1", 80)));
    }

    @Test
    void defaultDenyLetsOnlyAllowedSocketsThrough() throws Exception {
        RuleSet set = rules("deny", "allow address=10.0.0.0/8 port=443", "allow client=ws2.it.*");
        assertEquals(Action.ALLOW, set.decide(APP, peer("10.1.1.1", 443)).action());
        assertEquals(Action.DENY, set.decide(APP, peer("10.1.1.1", 80)).action());
        assertEquals(Action.DENY, set.decide(APP, peer("11.1.1.1", 443)).action());
        assertEquals(Action.ALLOW, set.decide("ws2.it.client", peer("11.1.1.1", 80)).action());
    }

    @Test
    void everyConditionOfARuleMustHold() throws Exception {
        RuleSet set = rules("allow", "deny address=2001:db8::/32 port=22 client=com.acme.*");
        assertEquals(Action.DENY, set.decide(APP, peer("2001:db8::5", 22)).action());
        assertEquals(Action.ALLOW, set.decide(APP, peer("2001:db8::5", 23)).action());
        assertEquals(Action.ALLOW, set.decide(APP, peer("2001:db9::5", 22)).action());
        assertEquals(Action.ALLOW, set.decide("org.other", peer("2001:db8::5", 22)).action());
    }

    @Test
    void nonIpAddressesMeetOnlyRulesWithoutAddressOrPort() throws Exception {
        SockAddr unix = SockAddr.raw(AddressFamily.AF_UNIX, new byte[] {(byte) AddressFamily.AF_UNIX, 0, 'p'});
        RuleSet set = rules("allow", "deny port=0-65535", "deny address=0.0.0.0/0", "deny client=blocked");
        assertEquals(Action.ALLOW, set.decide(APP, unix).action());
        assertEquals("rule 3 'deny client=blocked'", decide(set, "blocked", unix));
    }

    @Test
    void oneValueMayHoldSeveralLinesAndBlankLinesAreNotNumbered() throws Exception {
        RuleSet set = RuleSet.parse(List.of("allow port=1\n\n  deny   port=2  \r\n", "deny port=3"), "allow");
        assertEquals(List.of("allow port=1", "deny port=2", "deny port=3"),
                set.rules().stream().map(Rule::toString).toList());
        assertEquals(List.of(1, 2, 3), set.rules().stream().map(Rule::number).toList());
        assertEquals("3 rules, default allow", set.toString());
    }

    @Test
    void malformedRuleIsRefusedNamingItsNumberAndTheFault() {
        WsaException e = assertThrows(WsaException.class,
                () -> rules("allow", "allow port=80", "deny address=10.0.0.0/8", "deny port=70000"));
        assertEquals(WsaError.WSAEINVAL, e.error());
        assertEquals("WSAEINVAL (10022): rule 3 'deny port=70000': port '70000' is not a number in 0-65535",
                e.getMessage());
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertRefused("rule 1 'permit port=80': 'permit' is neither allow nor deny", "permit port=80");
        assertRefused("rule 1 'deny host=10.0.0.1': 'host=10.0.0.1' is not address=, port= or client=",
                "deny host=10.0.0.1");
        assertRefused("rule 1 'deny 80': '80' is not address=, port= or client=", "deny 80");
        assertRefused("rule 1 'deny port=1 port=2': port= is given twice", "deny port=1 port=2");
        assertRefused("rule 1 'deny client=': client name is empty", "deny client=");
        assertRefused("rule 1 'deny port=10-5': port range 10-5 is not within 0-65535, low end first", "deny port=10-5");
        assertRefused("rule 2 'deny address=10.0.0.0/40': prefix length '40' is not a number in 0-32",
                "allow", "deny address=10.0.0.0/40");
    }

    private static void assertRefused(String message, String... lines) {
        WsaException e = assertThrows(WsaException.class, () -> rules("allow", lines));
        assertEquals("WSAEINVAL (10022): " + message, e.getMessage());
    }

    @Test
    void defaultMustBeAllowOrDeny() {
        WsaException e = assertThrows(WsaException.class, () -> rules("block"));
        assertEquals(WsaError.WSAEINVAL, e.error());
        assertEquals("WSAEINVAL (10022): default: 'block' is neither allow nor deny", e.getMessage());
    }

    @Test
    void allowsEverythingOnlyWhenNoDenyCanApplyToTheClient() throws Exception {
        assertTrue(rules("allow").allowsEverything(APP));
        assertFalse(rules("deny").allowsEverything(APP));
        assertFalse(rules("allow", "deny port=25").allowsEverything(APP));
        assertTrue(rules("allow", "deny port=25 client=org.*").allowsEverything(APP));
        assertTrue(rules("deny", "allow client=com.acme.*").allowsEverything(APP));
        assertFalse(rules("deny", "allow client=com.acme.* port=80").allowsEverything(APP));
        assertFalse(RuleSet.DENY_ALL.allowsEverything(APP));
    }
}
