package ws2.provider.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;

class ServerAddressTest {
    private static InetSocketAddress at(String ip, int port) throws Exception {
        return new InetSocketAddress(InetAddress.getByName(ip), port);
    }

    @Test
    void ipv4WithAndWithoutPort() throws Exception {
        assertEquals(at("192.0.2.53", 53), ServerAddress.parse("192.0.2.53"));
        assertEquals(at("192.0.2.53", 5353), ServerAddress.parse("192.0.2.53:5353"));
    }

    @Test
    void ipv6BareOrBracketed() throws Exception {
        assertEquals(at("2001:db8::53", 53), ServerAddress.parse("2001:db8::53"));
        assertEquals(at("::1", 53), ServerAddress.parse("[::1]"));
        assertEquals(at("::1", 5353), ServerAddress.parse("[::1]:5353"));
    }

    @Test
    void aValueMayHoldSeveralServers() throws Exception {
        assertEquals(List.of(at("192.0.2.1", 53), at("::1", 5353), at("192.0.2.2", 53)),
                ServerAddress.parseAll(List.of("192.0.2.1, [::1]:5353", " 192.0.2.2 ")));
    }

    @Test
    void namesAndBadPortsAreInvalid() {
        for (String bad : List.of("dns.example.test", "192.0.2.1:0", "192.0.2.1:65536", "192.0.2.1:x", "[::1",
                "[::1]x", "[::1]:")) {
            WsaException e = assertThrows(WsaException.class, () -> ServerAddress.parse(bad), bad);
            assertEquals(WsaError.WSAEINVAL, e.error(), bad);
        }
    }
}
