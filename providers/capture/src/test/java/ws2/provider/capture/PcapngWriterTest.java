package ws2.provider.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PcapngWriterTest {
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L, 123_456_789), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static String text(ByteBuffer b, int length) {
        byte[] s = new byte[length];
        b.get(s);
        b.position(b.position() + (-length & 3));
        return new String(s, StandardCharsets.UTF_8);
    }

    @Test
    void aNewFileStartsWithASectionAndARawIpInterface() throws IOException {
        Path file = dir.resolve("a.pcapng");
        PcapngWriter.open(file, 1500, CLOCK).close();
        List<PcapngFile.Block> blocks = PcapngFile.blocks(file);
        assertEquals(2, blocks.size());

        assertEquals(PcapngFile.SHB, blocks.get(0).type());
        ByteBuffer shb = blocks.get(0).body();
        assertEquals(0x1A2B3C4D, shb.getInt(), "byte-order magic");
        assertEquals(1, shb.getShort(), "major version");
        assertEquals(0, shb.getShort(), "minor version");
        assertEquals(-1L, shb.getLong(), "section length unknown");
        assertEquals(4, shb.getShort(), "shb_userappl");
        assertEquals("ws2 Capture", text(shb, shb.getShort()));
        assertEquals(0, shb.getInt(), "opt_endofopt");
        assertEquals(0, shb.remaining());

        assertEquals(PcapngFile.IDB, blocks.get(1).type());
        ByteBuffer idb = blocks.get(1).body();
        assertEquals(PcapngWriter.LINKTYPE_RAW, idb.getShort());
        assertEquals(0, idb.getShort(), "reserved");
        assertEquals(1500, idb.getInt(), "snaplen");
        assertEquals(2, idb.getShort(), "if_name");
        assertEquals("ws2", text(idb, idb.getShort()));
        assertEquals(0, idb.getInt(), "opt_endofopt");
        assertEquals(0, idb.remaining());
    }

    @Test
    void packetsAreStampedInMicrosecondsPaddedAndCarryTheirDirection() throws IOException {
        Path file = dir.resolve("b.pcapng");
        byte[] odd = {1, 2, 3, 4, 5};
        byte[] even = {9, 8, 7, 6, 5, 4, 3, 2};
        try (PcapngWriter w = PcapngWriter.open(file, 65535, CLOCK)) {
            w.packet(PcapngWriter.OUTBOUND, odd);
            w.packet(PcapngWriter.INBOUND, even);
        }
        List<PcapngFile.Packet> packets = PcapngFile.packets(file);
        assertEquals(2, packets.size());
        PcapngFile.Packet first = packets.get(0);
        assertEquals(0, first.interfaceId());
        assertEquals(1_700_000_000_123_456L, first.micros());
        assertEquals(5, first.captured());
        assertEquals(5, first.original());
        assertArrayEquals(odd, first.data());
        assertEquals(PcapngWriter.OUTBOUND, first.flags());
        assertArrayEquals(even, packets.get(1).data());
        assertEquals(PcapngWriter.INBOUND, packets.get(1).flags());
    }

    @Test
    void theSnapshotLengthCutsLongPacketsAndKeepsTheirLength() throws IOException {
        Path file = dir.resolve("c.pcapng");
        byte[] big = new byte[100];
        Arrays.fill(big, (byte) 0x5A);
        try (PcapngWriter w = PcapngWriter.open(file, 42, CLOCK)) {
            w.packet(PcapngWriter.OUTBOUND, big);
        }
        PcapngFile.Packet p = PcapngFile.packets(file).get(0);
        assertEquals(42, p.captured());
        assertEquals(100, p.original());
        assertArrayEquals(Arrays.copyOf(big, 42), p.data());
    }

    @Test
    void reopeningAFileAppendsASectionAndPacketsAfterCloseAreDropped() throws IOException {
        Path file = dir.resolve("d.pcapng");
        PcapngWriter first = PcapngWriter.open(file, 65535, CLOCK);
        first.packet(PcapngWriter.OUTBOUND, new byte[] {1});
        first.close();
        first.packet(PcapngWriter.OUTBOUND, new byte[] {2});
        try (PcapngWriter second = PcapngWriter.open(file, 65535, CLOCK)) {
            second.packet(PcapngWriter.INBOUND, new byte[] {3});
        }
        List<Integer> types = PcapngFile.blocks(file).stream().map(PcapngFile.Block::type).toList();
        assertEquals(List.of(PcapngFile.SHB, PcapngFile.IDB, PcapngFile.EPB, PcapngFile.SHB, PcapngFile.IDB,
                PcapngFile.EPB), types);
        assertArrayEquals(new byte[] {3}, PcapngFile.packets(file).get(1).data());
    }
}
