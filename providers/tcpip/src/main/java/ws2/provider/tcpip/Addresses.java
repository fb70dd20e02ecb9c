package ws2.provider.tcpip;


import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

import ws2.api.AddressFamily;
import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * IP socket addresses: checks of {@link SockAddr} arguments and the numeric text forms of
 * {@code WSPAddressToString} and {@code WSPStringToAddress}.
 *
 * <p>Parsing is done here, character by character, and the result is built with
 * {@link InetAddress#getByAddress(byte[])}: text is never handed to {@link InetAddress#getByName},
 * so a host name is refused without a name lookup.
 */
final class Addresses {
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_GROUPS = 8;

    private Addresses() {
    }

    /**
     * Converts a socket address argument, checking its family.
     *
     * @param name the argument
     * @param family the socket's family
     * @param mismatch the code for an address of another family ({@code WSAEFAULT} for bind,
     *        {@code WSAEAFNOSUPPORT} for connect and send)
     * @param function the {@code WSP*} function, for the message
     * @return the IP socket address
     * @throws WsaException {@code mismatch} if the family differs
     */
    static InetSocketAddress inet(SockAddr name, int family, WsaError mismatch, String function) throws WsaException {
        if (name == null || name.family() != family) {
            throw new WsaException(mismatch, function + " needs an " + AddressFamily.name(family) + " address, got "
                    + (name == null ? "none" : AddressFamily.name(name.family()) + " address " + name));
        }
        return name.toInet();
    }

    /**
     * Converts a peer address argument: of the socket's family, neither the wildcard address nor
     * port 0.
     *
     * @param name the argument
     * @param family the socket's family
     * @param function the {@code WSP*} function, for the message
     * @return the IP socket address
     * @throws WsaException {@code WSAEAFNOSUPPORT} for another family, {@code WSAEADDRNOTAVAIL} for
     *         an address no peer can have
     */
    static InetSocketAddress remote(SockAddr name, int family, String function) throws WsaException {
        InetSocketAddress remote = inet(name, family, WsaError.WSAEAFNOSUPPORT, function);
        if (isWildcard(remote) || remote.getPort() == 0) {
            throw new WsaException(WsaError.WSAEADDRNOTAVAIL, function + " needs a peer address, not " + name);
        }
        return remote;
    }

    /**
     * Tells whether an address is the all-zero address ({@code INADDR_ANY}, {@code in6addr_any}).
     *
     * @param address the address
     * @return true for the wildcard address, whatever the port
     */
    static boolean isWildcard(InetSocketAddress address) {
        return address.getAddress().isAnyLocalAddress();
    }

    /**
     * {@code WSPAddressToString}: {@code 127.0.0.1:7}, {@code [::1]:7}, or without the port when it is 0.
     *
     * @param address the address
     * @param family the family of the catalog entry translating it
     * @return the numeric text
     * @throws WsaException {@code WSAEINVAL} if the address is not of that family
     */
    static String format(SockAddr address, int family) throws WsaException {
        if (address == null || address.family() != family) {
            throw new WsaException(WsaError.WSAEINVAL, "WSPAddressToString of an " + AddressFamily.name(family)
                    + " entry cannot format " + (address == null ? "a missing address" : address.toString()));
        }
        int port = address.toInet().getPort();
        if (port == 0) {
            return address.host();
        }
        return address.toString();
    }

    /**
     * {@code WSPStringToAddress}: parses {@code a.b.c.d[:port]} for {@code AF_INET} and
     * {@code addr[%scope]} or {@code [addr[%scope]][:port]} for {@code AF_INET6}; the port defaults to 0.
     *
     * @param text the text
     * @param family {@code AF_INET} or {@code AF_INET6}
     * @return the address
     * @throws WsaException {@code WSAEINVAL} if the text is not a numeric address of that family
     */
    static SockAddr parse(String text, int family) throws WsaException {
        if (text == null) {
            throw invalid("null", family);
        }
        if (family == AddressFamily.AF_INET) {
            int colon = text.indexOf(':');
            byte[] ip = parseIpv4(colon < 0 ? text : text.substring(0, colon));
            if (ip == null) {
                throw invalid(text, family);
            }
            return SockAddr.of(byAddress(ip, -1), colon < 0 ? 0 : port(text, colon + 1, family));
        }
        int port = 0;
        String host = text;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 < text.length() && text.charAt(close + 1) != ':') {
                throw invalid(text, family);
            }
            port = close + 1 < text.length() ? port(text, close + 2, family) : 0;
            host = text.substring(1, close);
        }
        int percent = host.indexOf('%');
        int scope = percent < 0 ? -1 : scope(text, host.substring(percent + 1), family);
        byte[] ip = parseIpv6(percent < 0 ? host : host.substring(0, percent));
        if (ip == null) {
            throw invalid(text, family);
        }
        return SockAddr.of(byAddress(ip, scope), port);
    }

    private static WsaException invalid(String text, int family) {
        String form = family == AddressFamily.AF_INET ? "a.b.c.d[:port]" : "addr[%scope] or [addr[%scope]]:port";
        return new WsaException(WsaError.WSAEINVAL, "\"" + text + "\" is not a numeric " + AddressFamily.name(family)
                + " address (" + form + "); names are never looked up");
    }

    private static int port(String text, int from, int family) throws WsaException {
        return number(text, text, from, text.length(), 0xFFFF, family);
    }

    private static int scope(String text, String scope, int family) throws WsaException {
        return number(text, scope, 0, scope.length(), Integer.MAX_VALUE, family);
    }

    private static int number(String text, String s, int from, int to, int max, int family) throws WsaException {
        int value = decimal(s, from, to, max);
        if (value < 0) {
            throw invalid(text, family);
        }
        return value;
    }

    /** Parses 1 to 10 decimal digits up to {@code max}; -1 if the text is anything else. */
    private static int decimal(String s, int from, int to, int max) {
        if (from >= to || to - from > 10) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value > max ? -1 : (int) value;
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return null;
        }
        byte[] ip = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            int b = parts[i].length() > 3 ? -1 : decimal(parts[i], 0, parts[i].length(), 255);
            if (b < 0) {
                return null;
            }
            ip[i] = (byte) b;
        }
        return ip;
    }

    private static byte[] parseIpv6(String s) {
        int gap = s.indexOf("::");
        if (gap >= 0 && (s.indexOf("::", gap + 1) >= 0 || s.lastIndexOf('.', gap) >= 0)) {
            // at most one "::", and an embedded IPv4 address only at the end
            return null;
        }
        int[] head = groups(gap < 0 ? s : s.substring(0, gap));
        int[] tail = gap < 0 ? new int[0] : groups(s.substring(gap + 2));
        if (head == null || tail == null) {
            return null;
        }
        int given = head.length + tail.length;
        if (gap < 0 ? given != IPV6_GROUPS : given >= IPV6_GROUPS) {
            return null;
        }
        byte[] ip = new byte[2 * IPV6_GROUPS];
        for (int i = 0; i < head.length; i++) {
            putGroup(ip, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            putGroup(ip, IPV6_GROUPS - tail.length + i, tail[i]);
        }
        return ip;
    }

    /** Parses colon-separated hex groups, the last of which may be a dotted IPv4 address (two groups). */
    private static int[] groups(String s) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        boolean dotted = parts[parts.length - 1].indexOf('.') >= 0;
        int[] groups = new int[parts.length + (dotted ? 1 : 0)];
        for (int i = 0; i < parts.length - (dotted ? 1 : 0); i++) {
            if (parts[i].isEmpty() || parts[i].length() > 4) {
                return null;
            }
            int g = 0;
            for (int k = 0; k < parts[i].length(); k++) {
                int digit = Character.digit(parts[i].charAt(k), 16);
                if (digit < 0) {
                    return null;
                }
                g = g << 4 | digit;
            }
            groups[i] = g;
        }
        if (dotted) {
            byte[] v4 = parseIpv4(parts[parts.length - 1]);
            if (v4 == null) {
                return null;
            }
            groups[groups.length - 2] = (v4[0] & 0xFF) << 8 | v4[1] & 0xFF;
            groups[groups.length - 1] = (v4[2] & 0xFF) << 8 | v4[3] & 0xFF;
        }
        return groups;
    }

    private static void putGroup(byte[] ip, int index, int group) {
        ip[2 * index] = (byte) (group >>> 8);
        ip[2 * index + 1] = (byte) group;
    }

    private static InetAddress byAddress(byte[] ip, int scope) {
        try {
            // Inet6Address.getByAddress keeps an IPv4-mapped address IPv6; -1 means "no scope"
            return ip.length == IPV4_BYTES ? InetAddress.getByAddress(ip) : Inet6Address.getByAddress(null, ip, scope);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }
}
