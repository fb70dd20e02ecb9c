package ws2.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import org.junit.jupiter.api.Test;

/** Socket addresses: the Windows sockaddr layouts and the numeric text forms. */
class SockAddrTest {

    @Test
    void ipv4RoundTripsThroughTheSockaddrInLayout() throws Exception {
        SockAddr a = SockAddr.of(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 0x1F90));
        assertArrayEquals(new byte[] {2, 0, 0x1F, (byte) 0x90, 10, 1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0}, a.bytes(),
                "family little-endian, port and address in network order, 8 bytes of zero");
        assertEquals(a, SockAddr.raw(AddressFamily.AF_INET, a.bytes()));
        assertEquals("10.1.2.3:8080", a.toString());
    }

    @Test
    void ipv6KeepsItsScopeAndPrintsInRfc5952Form() throws Exception {
        SockAddr a = SockAddr.of(InetAddress.getByName("2001:db8:0:0:1:0:0:1"), 443);
        assertEquals(SockAddr.SOCKADDR_IN6_LENGTH, a.length());
        assertEquals("2001:db8::1:0:0:1", a.host(), "the first longest zero run is compressed");
        assertEquals("[2001:db8::1:0:0:1]:443", a.toString());
        assertEquals("::1", SockAddr.of(InetAddress.getByName("::1"), 0).host());
        assertEquals("::ffff:1.2.3.4", SockAddr.raw(AddressFamily.AF_INET6,
                new byte[] {23, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 1, 2, 3, 4, 0, 0, 0, 0}).host(),
                "a mapped IPv4 address stays an AF_INET6 address");
        byte[] scoped = SockAddr.of(InetAddress.getByName("fe80::1"), 7).bytes();
        scoped[24] = 5;
        SockAddr withScope = SockAddr.raw(AddressFamily.AF_INET6, scoped);
        assertEquals("fe80::1%5", withScope.host());
        assertEquals(withScope, SockAddr.raw(AddressFamily.AF_INET6, withScope.bytes()));
    }

    @Test
    void unknownFamiliesKeepTheirBytes() throws WsaException {
        byte[] raw = {32, 0, 9, 8, 7};
        SockAddr bth = SockAddr.raw(AddressFamily.AF_BTH, raw);
        assertFalse(bth.isInet());
        assertArrayEquals(raw, bth.bytes());
        assertEquals("AF_BTH:2000090807", bth.toString());
        assertEquals(WsaError.WSAEAFNOSUPPORT, assertThrows(WsaException.class, bth::toInet).error());
    }

    @Test
    void aShortOrMislabelledSockaddrIsAFault() {
        assertEquals(WsaError.WSAEFAULT, assertThrows(WsaException.class,
                () -> SockAddr.raw(AddressFamily.AF_INET, new byte[] {2, 0, 0, 1})).error());
        assertEquals(WsaError.WSAEFAULT, assertThrows(WsaException.class,
                () -> SockAddr.raw(AddressFamily.AF_INET6, new byte[16])).error());
    }
}
