package ws2.provider.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import ws2.api.AddressFamily;
import ws2.api.SockAddr;

class AddressBlockTest {
    private static byte[] host(String literal) throws Exception {
        return AddressBlock.hostOf(SockAddr.of(InetAddress.getByName(literal), 80));
    }

    @Test
    void ipv4BlockMatchesItsPrefixOnly() throws Exception {
        AddressBlock block = AddressBlock.parse("10.0.0.0/8");
        assertTrue(block.contains(host("10.0.0.1")));
        assertTrue(block.contains(host("10.255.255.255")));
        assertFalse(block.contains(host("11.0.0.1")));
        assertFalse(block.contains(host("::1")));
    }

    @Test
    void prefixNotOnAByteBoundaryComparesTheLeadingBits() throws Exception {
        AddressBlock block = AddressBlock.parse("172.16.0.0/12");
        assertTrue(block.contains(host("172.16.0.1")));
        assertTrue(block.contains(host("172.31.255.255")));
        assertFalse(block.contains(host("172.32.0.0")));
        assertFalse(block.contains(host("172.15.255.255")));
    }

    @Test
    void addressWithoutPrefixMatchesThatAddressOnly() throws Exception {
        AddressBlock block = AddressBlock.parse("127.0.0.1");
        assertTrue(block.contains(host("127.0.0.1")));
        assertFalse(block.contains(host("127.0.0.2")));
    }

    @Test
    void zeroPrefixMatchesEveryAddressOfItsVersion() throws Exception {
        AddressBlock block = AddressBlock.parse("0.0.0.0/0");
        assertTrue(block.contains(host("203.0.113.9")));
        assertFalse(block.contains(host("2001:db8::1")));
    }

    @Test
    void hostBitsAfterThePrefixAreIgnored() throws Exception {
        assertTrue(AddressBlock.parse("10.1.2.3/8").contains(host("10.200.0.1")));
    }

    @Test
    void ipv6BlockMatchesItsPrefixOnly() throws Exception {
        AddressBlock block = AddressBlock.parse("2001:db8::/32");
        assertTrue(block.contains(host("2001:db8:1234::1")));
        assertFalse(block.contains(host("2001:db9::1")));
        assertFalse(block.contains(host("32.1.13.184")));
        assertTrue(AddressBlock.parse("fe80::/10").contains(host("febf::1")));
        assertFalse(AddressBlock.parse("fe80::/10").contains(host("fec0::1")));
        assertTrue(AddressBlock.parse("::1").contains(host("::1")));
    }

    @Test
    void ipv4MappedPeerMatchesIpv4Rule() throws Exception {
        byte[] raw = new byte[SockAddr.SOCKADDR_IN6_LENGTH];
        raw[0] = (byte) AddressFamily.AF_INET6;
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 1, 2, 3};
        System.arraycopy(mapped, 0, raw, 8, 16);
        byte[] host = AddressBlock.hostOf(SockAddr.raw(AddressFamily.AF_INET6, raw));
        assertTrue(AddressBlock.parse("10.0.0.0/8").contains(host));
    }

    @Test
    void ipv4MappedRuleIsReadAsIpv4WithThePrefixShortenedBy96() throws Exception {
        AddressBlock block = AddressBlock.parse("::ffff:10.0.0.0/104");
        assertTrue(block.contains(host("10.9.9.9")));
        assertFalse(block.contains(host("11.0.0.1")));
    }

    @Test
    void nonIpAddressHasNoHost() throws Exception {
        SockAddr unix = SockAddr.raw(AddressFamily.AF_UNIX, new byte[] {(byte) AddressFamily.AF_UNIX, 0, 'a'});
        assertNull(AddressBlock.hostOf(unix));
        assertFalse(AddressBlock.parse("0.0.0.0/0").contains(null));
    }

    @Test
    void keepsItsConfiguredText() {
        assertEquals("2001:db8::/32", AddressBlock.parse("2001:db8::/32").toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10.0.0", "10.0.0.0.0", "256.1.1.1", "10.0.0.-1", "10.0.0.0/33", "10.0.0.0/",
        "10.0.0.0/x", "::1/129", "gg::1", "fe80::1%1", "localhost", "example.com", "::ffff:10.0.0.0/90"})
    void malformedAddressesAreRefusedWithoutAskingDns(String text) {
        assertThrows(IllegalArgumentException.class, () -> AddressBlock.parse(text));
    }
}
