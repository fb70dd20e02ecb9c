package ws2.provider.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads back what {@link PcapngWriter} wrote, checking the framing of every block on the way. */
final class PcapngFile {
    static final int SHB = 0x0A0D0D0A;
    static final int IDB = 1;
    static final int EPB = 6;

    /** One block: its type and its body (between the leading and the trailing length). */
    record Block(int type, ByteBuffer body) {
    }

    /** An Enhanced Packet Block, decoded. */
    record Packet(int interfaceId, long micros, int captured, int original, byte[] data, int flags) {
    }

    private PcapngFile() {
    }

    static List<Block> blocks(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<Block> out = new ArrayList<>();
        while (b.hasRemaining()) {
            int start = b.position();
            int type = b.getInt();
            int total = b.getInt();
            if (total % 4 != 0 || total < 12) {
                throw new AssertionError("block at " + start + " has length " + total);
            }
            if (b.getInt(start + total - 4) != total) {
                throw new AssertionError("block at " + start + " has a trailing length other than " + total);
            }
            ByteBuffer body = b.slice(start + 8, total - 12).order(ByteOrder.LITTLE_ENDIAN);
            out.add(new Block(type, body));
            b.position(start + total);
        }
        return out;
    }

    static List<Packet> packets(Path file) throws IOException {
        List<Packet> out = new ArrayList<>();
        for (Block block : blocks(file)) {
            if (block.type() == EPB) {
                out.add(packet(block.body()));
            }
        }
        return out;
    }

    private static Packet packet(ByteBuffer b) {
        int iface = b.getInt();
        long micros = (b.getInt() & 0xFFFFFFFFL) << 32 | b.getInt() & 0xFFFFFFFFL;
        int captured = b.getInt();
        int original = b.getInt();
        byte[] data = new byte[captured];
        b.get(data);
        b.position(b.position() + (-captured & 3));
        int flags = 0;
        for (int code = b.getShort(); code != 0; code = b.getShort()) {
            int length = b.getShort();
            if (code == 2) {
                flags = b.getInt(b.position());
            }
            b.position(b.position() + (length + 3 & ~3));
        }
        return new Packet(iface, micros, captured, original, data, flags);
    }

    /** The payload of a synthesized TCP or UDP packet. */
    static byte[] payload(byte[] packet) {
        int ip = (packet[0] >> 4) == 4 ? 20 : 40;
        int protocol = ip == 20 ? packet[9] : packet[6];
        int transport = protocol == 6 ? (packet[ip + 12] >> 4 & 0xF) * 4 : 8;
        return Arrays.copyOfRange(packet, ip + transport, packet.length);
    }
}
