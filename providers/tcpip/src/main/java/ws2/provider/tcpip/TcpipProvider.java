package ws2.provider.tcpip;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SockAddr.SOCKADDR_IN6_LENGTH;
import static ws2.api.SockAddr.SOCKADDR_IN_LENGTH;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_STREAM;
import static ws2.catalog.ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO;

import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import ws2.api.WsaData;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ServiceFlags;
import ws2.catalog.annotations.ProviderId;
import ws2.catalog.annotations.TransportProtocol;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * The base transport provider of ws2: TCP and UDP over IPv4 and IPv6 on java.nio, with IFS
 * handles (each socket's {@link ws2.api.IfsHandle} carries its real JDK channel).
 *
 * <p>A DS component; its catalog entries are the four {@link TransportProtocol} declarations,
 * written into the manifest at build time. The service flags say only what java.nio delivers: no
 * {@code XP1_EXPEDITED_DATA}, since java.nio cannot receive urgent data apart from the stream. The
 * UDP entries support multipoint as IP multicast does on Windows: non-rooted control and data
 * planes, so neither {@code XP1_MULTIPOINT_CONTROL_PLANE} nor {@code XP1_MULTIPOINT_DATA_PLANE}. The component holds no state: each
 * {@link #startup WSPStartup} returns a new dispatch that lives until its {@code WSPCleanup}, also
 * after this component is deactivated.
 */
@Component(service = TransportProvider.class)
@ProviderId(TcpipProvider.ID)
@TransportProtocol(providerId = TcpipProvider.ID, name = "ws2 Tcpip [TCP/IP]", family = AF_INET, type = SOCK_STREAM,
        protocol = IPPROTO_TCP, serviceFlags = TcpipProvider.STREAM_FLAGS, providerFlags = PFL_MATCHES_PROTOCOL_ZERO,
        minSockAddr = SOCKADDR_IN_LENGTH, maxSockAddr = SOCKADDR_IN_LENGTH)
@TransportProtocol(providerId = TcpipProvider.ID, name = "ws2 Tcpip [UDP/IP]", family = AF_INET, type = SOCK_DGRAM,
        protocol = IPPROTO_UDP, serviceFlags = TcpipProvider.DATAGRAM_FLAGS, providerFlags = PFL_MATCHES_PROTOCOL_ZERO,
        minSockAddr = SOCKADDR_IN_LENGTH, maxSockAddr = SOCKADDR_IN_LENGTH, messageSize = TcpipProvider.UDP_MESSAGE_SIZE)
@TransportProtocol(providerId = TcpipProvider.ID, name = "ws2 Tcpip [TCP/IPv6]", family = AF_INET6, type = SOCK_STREAM,
        protocol = IPPROTO_TCP, serviceFlags = TcpipProvider.STREAM_FLAGS, providerFlags = PFL_MATCHES_PROTOCOL_ZERO,
        minSockAddr = SOCKADDR_IN6_LENGTH, maxSockAddr = SOCKADDR_IN6_LENGTH)
@TransportProtocol(providerId = TcpipProvider.ID, name = "ws2 Tcpip [UDP/IPv6]", family = AF_INET6, type = SOCK_DGRAM,
        protocol = IPPROTO_UDP, serviceFlags = TcpipProvider.DATAGRAM_FLAGS, providerFlags = PFL_MATCHES_PROTOCOL_ZERO,
        minSockAddr = SOCKADDR_IN6_LENGTH, maxSockAddr = SOCKADDR_IN6_LENGTH, messageSize = TcpipProvider.UDP_MESSAGE_SIZE)
public final class TcpipProvider implements TransportProvider {
    /** The provider GUID: the catalog entries' {@code ProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "967ff64b-ea79-48f1-bd0c-d369a4d23c18";

    /** {@code dwServiceFlags1} of the TCP entries. */
    static final int STREAM_FLAGS = ServiceFlags.XP1_IFS_HANDLES | ServiceFlags.XP1_GRACEFUL_CLOSE
            | ServiceFlags.XP1_GUARANTEED_ORDER | ServiceFlags.XP1_GUARANTEED_DELIVERY;
    /** {@code dwServiceFlags1} of the UDP entries. */
    static final int DATAGRAM_FLAGS = ServiceFlags.XP1_IFS_HANDLES | ServiceFlags.XP1_SUPPORT_BROADCAST
            | ServiceFlags.XP1_SUPPORT_MULTIPOINT | ServiceFlags.XP1_MESSAGE_ORIENTED | ServiceFlags.XP1_CONNECTIONLESS;
    /** {@code dwMessageSize} of the UDP entries, as the Windows TCP/IP provider declares it. */
    static final int UDP_MESSAGE_SIZE = 65467;
    /** {@code szDescription} of the {@code WSPDATA}. */
    static final String DESCRIPTION = "ws2 tcpip provider";

    /** The sockets {@code WSPDuplicateSocket} offered to other contexts, shared by every dispatch. */
    private final SharedSockets shared = new SharedSockets();

    /** Creates the component; it starts nothing. */
    @Activate
    public TcpipProvider() {
        // every WSPStartup makes its own dispatch; they share only the duplicated sockets
    }

    /**
     * {@code WSPStartup}: accepts SPI version 2.2 and later and returns a new dispatch for the
     * client context, negotiated at 2.2.
     *
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo protocolInfo, Upcall upcall) throws WsaException {
        WsaData data = TransportProvider.negotiate(versionRequested, DESCRIPTION);
        Objects.requireNonNull(upcall, "upcall");
        return new TcpipDispatch(upcall, data, shared);
    }
}
