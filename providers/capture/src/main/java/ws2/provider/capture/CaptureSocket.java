package ws2.provider.capture;

import java.net.InetSocketAddress;

import ws2.api.SockAddr;
import ws2.api.SocketType;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.layer.LayeredSocket;
import ws2.spi.layer.Lower;

/**
 * A socket of the capture layer: the handle context ({@code WPUQuerySocketHandleContext}) of a
 * {@link LayeredSocket}, which turns what the socket moves into packets of its kind. A stream
 * socket records TCP segments through its {@link TcpFlow}, made at {@code WSPConnect} or
 * {@code WSPAccept} while capture is on, or else at the first data recorded (a connection made by
 * {@code ConnectEx}/{@code AcceptEx}, or before capture was turned on, has no handshake). A
 * datagram socket records one UDP packet per datagram. Sockets of other types record nothing.
 *
 * <p>The addresses come from the lower socket ({@code WSPGetSockName}, {@code WSPGetPeerName});
 * a datagram's own address is read for each datagram, since the first {@code WSPSendTo} may bind
 * the socket, and a socket bound to the wildcard address records it as such ({@code 0.0.0.0},
 * {@code ::}). Called on any thread.
 */
final class CaptureSocket extends LayeredSocket {
    private volatile TcpFlow flow;

    /**
     * Creates the state of a new socket.
     *
     * @param lower the socket below
     * @param entry the chain entry
     */
    CaptureSocket(Lower lower, ProtocolInfo entry) {
        super(lower, entry);
    }

    private boolean stream() {
        return entry().socketType() == SocketType.SOCK_STREAM;
    }

    private boolean datagram() {
        return entry().socketType() == SocketType.SOCK_DGRAM;
    }

    /**
     * Records the handshake of a stream connection just made; a datagram socket's connect only
     * sets its default peer, and records nothing.
     *
     * @param out the capture
     * @param active true after {@code WSPConnect}/{@code ConnectEx}, false after {@code WSPAccept}
     * @throws WsaException if the lower socket cannot tell its addresses
     */
    void opened(PcapngWriter out, boolean active) throws WsaException {
        if (stream()) {
            TcpFlow f = new TcpFlow(local(), remote());
            flow = f;
            f.opened(out, active);
        }
    }

    /**
     * Records data the socket sent.
     *
     * @param out the capture
     * @param data the bytes sent
     * @param to the datagram's destination, or null for the connected peer
     * @throws WsaException if the lower socket cannot tell its addresses
     */
    void sent(PcapngWriter out, byte[] data, SockAddr to) throws WsaException {
        if (stream()) {
            flow().sent(out, data);
        } else if (datagram()) {
            out.packet(PcapngWriter.OUTBOUND, Packets.udp(local(), to == null ? remote() : to.toInet(), data));
        }
    }

    /**
     * Records data the socket received.
     *
     * @param out the capture
     * @param data the bytes received
     * @param end true when a stream receive returned 0 into a non-empty buffer: the peer's graceful close
     * @param from the datagram's sender, or null for the connected peer
     * @throws WsaException if the lower socket cannot tell its addresses
     */
    void received(PcapngWriter out, byte[] data, boolean end, SockAddr from) throws WsaException {
        if (stream()) {
            if (end) {
                flow().finished(out, false);
            } else {
                flow().received(out, data);
            }
        } else if (datagram()) {
            out.packet(PcapngWriter.INBOUND, Packets.udp(from == null ? remote() : from.toInet(), local(), data));
        }
    }

    /**
     * Records that the socket finished sending (shutdown or close): a {@code FIN}, if its
     * connection has been recorded.
     *
     * @param out the capture
     */
    void finished(PcapngWriter out) {
        TcpFlow f = flow;
        if (f != null) {
            f.finished(out, true);
        }
    }

    /** The flow, made from the lower socket's addresses on first use. */
    private TcpFlow flow() throws WsaException {
        TcpFlow f = flow;
        if (f == null) {
            synchronized (this) {
                f = flow;
                if (f == null) {
                    f = new TcpFlow(local(), remote());
                    flow = f;
                }
            }
        }
        return f;
    }

    private InetSocketAddress local() throws WsaException {
        Lower l = lower();
        return l.dispatch().getSockName(l.handle()).toInet();
    }

    private InetSocketAddress remote() throws WsaException {
        Lower l = lower();
        return l.dispatch().getPeerName(l.handle()).toInet();
    }
}
