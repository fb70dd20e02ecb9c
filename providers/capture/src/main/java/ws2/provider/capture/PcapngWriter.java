package ws2.provider.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one pcapng file (IETF draft "PCAP Next Generation Dump File Format"), the format
 * Wireshark and tshark read: the capture a Windows network monitor would save, here of the data
 * the capture layer sees on its sockets. Written by hand; the three block types it needs are small.
 *
 * <h3>What it writes</h3>
 * Opening the file appends a Section Header Block (little-endian, version 1.0, section length
 * unknown) and one Interface Description Block ({@code LINKTYPE_RAW}: each packet starts at its IP
 * header; the configured snapshot length; timestamps in microseconds, the default resolution).
 * Each packet is an Enhanced Packet Block on interface 0 carrying its direction in
 * {@code epb_flags} (inbound or outbound, seen from the socket that recorded it) and at most
 * snapshot-length bytes of the packet. An existing file keeps its content: a new section follows it.
 *
 * <h3>Threads</h3>
 * Any thread may write; each block is written whole under the writer's lock, straight to the
 * file channel, so a reader always finds complete blocks and the timestamps grow in file order.
 * The first I/O failure is logged once and stops the writer, never the socket call that recorded:
 * the layer is fail-open. Packets written after {@link #close} are dropped.
 */
final class PcapngWriter implements AutoCloseable {
    /** {@code epb_flags} direction: the packet arrived at the recording socket. */
    static final int INBOUND = 1;
    /** {@code epb_flags} direction: the recording socket sent the packet. */
    static final int OUTBOUND = 2;
    /** The link type of raw IPv4/IPv6 packets. */
    static final int LINKTYPE_RAW = 101;

    private static final Logger LOG = LoggerFactory.getLogger(PcapngWriter.class);
    private static final int SECTION_HEADER = 0x0A0D0D0A;
    private static final int INTERFACE_DESCRIPTION = 0x00000001;
    private static final int ENHANCED_PACKET = 0x00000006;
    private static final int BYTE_ORDER_MAGIC = 0x1A2B3C4D;
    private static final int SHB_USERAPPL = 4;
    private static final int IF_NAME = 2;
    private static final int EPB_FLAGS = 2;
    private static final byte[] APPLICATION = "ws2 Capture".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INTERFACE = "ws2".getBytes(StandardCharsets.UTF_8);

    private final Path file;
    private final int snaplen;
    private final Clock clock;
    private final FileChannel channel;
    private boolean stopped; // guarded by this

    private PcapngWriter(Path file, int snaplen, Clock clock, FileChannel channel) {
        this.file = file;
        this.snaplen = snaplen;
        this.clock = clock;
        this.channel = channel;
    }

    /**
     * Opens a file for appending (creating it if needed) and writes the section and interface headers.
     *
     * @param file the file
     * @param snaplen the most bytes of a packet kept, at least 1
     * @param clock the source of the packets' timestamps
     * @return the writer
     * @throws IOException if the file cannot be opened or written
     */
    static PcapngWriter open(Path file, int snaplen, Clock clock) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        try {
            writeFully(channel, sectionHeader());
            writeFully(channel, interfaceDescription(snaplen));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new PcapngWriter(file, snaplen, clock, channel);
    }

    /**
     * Appends one packet, stamped now.
     *
     * @param direction {@link #INBOUND} or {@link #OUTBOUND}
     * @param packet the packet, IP header first
     */
    synchronized void packet(int direction, byte[] packet) {
        if (stopped) {
            return;
        }
        try {
            writeFully(channel, enhancedPacket(micros(clock.instant()), direction, packet, snaplen));
        } catch (IOException e) {
            stopped = true;
            LOG.error("ws2 Capture: writing {} failed, capture stopped: {}", file, e.toString());
        }
    }

    /** Closes the file; later packets are dropped. */
    @Override
    public synchronized void close() {
        stopped = true;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.error("ws2 Capture: closing {} failed: {}", file, e.toString());
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    private static ByteBuffer sectionHeader() {
        ByteBuffer b = block(SECTION_HEADER, 16 + option(APPLICATION.length) + 4);
        b.putInt(BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        putOption(b, SHB_USERAPPL, APPLICATION);
        return end(b.putInt(0));
    }

    private static ByteBuffer interfaceDescription(int snaplen) {
        ByteBuffer b = block(INTERFACE_DESCRIPTION, 8 + option(INTERFACE.length) + 4);
        b.putShort((short) LINKTYPE_RAW).putShort((short) 0).putInt(snaplen);
        putOption(b, IF_NAME, INTERFACE);
        return end(b.putInt(0));
    }

    private static ByteBuffer enhancedPacket(long micros, int direction, byte[] packet, int snaplen) {
        int captured = Math.min(packet.length, snaplen);
        ByteBuffer b = block(ENHANCED_PACKET, 20 + padded(captured) + option(4) + 4);
        b.putInt(0).putInt((int) (micros >>> 32)).putInt((int) micros).putInt(captured).putInt(packet.length);
        b.put(packet, 0, captured).position(b.position() + padded(captured) - captured);
        putOption(b, EPB_FLAGS, new byte[] {(byte) direction, 0, 0, 0});
        return end(b.putInt(0));
    }

    /** Starts a block: type and total length, room for a body of {@code body} bytes and the trailing length. */
    private static ByteBuffer block(int type, int body) {
        int total = 12 + body;
        return ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN).putInt(type).putInt(total);
    }

    private static ByteBuffer end(ByteBuffer b) {
        b.putInt(b.capacity()).flip();
        return b;
    }

    private static int option(int length) {
        return 4 + padded(length);
    }

    private static void putOption(ByteBuffer b, int code, byte[] value) {
        b.putShort((short) code).putShort((short) value.length).put(value);
        b.position(b.position() + padded(value.length) - value.length);
    }

    private static int padded(int length) {
        return (length + 3) & ~3;
    }

    private static void writeFully(FileChannel channel, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }
}
