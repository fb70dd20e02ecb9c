package ws2.core.namespace;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import ws2.api.AddrInfo;
import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.SockAddr;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * {@code GetAddrInfoW} over the namespace providers: a host name is looked up in every namespace
 * ({@code NS_ALL}, namespace order) for its addresses, a numeric host is converted without a
 * lookup, and each address becomes one {@link AddrInfo} per socket type, with the service's port.
 */
final class AddressResolver {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private AddressResolver() {
    }

    static List<AddrInfo> resolve(NameResolution names, String node, String service, int family, int socketType)
            throws WsaException {
        int port = port(service);
        if (family != AddressFamily.AF_UNSPEC && family != AddressFamily.AF_INET && family != AddressFamily.AF_INET6) {
            throw new WsaException(WsaError.WSAEAFNOSUPPORT, "getaddrinfo resolves AF_UNSPEC, AF_INET or AF_INET6, not "
                    + AddressFamily.name(family));
        }
        int[][] types = types(socketType);
        if (node == null || node.isEmpty()) {
            throw new WsaException(WsaError.WSAHOST_NOT_FOUND, "getaddrinfo needs a host name or address");
        }
        String canonical = null;
        Set<InetAddress> addresses = new LinkedHashSet<>();
        InetAddress literal = literal(node);
        if (literal != null) {
            addresses.add(literal);
        } else {
            canonical = lookUp(names, node, family, addresses);
        }
        List<AddrInfo> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            int f = a.getAddress().length == 4 ? AddressFamily.AF_INET : AddressFamily.AF_INET6;
            if (family != AddressFamily.AF_UNSPEC && f != family) {
                continue;
            }
            for (int[] t : types) {
                out.add(new AddrInfo(f, t[0], t[1], canonical, SockAddr.of(a, port)));
            }
        }
        if (out.isEmpty()) {
            throw new WsaException(WsaError.WSANO_DATA, "host '" + node + "' has no " + AddressFamily.name(family)
                    + " address");
        }
        return out;
    }

    private static String lookUp(NameResolution names, String node, int family, Set<InetAddress> into)
            throws WsaException {
        QuerySet q = QuerySet.hostQuery(node, NameSpaces.NS_ALL).toBuilder()
                .protocols(family == AddressFamily.AF_UNSPEC ? List.of() : List.of(new AfProtocols(family, 0))).build();
        int flags = LookupFlags.LUP_RETURN_ADDR | LookupFlags.LUP_RETURN_NAME;
        LookupHandle h;
        try {
            h = names.begin(q, flags);
        } catch (WsaException e) {
            throw notFound(node, e);
        }
        String canonical = null;
        try {
            while (true) {
                QuerySet r = names.next(h, flags);
                if (canonical == null && (r.outputFlags() & LookupFlags.RESULT_IS_ALIAS) == 0) {
                    canonical = r.instanceName();
                }
                for (CsAddrInfo a : r.addresses()) {
                    if (a.remoteAddr().isInet()) {
                        into.add(a.remoteAddr().toInet().getAddress());
                    }
                }
            }
        } catch (WsaException e) {
            if (e.error() != WsaError.WSA_E_NO_MORE) {
                throw notFound(node, e);
            }
        } finally {
            names.end(h);
        }
        if (into.isEmpty()) {
            throw new WsaException(WsaError.WSAHOST_NOT_FOUND, "no namespace provider knows host '" + node + "'");
        }
        return canonical;
    }

    private static WsaException notFound(String node, WsaException e) {
        if (e.error() == WsaError.WSASERVICE_NOT_FOUND || e.error() == WsaError.WSA_E_NO_MORE) {
            return new WsaException(WsaError.WSAHOST_NOT_FOUND, "no namespace provider knows host '" + node + "': "
                    + e.getMessage(), e);
        }
        return e;
    }

    private static InetAddress literal(String node) {
        if (!IPV4.matcher(node).matches() && node.indexOf(':') < 0) {
            return null;
        }
        try {
            return InetAddress.getByName(node.startsWith("[") && node.endsWith("]")
                    ? node.substring(1, node.length() - 1) : node);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static int port(String service) throws WsaException {
        if (service == null || service.isEmpty()) {
            return 0;
        }
        try {
            int p = Integer.parseInt(service);
            if (p >= 0 && p <= 0xFFFF) {
                return p;
            }
        } catch (NumberFormatException e) {
            // named services are not resolved: reported below
        }
        throw new WsaException(WsaError.WSATYPE_NOT_FOUND, "service '" + service + "' is not a port number 0..65535");
    }

    private static int[][] types(int socketType) throws WsaException {
        int[] stream = {SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP};
        int[] dgram = {SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP};
        switch (socketType) {
            case 0: return new int[][] {stream, dgram};
            case SocketType.SOCK_STREAM: return new int[][] {stream};
            case SocketType.SOCK_DGRAM: return new int[][] {dgram};
            default:
                throw new WsaException(WsaError.WSAESOCKTNOSUPPORT, "getaddrinfo gives stream and datagram sockets, not "
                        + SocketType.name(socketType));
        }
    }
}
