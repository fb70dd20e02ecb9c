package ws2.provider.firewall;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

class FirewallTest {
    private final Firewall firewall = new Firewall();

    private static SockAddr peer(String ip, int port) throws Exception {
        return SockAddr.of(InetAddress.getByName(ip), port);
    }

    @Test
    void deniesEverythingUntilConfigured() throws Exception {
        SockAddr peer = peer("127.0.0.1", 80);
        WsaException e = assertThrows(WsaException.class, () -> firewall.check("x", peer, "connecting to"));
        assertEquals(WsaError.WSAEACCES, e.error());
        assertEquals("WSAEACCES (10013): ws2 Firewall: the default 'deny' blocks client 'x' connecting to 127.0.0.1:80",
                e.getMessage());
    }

    @Test
    void refusalNamesRuleClientAndPeer() throws Exception {
        firewall.configure(List.of("allow address=127.0.0.1\ndeny port=7000-7010"), "allow");
        SockAddr peer = peer("127.0.0.1", 7001);
        WsaException e = assertThrows(WsaException.class, () -> firewall.check("x", peer, "connecting to"));
        assertEquals(WsaError.WSAEACCES, e.error());
        assertEquals("WSAEACCES (10013): ws2 Firewall: rule 2 'deny port=7000-7010' blocks client 'x' connecting to"
                + " 127.0.0.1:7001", e.getMessage());
    }

    @Test
    void countsAllowedAndDeniedCalls() throws Exception {
        firewall.configure(List.of("deny address=::1"), "allow");
        firewall.check("x", peer("127.0.0.1", 1), "connecting to");
        firewall.check("x", peer("127.0.0.1", 2), "sending to");
        SockAddr v6 = peer("::1", 3);
        assertThrows(WsaException.class, () -> firewall.check("x", v6, "sending to"));
        assertEquals(2, firewall.allowed());
        assertEquals(1, firewall.denied());
    }

    @Test
    void malformedConfigurationLeavesTheRulesInForce() throws Exception {
        RuleSet applied = firewall.configure(List.of("deny port=25"), "allow");
        WsaException e = assertThrows(WsaException.class,
                () -> firewall.configure(List.of("allow", "deny port=25-"), "allow"));
        assertEquals(WsaError.WSAEINVAL, e.error());
        assertSame(applied, firewall.rules());
        assertEquals(e.getMessage(), firewall.refusal());
        SockAddr smtp = peer("192.0.2.1", 25);
        assertThrows(WsaException.class, () -> firewall.check("x", smtp, "connecting to"));
    }

    @Test
    void validConfigurationReplacesTheRulesAndClearsTheRefusal() throws Exception {
        assertThrows(WsaException.class, () -> firewall.configure(List.of("deny port=x"), "allow"));
        firewall.configure(List.of("deny port=25"), "allow");
        assertNull(firewall.refusal());
        assertDoesNotThrow(() -> firewall.check("x", peer("192.0.2.1", 80), "connecting to"));
        assertEquals("1 rules, default allow", firewall.rules().toString());
    }
}
