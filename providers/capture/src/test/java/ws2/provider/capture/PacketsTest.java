package ws2.provider.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class PacketsTest {
    private static final InetSocketAddress V4_CLIENT = new InetSocketAddress(address("127.0.0.1"), 50000);
    private static final InetSocketAddress V4_SERVER = new InetSocketAddress(address("10.1.2.3"), 80);
    private static final InetSocketAddress V6_CLIENT = new InetSocketAddress(address("::1"), 50001);
    private static final InetSocketAddress V6_SERVER = new InetSocketAddress(address("2001:db8::7"), 53);

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** The one's complement sum of 16-bit words, folded: 0xFFFF over a block with a right checksum. */
    private static int onesSum(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            all.writeBytes(p);
        }
        byte[] b = all.toByteArray();
        long s = 0;
        for (int i = 0; i < b.length; i += 2) {
            s += (b[i] & 0xFF) << 8 | (i + 1 < b.length ? b[i + 1] & 0xFF : 0);
        }
        while (s >>> 16 != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    private static byte[] range(byte[] p, int from, int to) {
        return Arrays.copyOfRange(p, from, to);
    }

    @Test
    void tcpOverIpv4HasItsHeadersFieldsAndChecksumsRight() {
        byte[] data = "GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] p = Packets.tcp(V4_CLIENT, V4_SERVER, 0x01020304, 0xA0B0C0D0, Packets.PSH | Packets.ACK, data, 0,
                data.length);
        ByteBuffer b = ByteBuffer.wrap(p);
        assertEquals(20 + 20 + data.length, p.length);
        assertEquals(0x45, p[0]);
        assertEquals(p.length, b.getShort(2) & 0xFFFF);
        assertEquals(64, p[8]);
        assertEquals(6, p[9]);
        assertArrayEquals(new byte[] {127, 0, 0, 1}, range(p, 12, 16));
        assertArrayEquals(new byte[] {10, 1, 2, 3}, range(p, 16, 20));
        assertEquals(0xFFFF, onesSum(range(p, 0, 20)), "IPv4 header checksum");
        assertEquals(50000, b.getShort(20) & 0xFFFF);
        assertEquals(80, b.getShort(22) & 0xFFFF);
        assertEquals(0x01020304, b.getInt(24));
        assertEquals(0xA0B0C0D0, b.getInt(28));
        assertEquals(5, (p[32] >> 4) & 0xF, "data offset in words");
        assertEquals(Packets.PSH | Packets.ACK, p[33]);
        byte[] pseudo = ByteBuffer.allocate(12).put(range(p, 12, 20)).put((byte) 0).put((byte) 6)
                .putShort((short) (20 + data.length)).array();
        assertEquals(0xFFFF, onesSum(pseudo, range(p, 20, p.length)), "TCP checksum");
        assertArrayEquals(data, PcapngFile.payload(p));
    }

    @Test
    void udpOverIpv6HasItsHeadersFieldsAndChecksumsRight() {
        byte[] data = {1, 2, 3, 4, 5};
        byte[] p = Packets.udp(V6_CLIENT, V6_SERVER, data);
        ByteBuffer b = ByteBuffer.wrap(p);
        assertEquals(40 + 8 + data.length, p.length);
        assertEquals(6, (p[0] >> 4) & 0xF);
        assertEquals(8 + data.length, b.getShort(4) & 0xFFFF, "payload length");
        assertEquals(17, p[6], "next header");
        assertEquals(64, p[7]);
        assertArrayEquals(V6_CLIENT.getAddress().getAddress(), range(p, 8, 24));
        assertArrayEquals(V6_SERVER.getAddress().getAddress(), range(p, 24, 40));
        assertEquals(50001, b.getShort(40) & 0xFFFF);
        assertEquals(53, b.getShort(42) & 0xFFFF);
        assertEquals(8 + data.length, b.getShort(44) & 0xFFFF);
        byte[] pseudo = ByteBuffer.allocate(40).put(range(p, 8, 40)).putInt(8 + data.length).putInt(17).array();
        assertEquals(0xFFFF, onesSum(pseudo, range(p, 40, p.length)), "UDP checksum");
        assertArrayEquals(data, PcapngFile.payload(p));
    }

    @Test
    void anIpv4EndOfADualStackSocketIsWrittenAsAMappedIpv6Address() {
        byte[] p = Packets.udp(V4_CLIENT, V6_SERVER, new byte[0]);
        assertEquals(6, (p[0] >> 4) & 0xF);
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1}, range(p, 8, 24));
    }

    @Test
    void aFullTcpSegmentFillsTheIpv4TotalLengthAndALargerOneIsRefused() {
        byte[] data = new byte[Packets.MAX_TCP_PAYLOAD + 1];
        byte[] p = Packets.tcp(V4_CLIENT, V4_SERVER, 1, 1, Packets.ACK, data, 1, Packets.MAX_TCP_PAYLOAD);
        assertEquals(0xFFFF, ByteBuffer.wrap(p).getShort(2) & 0xFFFF);
        assertThrows(IllegalArgumentException.class,
                () -> Packets.tcp(V4_CLIENT, V4_SERVER, 1, 1, Packets.ACK, data, 0, data.length));
    }

    @Test
    void aDatagramLargerThanIpv4CarriesIsCut() {
        byte[] p = Packets.udp(V4_CLIENT, V4_SERVER, new byte[70_000]);
        assertEquals(0xFFFF, p.length);
        assertEquals(0xFFFF - 20, ByteBuffer.wrap(p).getShort(24) & 0xFFFF, "UDP length");
    }
}
