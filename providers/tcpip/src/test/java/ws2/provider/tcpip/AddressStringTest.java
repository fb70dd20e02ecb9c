package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import ws2.api.AddressFamily;
import ws2.api.SockAddr;
import ws2.api.WsaError;

/** {@code WSPAddressToString} and {@code WSPStringToAddress}: numeric forms only, never a name lookup. */
class AddressStringTest extends TcpipTestBase {
    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 7, 127.0.0.1:7",
        "127.0.0.1, 0, 127.0.0.1",
        "10.20.30.40, 65535, 10.20.30.40:65535",
        "::1, 7, '[::1]:7'",
        "::1, 0, ::1",
        "::, 0, ::",
        "2001:db8:0:0:0:0:0:1, 80, '[2001:db8::1]:80'",
        "2001:db8:0:0:1:0:0:1, 0, 2001:db8::1:0:0:1",
        "1:0:2:3:4:5:6:7, 0, 1:0:2:3:4:5:6:7",
        "fe80:0:0:0:0:0:0:0, 0, fe80::"})
    void formatsNumericallyIpv6AsRfc5952(String host, int port, String text) throws Exception {
        SockAddr address = SockAddr.of(InetAddress.getByName(host), port);
        assertEquals(text, d.addressToString(address, address.family() == AddressFamily.AF_INET ? TCP4 : TCP6));
    }

    @Test
    void formatsScopeAndMappedIpv4() throws Exception {
        byte[] linkLocal = InetAddress.getByName("fe80::1").getAddress();
        SockAddr scoped = SockAddr.of(new InetSocketAddress(Inet6Address.getByAddress(null, linkLocal, 4), 9));
        assertEquals("[fe80::1%4]:9", d.addressToString(scoped, UDP6));
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        mapped[12] = 10;
        mapped[15] = 1;
        SockAddr v4mapped = SockAddr.of(new InetSocketAddress(Inet6Address.getByAddress(null, mapped, -1), 0));
        assertEquals("::ffff:10.0.0.1", d.addressToString(v4mapped, TCP6));
    }

    @Test
    void formattingAnotherFamilyIsInvalid() throws Exception {
        fails(WsaError.WSAEINVAL, () -> d.addressToString(loopback(AddressFamily.AF_INET6, 1), TCP4));
        fails(WsaError.WSAEINVAL, () -> d.addressToString(loopback(AddressFamily.AF_INET, 1), UDP6));
    }

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1, 127.0.0.1, 0",
        "127.0.0.1:8080, 127.0.0.1, 8080",
        "0.0.0.0:0, 0.0.0.0, 0",
        "255.255.255.255:65535, 255.255.255.255, 65535"})
    void parsesIpv4(String text, String host, int port) throws Exception {
        assertEquals(SockAddr.of(InetAddress.getByName(host), port), d.stringToAddress(text, AddressFamily.AF_INET, TCP4));
    }

    @ParameterizedTest
    @CsvSource({
        "::1, 0:0:0:0:0:0:0:1, 0",
        "'[::1]:7', 0:0:0:0:0:0:0:1, 7",
        "[::1], 0:0:0:0:0:0:0:1, 0",
        "2001:DB8::A:1, 2001:db8:0:0:0:0:a:1, 0",
        "'[1:2:3:4:5:6:7:8]:443', 1:2:3:4:5:6:7:8, 443",
        "::ffff:192.0.2.1, 0:0:0:0:0:ffff:c000:201, 0",
        "::192.0.2.1, 0:0:0:0:0:0:c000:201, 0",
        "fe80::, fe80:0:0:0:0:0:0:0, 0"})
    void parsesIpv6(String text, String fullForm, int port) throws Exception {
        SockAddr parsed = d.stringToAddress(text, AddressFamily.AF_INET6, TCP6);
        assertEquals(AddressFamily.AF_INET6, parsed.family());
        assertEquals(port, parsed.port());
        assertEquals(fullForm, parsed.toInet().getAddress().getHostAddress());
    }

    @Test
    void parsesAScopeAndRoundTrips() throws Exception {
        SockAddr scoped = d.stringToAddress("[fe80::1%3]:53", AddressFamily.AF_INET6, UDP6);
        assertEquals(3, ((Inet6Address) scoped.toInet().getAddress()).getScopeId());
        assertEquals("[fe80::1%3]:53", d.addressToString(scoped, UDP6));
        assertEquals("fe80::1%3", d.addressToString(d.stringToAddress("fe80::1%3", AddressFamily.AF_INET6, UDP6), UDP6));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.4:", "1.2.3.4:65536",
        "1.2.3.4:x", "::1", " 1.2.3.4", "1..2.3", "-1.2.3.4"})
    void refusesTextThatIsNotNumericIpv4(String text) {
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress(text, AddressFamily.AF_INET, TCP4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "localhost", "1.2.3.4", ":::", "1::2::3", "12345::", "1:2:3:4:5:6:7:8:9",
        "1:2:3:4:5:6:7", "[::1", "[::1]x", "[::1]:", "[::1]:99999", "::1%eth0", "g::1", "1.2.3.4::", ":1", "1:"})
    void refusesTextThatIsNotNumericIpv6(String text) {
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress(text, AddressFamily.AF_INET6, TCP6));
    }

    @Test
    void refusesAFamilyTheEntryDoesNotTranslate() {
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress("127.0.0.1", AddressFamily.AF_INET, TCP6));
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress("127.0.0.1", AddressFamily.AF_IPX, TCP4));
    }
}
