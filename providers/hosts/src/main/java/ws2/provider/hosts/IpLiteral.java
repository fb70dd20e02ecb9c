package ws2.provider.hosts;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * A strict parser of IP address literals, the text forms {@code InetPtonW} accepts: dotted-decimal
 * IPv4 ({@code 10.0.0.1}: four parts 0-255, no leading zeros) and RFC 4291 IPv6 (up to eight
 * groups of 1-4 hex digits, one {@code ::}, an optional dotted IPv4 tail and an optional numeric
 * {@code %scope}). It never looks a name up: anything else is not a literal.
 *
 * <p>A 16-byte address always stays an {@link Inet6Address}, IPv4-mapped ones included, so its
 * {@code SockAddr} is {@code AF_INET6}. Stateless and thread-safe.
 */
final class IpLiteral {
    private static final int IPV6_GROUPS = 8;

    private IpLiteral() {
    }

    /**
     * Parses an address literal.
     *
     * @param text the text
     * @return the address, or null if {@code text} is not an IPv4 or IPv6 literal
     */
    static InetAddress parse(String text) {
        try {
            if (text.indexOf(':') >= 0) {
                return parse6(text);
            }
            byte[] b = new byte[4];
            return parse4(text, 0, text.length(), b, 0) ? InetAddress.getByAddress(b) : null;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    private static InetAddress parse6(String s) throws UnknownHostException {
        int end = s.indexOf('%');
        int scope = -1;
        if (end >= 0) {
            scope = scope(s, end + 1);
            if (scope < 0) {
                return null;
            }
        } else {
            end = s.length();
        }
        byte[] b = new byte[16];
        int groups = 0;
        int gap = -1;
        int i = 0;
        if (s.startsWith("::")) {
            gap = 0;
            i = 2;
        }
        while (i < end) {
            int j = i;
            int value = 0;
            while (j < end && j - i <= 4 && Character.digit(s.charAt(j), 16) >= 0) {
                value = value << 4 | Character.digit(s.charAt(j), 16);
                j++;
            }
            if (j < end && s.charAt(j) == '.') {
                if (groups > IPV6_GROUPS - 2 || !parse4(s, i, end, b, 2 * groups)) {
                    return null;
                }
                groups += 2;
                break;
            }
            if (j == i || j - i > 4 || groups == IPV6_GROUPS) {
                return null;
            }
            b[2 * groups] = (byte) (value >>> 8);
            b[2 * groups + 1] = (byte) value;
            groups++;
            if (j == end) {
                break;
            }
            if (s.charAt(j) != ':' || j + 1 == end) {
                return null;
            }
            i = j + 1;
            if (s.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = groups;
                i++;
            }
        }
        if (gap < 0 ? groups != IPV6_GROUPS : groups == IPV6_GROUPS) {
            return null;
        }
        if (gap >= 0) {
            int tail = 2 * (groups - gap);
            System.arraycopy(b, 2 * gap, b, 16 - tail, tail);
            Arrays.fill(b, 2 * gap, 16 - tail, (byte) 0);
        }
        return Inet6Address.getByAddress(null, b, scope);
    }

    /** Parses {@code a.b.c.d} spanning exactly {@code s[from, to)} into {@code out[at..at+3]}. */
    private static boolean parse4(String s, int from, int to, byte[] out, int at) {
        int i = from;
        for (int part = 0; part < 4; part++) {
            if (part > 0) {
                if (i >= to || s.charAt(i) != '.') {
                    return false;
                }
                i++;
            }
            int j = i;
            int value = 0;
            while (j < to && j - i < 3 && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                value = value * 10 + s.charAt(j) - '0';
                j++;
            }
            if (j == i || value > 255 || j - i > 1 && s.charAt(i) == '0') {
                return false;
            }
            out[at + part] = (byte) value;
            i = j;
        }
        return i == to;
    }

    /** Parses a decimal scope of 1-9 digits, or returns -1. */
    private static int scope(String s, int from) {
        int length = s.length() - from;
        if (length < 1 || length > 9) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
    }
}
