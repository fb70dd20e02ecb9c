package ws2.provider.capture;

import java.net.InetSocketAddress;

import ws2.api.IpProtocol;

/**
 * Synthesizes the packets of a capture: an IPv4 (RFC 791) or IPv6 (RFC 8200) header, a TCP
 * (RFC 9293) or UDP (RFC 768) header with a real checksum, then the payload. A layered provider sees
 * the data a socket moves ({@code WSPSend}, {@code WSPRecv}), never the packets the transport
 * driver makes of it, so the headers are made up from the socket's addresses; the result is what a
 * {@code LINKTYPE_RAW} capture of the wire would show, and Wireshark decodes it as such.
 *
 * <p>IPv4 and IPv6 addresses are not mixed in one packet: when only one end is IPv4 (a dual-stack
 * socket), it is written as an IPv4-mapped IPv6 address. Stateless and thread-safe.
 */
final class Packets {
    /** TCP flag {@code FIN}. */
    static final int FIN = 0x01;
    /** TCP flag {@code SYN}. */
    static final int SYN = 0x02;
    /** TCP flag {@code PSH}. */
    static final int PSH = 0x08;
    /** TCP flag {@code ACK}. */
    static final int ACK = 0x10;
    /** The largest TCP payload of one packet: a full IPv4 packet ({@code 65535}) less both headers. */
    static final int MAX_TCP_PAYLOAD = 0xFFFF - 20 - 20;

    private static final int IPV4_HEADER = 20;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_HEADER = 20;
    private static final int UDP_HEADER = 8;
    private static final int TTL = 64;
    private static final int WINDOW = 0xFFFF;

    private Packets() {
    }

    /**
     * Makes a TCP segment.
     *
     * @param src the sender
     * @param dst the receiver
     * @param seq the sequence number
     * @param ack the acknowledgment number (sent with {@link #ACK} only)
     * @param flags {@link #SYN}, {@link #ACK}, {@link #PSH}, {@link #FIN}
     * @param data the payload array
     * @param offset where the payload starts in it
     * @param length the payload length, at most {@link #MAX_TCP_PAYLOAD}
     * @return the packet, IP header first
     * @throws IllegalArgumentException if the payload does not fit one packet
     */
    static byte[] tcp(InetSocketAddress src, InetSocketAddress dst, int seq, int ack, int flags, byte[] data, int offset,
            int length) {
        if (length > MAX_TCP_PAYLOAD) {
            throw new IllegalArgumentException("a TCP payload of " + length + " bytes does not fit one packet");
        }
        byte[] p = ip(src, dst, IpProtocol.IPPROTO_TCP, TCP_HEADER + length);
        int t = p.length - TCP_HEADER - length;
        put16(p, t, src.getPort());
        put16(p, t + 2, dst.getPort());
        put32(p, t + 4, seq);
        put32(p, t + 8, ack);
        p[t + 12] = (byte) (TCP_HEADER / 4 << 4);
        p[t + 13] = (byte) flags;
        put16(p, t + 14, WINDOW);
        System.arraycopy(data, offset, p, t + TCP_HEADER, length);
        put16(p, t + 16, transportChecksum(p, t));
        return p;
    }

    /**
     * Makes a UDP datagram. A payload longer than a datagram of the family can carry (65,507 bytes
     * over IPv4, 65,527 over IPv6) cannot have crossed the wire and is cut to that length.
     *
     * @param src the sender
     * @param dst the receiver
     * @param data the payload
     * @return the packet, IP header first
     */
    static byte[] udp(InetSocketAddress src, InetSocketAddress dst, byte[] data) {
        boolean v6 = isV6(src, dst);
        int length = Math.min(data.length, 0xFFFF - UDP_HEADER - (v6 ? 0 : IPV4_HEADER));
        byte[] p = ip(src, dst, IpProtocol.IPPROTO_UDP, UDP_HEADER + length);
        int t = p.length - UDP_HEADER - length;
        put16(p, t, src.getPort());
        put16(p, t + 2, dst.getPort());
        put16(p, t + 4, UDP_HEADER + length);
        System.arraycopy(data, 0, p, t + UDP_HEADER, length);
        int checksum = transportChecksum(p, t);
        put16(p, t + 6, checksum == 0 ? 0xFFFF : checksum);
        return p;
    }

    /** Makes a packet with its IP header filled in and room for the transport segment after it. */
    private static byte[] ip(InetSocketAddress src, InetSocketAddress dst, int protocol, int segment) {
        boolean v6 = isV6(src, dst);
        byte[] from = address(src, v6);
        byte[] to = address(dst, v6);
        if (v6) {
            byte[] p = new byte[IPV6_HEADER + segment];
            p[0] = 0x60;
            put16(p, 4, segment);
            p[6] = (byte) protocol;
            p[7] = (byte) TTL;
            System.arraycopy(from, 0, p, 8, 16);
            System.arraycopy(to, 0, p, 24, 16);
            return p;
        }
        byte[] p = new byte[IPV4_HEADER + segment];
        p[0] = 0x45;
        put16(p, 2, p.length);
        p[6] = 0x40; // don't fragment
        p[8] = (byte) TTL;
        p[9] = (byte) protocol;
        System.arraycopy(from, 0, p, 12, 4);
        System.arraycopy(to, 0, p, 16, 4);
        put16(p, 10, ~sum(p, 0, IPV4_HEADER, 0) & 0xFFFF);
        return p;
    }

    private static boolean isV6(InetSocketAddress src, InetSocketAddress dst) {
        return src.getAddress().getAddress().length == 16 || dst.getAddress().getAddress().length == 16;
    }

    private static byte[] address(InetSocketAddress a, boolean v6) {
        byte[] raw = a.getAddress().getAddress();
        if (!v6 || raw.length == 16) {
            return raw;
        }
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xFF;
        mapped[11] = (byte) 0xFF;
        System.arraycopy(raw, 0, mapped, 12, 4);
        return mapped;
    }

    /**
     * The TCP/UDP checksum of the segment at {@code t}: the one's complement sum of the
     * pseudo-header (addresses, protocol, segment length) and the segment, its checksum field zero.
     */
    private static int transportChecksum(byte[] p, int t) {
        int length = p.length - t;
        int pseudo;
        if (t == IPV6_HEADER) {
            pseudo = sum(p, 8, 40, 0) + (length >>> 16) + (length & 0xFFFF) + (p[6] & 0xFF);
        } else {
            pseudo = sum(p, 12, 20, 0) + length + (p[9] & 0xFF);
        }
        return ~sum(p, t, p.length, pseudo) & 0xFFFF;
    }

    /** Adds the 16-bit big-endian words of {@code p[from..to)} to {@code acc} and folds the carries. */
    private static int sum(byte[] p, int from, int to, int acc) {
        long s = acc & 0xFFFFFFFFL;
        int i = from;
        for (; i + 1 < to; i += 2) {
            s += (p[i] & 0xFF) << 8 | p[i + 1] & 0xFF;
        }
        if (i < to) {
            s += (p[i] & 0xFF) << 8;
        }
        while (s >>> 16 != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    private static void put16(byte[] p, int at, int v) {
        p[at] = (byte) (v >>> 8);
        p[at + 1] = (byte) v;
    }

    private static void put32(byte[] p, int at, int v) {
        put16(p, at, v >>> 16);
        put16(p, at + 2, v);
    }
}
