package ws2.provider.capture;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * The TCP conversation of one connected stream socket as its capture shows it: the two endpoints
 * and the next sequence number of each direction, so the segments synthesized for its
 * {@code WSPSend} and {@code WSPRecv} data follow each other and acknowledge each other the way
 * real ones would, and Wireshark reassembles the stream.
 *
 * <p>Each direction starts at an initial sequence number derived from its endpoints alone, so the
 * client's and the server's captures of one connection (both ends running through the layer)
 * number the same bytes the same way. A send or receive larger than one packet is cut into
 * segments of at most {@link Packets#MAX_TCP_PAYLOAD} bytes. Each direction is finished
 * ({@code FIN}) at most once.
 *
 * <p>Thread-safe: a socket may send on one thread while it receives on another; each record
 * advances its direction and writes its segments under the flow's lock.
 */
final class TcpFlow {
    private static final byte[] NO_DATA = {};

    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private int localNext; // guarded by this
    private int remoteNext; // guarded by this
    private boolean localFinished; // guarded by this
    private boolean remoteFinished; // guarded by this

    /**
     * Creates the flow of a connected socket.
     *
     * @param local the socket's own address ({@code WSPGetSockName})
     * @param remote its peer's address ({@code WSPGetPeerName})
     */
    TcpFlow(InetSocketAddress local, InetSocketAddress remote) {
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.localNext = initialSequence(local, remote) + 1;
        this.remoteNext = initialSequence(remote, local) + 1;
    }

    /**
     * The initial sequence number of the direction from one endpoint to another: a mix of their
     * addresses and ports, the same whichever end computes it.
     *
     * @param from the sender
     * @param to the receiver
     * @return the number
     */
    static int initialSequence(InetSocketAddress from, InetSocketAddress to) {
        int h = Arrays.hashCode(from.getAddress().getAddress());
        h = 31 * h + from.getPort();
        h = 31 * h + Arrays.hashCode(to.getAddress().getAddress());
        h = 31 * h + to.getPort();
        h ^= h >>> 16; // murmur3's finalizer spreads neighbouring ports over the whole range
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        return h ^ h >>> 16;
    }

    /**
     * Records the three-way handshake of a connection just made.
     *
     * @param out the capture
     * @param active true when this socket connected ({@code WSPConnect}), false when it was
     *        accepted ({@code WSPAccept})
     */
    synchronized void opened(PcapngWriter out, boolean active) {
        int localIsn = localNext - 1;
        int remoteIsn = remoteNext - 1;
        if (active) {
            segment(out, true, localIsn, 0, Packets.SYN, NO_DATA, 0, 0);
            segment(out, false, remoteIsn, localNext, Packets.SYN | Packets.ACK, NO_DATA, 0, 0);
            segment(out, true, localNext, remoteNext, Packets.ACK, NO_DATA, 0, 0);
        } else {
            segment(out, false, remoteIsn, 0, Packets.SYN, NO_DATA, 0, 0);
            segment(out, true, localIsn, remoteNext, Packets.SYN | Packets.ACK, NO_DATA, 0, 0);
            segment(out, false, remoteNext, localNext, Packets.ACK, NO_DATA, 0, 0);
        }
    }

    /**
     * Records data the socket sent.
     *
     * @param out the capture
     * @param data the bytes the lower provider took
     */
    synchronized void sent(PcapngWriter out, byte[] data) {
        for (int at = 0; at < data.length; at += Packets.MAX_TCP_PAYLOAD) {
            int length = Math.min(Packets.MAX_TCP_PAYLOAD, data.length - at);
            segment(out, true, localNext, remoteNext, Packets.PSH | Packets.ACK, data, at, length);
            localNext += length;
        }
    }

    /**
     * Records data the socket received.
     *
     * @param out the capture
     * @param data the bytes the lower provider delivered
     */
    synchronized void received(PcapngWriter out, byte[] data) {
        for (int at = 0; at < data.length; at += Packets.MAX_TCP_PAYLOAD) {
            int length = Math.min(Packets.MAX_TCP_PAYLOAD, data.length - at);
            segment(out, false, remoteNext, localNext, Packets.PSH | Packets.ACK, data, at, length);
            remoteNext += length;
        }
    }

    /**
     * Records the end of one direction ({@code FIN}), once.
     *
     * @param out the capture
     * @param byLocal true when this socket shut down sending or closed, false when a receive
     *        found the peer's graceful close
     */
    synchronized void finished(PcapngWriter out, boolean byLocal) {
        if (byLocal && !localFinished) {
            localFinished = true;
            segment(out, true, localNext++, remoteNext, Packets.FIN | Packets.ACK, NO_DATA, 0, 0);
        } else if (!byLocal && !remoteFinished) {
            remoteFinished = true;
            segment(out, false, remoteNext++, localNext, Packets.FIN | Packets.ACK, NO_DATA, 0, 0);
        }
    }

    private void segment(PcapngWriter out, boolean outbound, int seq, int ack, int flags, byte[] data, int offset,
            int length) {
        InetSocketAddress src = outbound ? local : remote;
        InetSocketAddress dst = outbound ? remote : local;
        out.packet(outbound ? PcapngWriter.OUTBOUND : PcapngWriter.INBOUND,
                Packets.tcp(src, dst, seq, ack, flags, data, offset, length));
    }
}
