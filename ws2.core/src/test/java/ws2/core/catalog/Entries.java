package ws2.core.catalog;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_STREAM;

import java.util.List;
import java.util.UUID;

import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.catalog.ServiceFlags;

/** Test entries shaped like the tcpip provider's. */
final class Entries {
    static final UUID TCPIP = UUID.fromString("00000000-0000-0000-0000-00000000a001");
    static final UUID OTHER = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final UUID LSP = UUID.fromString("00000000-0000-0000-0000-00000000c003");

    private Entries() {
    }

    static ProtocolInfo entry(int af, int type, int proto, String name) {
        return ProtocolInfo.builder()
                .triple(af, type, proto)
                .serviceFlags1(ServiceFlags.XP1_IFS_HANDLES)
                .providerFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO)
                .sockAddrLengths(16, af == AF_INET6 ? 28 : 16)
                .protocolName(name)
                .build();
    }

    static List<ProtocolInfo> tcpip() {
        return List.of(entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, "Tcpip [TCP/IP]"),
                entry(AF_INET, SOCK_DGRAM, IPPROTO_UDP, "Tcpip [UDP/IP]"),
                entry(AF_INET6, SOCK_STREAM, IPPROTO_TCP, "Tcpip [TCP/IPv6]"));
    }
}
