package ws2.provider.firewall;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import ws2.api.SockAddr;
import ws2.api.WsaException;

/**
 * The {@code address=} condition of a firewall rule: one IPv4 or IPv6 address or a CIDR block of
 * them, matched against the host half of a remote {@code sockaddr}.
 *
 * <p>IPv4-mapped IPv6 addresses ({@code ::ffff:a.b.c.d}) count as the IPv4 address they carry, on
 * both sides: a rule on {@code 10.0.0.0/8} also matches a dual-stack socket connecting to
 * {@code ::ffff:10.1.2.3}, and {@code ::ffff:10.0.0.0/104} is read as {@code 10.0.0.0/8}. Only
 * literals are read, never host names, so a configuration change never waits for DNS.
 *
 * <p>Immutable.
 */
final class AddressBlock {
    private static final int MAPPED_PREFIX = 96;

    private final byte[] network;
    private final int prefix;
    private final String text;

    private AddressBlock(byte[] network, int prefix, String text) {
        this.network = network;
        this.prefix = prefix;
        this.text = text;
    }

    /**
     * Reads an address ({@code 10.1.2.3}, {@code ::1}) or a CIDR block ({@code 10.0.0.0/8},
     * {@code fd00::/8}); host bits after the prefix are ignored.
     *
     * @param text the value after {@code address=}
     * @return the block
     * @throws IllegalArgumentException if it is not an IPv4 or IPv6 literal with an optional prefix
     *         length in range
     */
    static AddressBlock parse(String text) {
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = host.indexOf(':') >= 0;
        byte[] address = v6 ? ipv6(host) : ipv4(host);
        int bits = address.length * Byte.SIZE;
        int mapped = v6 && address.length == 4 ? MAPPED_PREFIX : 0;
        int prefix = slash < 0 ? bits : prefix(text.substring(slash + 1), bits + mapped) - mapped;
        if (prefix < 0) {
            throw new IllegalArgumentException("prefix /" + (prefix + mapped) + " of the IPv4-mapped '" + host
                    + "' is shorter than /" + MAPPED_PREFIX);
        }
        return new AddressBlock(address, prefix, text);
    }

    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv4 or IPv6 address");
        }
        byte[] address = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit) || Integer.parseInt(p) > 255) {
                throw new IllegalArgumentException("'" + host + "' is not an IPv4 address: part '" + p
                        + "' is not a number in 0-255");
            }
            address[i] = (byte) Integer.parseInt(p);
        }
        return address;
    }

    private static byte[] ipv6(String host) {
        if (host.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + host + "' has a zone ID; rules match addresses without one");
        }
        try {
            // The brackets make InetAddress read an IPv6 literal or fail; it never asks DNS.
            return InetAddress.getByName("[" + host + "]").getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + host + "' is not an IPv6 address");
        }
    }

    private static int prefix(String text, int max) {
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)
                || Integer.parseInt(text) > max) {
            throw new IllegalArgumentException("prefix length '" + text + "' is not a number in 0-" + max);
        }
        return Integer.parseInt(text);
    }

    /**
     * Returns the host of a remote address in the form {@link #contains} takes.
     *
     * @param peer a remote address
     * @return its 4 or 16 address bytes (4 for an IPv4-mapped IPv6 address), or null if it is not
     *         an IP address
     * @throws WsaException never for an IP address
     */
    static byte[] hostOf(SockAddr peer) throws WsaException {
        if (!peer.isInet()) {
            return null;
        }
        InetAddress ip = peer.toInet().getAddress();
        byte[] b = ip.getAddress();
        return ip instanceof Inet4Address || !isMapped(b) ? b : new byte[] {b[12], b[13], b[14], b[15]};
    }

    private static boolean isMapped(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[10] == (byte) 0xFF && b[11] == (byte) 0xFF;
    }

    /**
     * Tells whether a host is in the block.
     *
     * @param host bytes from {@link #hostOf}, or null
     * @return true if it is of the same version and its first prefix bits equal the block's
     */
    boolean contains(byte[] host) {
        if (host == null || host.length != network.length) {
            return false;
        }
        int whole = prefix / Byte.SIZE;
        for (int i = 0; i < whole; i++) {
            if (host[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % Byte.SIZE;
        int mask = (0xFF00 >>> rest) & 0xFF;
        return rest == 0 || (host[whole] & mask) == (network[whole] & mask);
    }

    /** Returns the block as configured. */
    @Override
    public String toString() {
        return text;
    }
}
