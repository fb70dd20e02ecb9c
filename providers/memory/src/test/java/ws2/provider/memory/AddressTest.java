package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.SockAddr;
import ws2.api.WsaError;

/** {@code sockaddr_un}, {@code WSPAddressToString} and {@code WSPStringToAddress}. */
class AddressTest extends MemoryTestBase {
    @Test
    void anAddressIsTheFamilyThenTheUtf8NameAndANul() throws Exception {
        SockAddr a = d.stringToAddress("pipé", AddressFamily.AF_UNIX, ENTRY);
        assertArrayEquals(new byte[] {1, 0, 'p', 'i', 'p', (byte) 0xC3, (byte) 0xA9, 0}, a.bytes());
        assertEquals(AddressFamily.AF_UNIX, a.family());
        assertEquals("pipé", d.addressToString(a, ENTRY));
    }

    @Test
    void theNameEndsAtTheFirstNulOfAFullSunPath() throws Exception {
        byte[] full = new byte[UnixAddress.MAX_LENGTH];
        full[0] = 1;
        full[2] = 'a';
        full[3] = 'b';
        assertEquals("ab", d.addressToString(SockAddr.raw(AddressFamily.AF_UNIX, full), ENTRY));
        assertEquals("", d.addressToString(SockAddr.raw(AddressFamily.AF_UNIX, new byte[] {1, 0}), ENTRY));
    }

    @Test
    void namesAreAtMost107Bytes() throws Exception {
        String longest = "n".repeat(107);
        assertEquals(UnixAddress.MAX_LENGTH, d.stringToAddress(longest, AddressFamily.AF_UNIX, ENTRY).length());
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress(longest + "n", AddressFamily.AF_UNIX, ENTRY));
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress("nul\0inside", AddressFamily.AF_UNIX, ENTRY));
    }

    @Test
    void otherFamiliesAndBadBytesAreRefused() throws Exception {
        fails(WsaError.WSAEINVAL, () -> d.stringToAddress("127.0.0.1:7", AddressFamily.AF_INET, ENTRY));
        fails(WsaError.WSAEINVAL, () -> d.addressToString(SockAddr.of(java.net.InetAddress.getLoopbackAddress(), 7),
                ENTRY));
        SockAddr notUtf8 = SockAddr.raw(AddressFamily.AF_UNIX, new byte[] {1, 0, (byte) 0xFF, 0});
        fails(WsaError.WSAEINVAL, () -> d.addressToString(notUtf8, ENTRY));
    }
}
