package ws2.provider.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Address;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Parses the configured DNS servers, the addresses Windows keeps as an interface's
 * {@code NameServer} list: IP literals only, since naming a DNS server by a name would need DNS.
 */
final class ServerAddress {
    /** The DNS port, used when a server names none. */
    static final int DNS_PORT = 53;

    private ServerAddress() {
    }

    /**
     * Parses every configured value, each holding one or more servers separated by commas or blanks.
     *
     * @param values the configured values
     * @return the servers, in order
     * @throws WsaException {@code WSAEINVAL} naming the first malformed server
     */
    static List<InetSocketAddress> parseAll(List<String> values) throws WsaException {
        List<InetSocketAddress> servers = new ArrayList<>();
        for (String value : values) {
            for (String server : value.trim().split("[,\\s]+")) {
                if (!server.isEmpty()) {
                    servers.add(parse(server));
                }
            }
        }
        return servers;
    }

    /**
     * Parses one server: {@code 192.0.2.53}, {@code 192.0.2.53:5353}, {@code 2001:db8::53} or
     * {@code [2001:db8::53]:5353}.
     *
     * @param server the text
     * @return the address, port 53 when none is given
     * @throws WsaException {@code WSAEINVAL} if it is not an IP literal with an optional port in 1..65535
     */
    static InetSocketAddress parse(String server) throws WsaException {
        String host = server;
        String port = null;
        int colon = server.lastIndexOf(':');
        if (server.startsWith("[")) {
            int close = server.indexOf(']');
            host = close < 0 ? "" : server.substring(1, close);
            port = close < 0 || close == server.length() - 1 ? null
                    : server.charAt(close + 1) == ':' ? server.substring(close + 2) : "";
        } else if (colon >= 0 && colon == server.indexOf(':')) {
            host = server.substring(0, colon);
            port = server.substring(colon + 1);
        }
        return new InetSocketAddress(ip(host, server), port == null ? DNS_PORT : port(port, server));
    }

    private static InetAddress ip(String host, String server) throws WsaException {
        try {
            return Address.getByAddress(host);
        } catch (UnknownHostException e) {
            throw invalid(server, "'" + host + "' is not an IPv4 or IPv6 literal");
        }
    }

    private static int port(String port, String server) throws WsaException {
        try {
            int p = Integer.parseInt(port);
            if (p >= 1 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below with the whole value
        }
        throw invalid(server, "'" + port + "' is not a port in 1..65535");
    }

    private static WsaException invalid(String server, String why) {
        return new WsaException(WsaError.WSAEINVAL, "DNS server '" + server + "': " + why
                + " (expected 192.0.2.53, 192.0.2.53:5353 or [2001:db8::53]:5353)");
    }
}
