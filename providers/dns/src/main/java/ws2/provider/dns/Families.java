package ws2.provider.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.stream.Collectors;

import org.xbill.DNS.Type;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.SockAddr;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * What a query's {@code lpafpProtocols} ask of {@code NS_DNS}: which address records to query (A
 * for {@code AF_INET}, AAAA for {@code AF_INET6}, both for {@code AF_UNSPEC} or no restriction)
 * and the socket type and protocol of the {@code CSADDR_INFO}s returned ({@code SOCK_DGRAM}/
 * {@code IPPROTO_UDP} when every restriction names UDP, otherwise {@code SOCK_STREAM}/
 * {@code IPPROTO_TCP}, as the Windows DNS provider fills them).
 *
 * @param recordTypes dnsjava {@code Type.A} and/or {@code Type.AAAA}, A first
 * @param socketType the {@code iSocketType} of the results
 * @param protocol the {@code iProtocol} of the results
 */
record Families(List<Integer> recordTypes, int socketType, int protocol) {
    /** Copies the types. */
    Families {
        recordTypes = List.copyOf(recordTypes);
    }

    /**
     * Reads the restrictions of a query.
     *
     * @param protocols the {@code AFPROTOCOLS}, empty for any
     * @return what to ask and return
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} if no restriction names an IP family
     */
    static Families of(List<AfProtocols> protocols) throws WsaException {
        boolean v4 = protocols.isEmpty();
        boolean v6 = protocols.isEmpty();
        boolean udp = !protocols.isEmpty();
        for (AfProtocols p : protocols) {
            v4 |= p.family() == AddressFamily.AF_INET || p.family() == AddressFamily.AF_UNSPEC;
            v6 |= p.family() == AddressFamily.AF_INET6 || p.family() == AddressFamily.AF_UNSPEC;
            udp &= p.protocol() == IpProtocol.IPPROTO_UDP;
        }
        if (!v4 && !v6) {
            throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "NS_DNS returns only AF_INET and AF_INET6"
                    + " addresses, the query asks for " + protocols);
        }
        List<Integer> types = v4 && v6 ? List.of(Type.A, Type.AAAA) : List.of(v4 ? Type.A : Type.AAAA);
        return udp ? new Families(types, SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP)
                : new Families(types, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP);
    }

    /**
     * The same families with another transport, for a service record naming its protocol.
     *
     * @param type the socket type
     * @param proto the protocol
     * @return the families
     */
    Families over(int type, int proto) {
        return new Families(recordTypes, type, proto);
    }

    /**
     * Makes one result address.
     *
     * @param ip the address
     * @param port the port, 0 for a host lookup
     * @return the {@code CSADDR_INFO}, with no local address
     */
    CsAddrInfo address(InetAddress ip, int port) {
        return new CsAddrInfo(null, SockAddr.of(ip, port), socketType, protocol);
    }

    /**
     * Names the record types, for messages.
     *
     * @return {@code "A"}, {@code "AAAA"} or {@code "A/AAAA"}
     */
    String describe() {
        return recordTypes.stream().map(Type::string).collect(Collectors.joining("/"));
    }
}
