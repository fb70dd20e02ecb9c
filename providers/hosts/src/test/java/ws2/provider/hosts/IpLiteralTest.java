package ws2.provider.hosts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpLiteralTest {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 7f000001",
        "0.0.0.0, 00000000",
        "255.255.255.255, ffffffff",
        "10.200.3.40, 0ac80328"})
    void parsesDottedDecimalIpv4(String text, String hex) {
        InetAddress address = IpLiteral.parse(text);
        assertInstanceOf(Inet4Address.class, address);
        assertArrayEquals(HexFormat.of().parseHex(hex), address.getAddress());
    }

    @ParameterizedTest
    @CsvSource({
        "::, 00000000000000000000000000000000",
        "::1, 00000000000000000000000000000001",
        "1::, 00010000000000000000000000000000",
        "fe80::1:2, fe800000000000000000000000010002",
        "2001:DB8:0:0:8:800:200C:417A, 20010db80000000000080800200c417a",
        "1:2:3:4:5:6:7::, 00010002000300040005000600070000",
        "::ffff:192.0.2.1, 00000000000000000000ffffc0000201",
        "1:2:3:4:5:6:10.0.0.1, 000100020003000400050006 0a000001"})
    void parsesIpv6InEveryForm(String text, String hex) {
        InetAddress address = IpLiteral.parse(text);
        assertInstanceOf(Inet6Address.class, address, "IPv4-mapped addresses stay IPv6");
        assertArrayEquals(HexFormat.of().parseHex(hex.replace(" ", "")), address.getAddress());
    }

    @Test
    void keepsANumericScope() {
        assertEquals(3, ((Inet6Address) IpLiteral.parse("fe80::1%3")).getScopeId());
        assertEquals(0, ((Inet6Address) IpLiteral.parse("fe80::1")).getScopeId());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "localhost", "example.com", "1.2.3", "1.2.3.4.5", "256.0.0.1", "01.2.3.4", "1.2.3.4 ",
        "1..2.3", "1.2.3.-4", ":", ":::", ":1", "1:", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7",
        "1:2:3:4:5:6:7:8::", "g::1", "::1.2.3", "1:2:3:4:5:6:7:1.2.3.4", "::1.2.3.4:5", "fe80::1%", "fe80::1%eth0",
        "%1", "0x7f.0.0.1"})
    void rejectsWhatIsNotALiteralWithoutLookingItUp(String text) {
        assertNull(IpLiteral.parse(text));
    }
}
