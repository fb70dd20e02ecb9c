package ws2.provider.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TcpFlowTest {
    static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 50000);
    static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 7);

    @TempDir
    Path dir;

    /** A TCP segment of a synthesized IPv4 packet, decoded. */
    record Segment(int srcPort, int dstPort, int seq, int ack, int flags, int length, int direction) {
        static Segment of(PcapngFile.Packet p) {
            ByteBuffer b = ByteBuffer.wrap(p.data());
            return new Segment(b.getShort(20) & 0xFFFF, b.getShort(22) & 0xFFFF, b.getInt(24), b.getInt(28), p.data()[33],
                    p.data().length - 40, p.flags());
        }
    }

    private List<Segment> record(String name, java.util.function.Consumer<PcapngWriter> what) throws IOException {
        Path file = dir.resolve(name);
        try (PcapngWriter w = PcapngWriter.open(file, 65535, PcapngWriterTest.CLOCK)) {
            what.accept(w);
        }
        return PcapngFile.packets(file).stream().map(Segment::of).toList();
    }

    @Test
    void aConnectionIsNumberedConsistentlyInBothDirections() throws IOException {
        int c = TcpFlow.initialSequence(CLIENT, SERVER);
        int s = TcpFlow.initialSequence(SERVER, CLIENT);
        List<Segment> seen = record("client.pcapng", w -> {
            TcpFlow flow = new TcpFlow(CLIENT, SERVER);
            flow.opened(w, true);
            flow.sent(w, new byte[10]);
            flow.received(w, new byte[4]);
            flow.finished(w, true);
            flow.finished(w, true);
            flow.finished(w, false);
        });
        int syn = Packets.SYN;
        int ack = Packets.ACK;
        int data = Packets.PSH | Packets.ACK;
        int fin = Packets.FIN | Packets.ACK;
        int out = PcapngWriter.OUTBOUND;
        int in = PcapngWriter.INBOUND;
        assertEquals(List.of(
                new Segment(50000, 7, c, 0, syn, 0, out),
                new Segment(7, 50000, s, c + 1, syn | ack, 0, in),
                new Segment(50000, 7, c + 1, s + 1, ack, 0, out),
                new Segment(50000, 7, c + 1, s + 1, data, 10, out),
                new Segment(7, 50000, s + 1, c + 11, data, 4, in),
                new Segment(50000, 7, c + 11, s + 5, fin, 0, out),
                new Segment(7, 50000, s + 5, c + 12, fin, 0, in)), seen);
    }

    @Test
    void theServerSeesTheSameNumbersAsTheClient() throws IOException {
        List<Segment> client = record("c.pcapng", w -> {
            TcpFlow flow = new TcpFlow(CLIENT, SERVER);
            flow.opened(w, true);
            flow.sent(w, new byte[3]);
        });
        List<Segment> server = record("s.pcapng", w -> {
            TcpFlow flow = new TcpFlow(SERVER, CLIENT);
            flow.opened(w, false);
            flow.received(w, new byte[3]);
        });
        for (int i = 0; i < client.size(); i++) {
            Segment a = client.get(i);
            Segment b = server.get(i);
            assertEquals(List.of(a.srcPort(), a.dstPort(), a.seq(), a.ack(), a.flags(), a.length()),
                    List.of(b.srcPort(), b.dstPort(), b.seq(), b.ack(), b.flags(), b.length()), "segment " + i);
            assertNotEquals(a.direction(), b.direction());
        }
    }

    @Test
    void aLargeSendIsCutIntoFullSegments() throws IOException {
        byte[] data = new byte[2 * Packets.MAX_TCP_PAYLOAD + 5];
        data[data.length - 1] = 42;
        Path file = dir.resolve("large.pcapng");
        try (PcapngWriter w = PcapngWriter.open(file, 65535, PcapngWriterTest.CLOCK)) {
            new TcpFlow(CLIENT, SERVER).sent(w, data);
        }
        List<PcapngFile.Packet> packets = PcapngFile.packets(file);
        List<Segment> seen = packets.stream().map(Segment::of).toList();
        int c = TcpFlow.initialSequence(CLIENT, SERVER) + 1;
        assertEquals(List.of(c, c + Packets.MAX_TCP_PAYLOAD, c + 2 * Packets.MAX_TCP_PAYLOAD),
                seen.stream().map(Segment::seq).toList());
        assertEquals(List.of(Packets.MAX_TCP_PAYLOAD, Packets.MAX_TCP_PAYLOAD, 5),
                seen.stream().map(Segment::length).toList());
        assertArrayEquals(new byte[] {0, 0, 0, 0, 42}, PcapngFile.payload(packets.get(2).data()));
    }
}
