package ws2.api;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A socket address tagged with its address family: the Java form of Winsock's {@code sockaddr}
 * (with {@code namelen}).
 *
 * <p>{@code AF_INET} and {@code AF_INET6} addresses round-trip with {@link InetSocketAddress};
 * their raw form is the Windows {@code sockaddr_in} (16 bytes) and {@code sockaddr_in6} (28 bytes)
 * layout: {@code sa_family} in little-endian host order, port and address in network order. An
 * address of any other family keeps its raw bytes untouched, so a third-party transport can bring
 * its own family through the core.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SockAddr {
    /** Size of a {@code sockaddr_in}. */
    public static final int SOCKADDR_IN_LENGTH = 16;
    /** Size of a {@code sockaddr_in6}. */
    public static final int SOCKADDR_IN6_LENGTH = 28;

    private final int family;
    private final byte[] bytes;
    private final InetSocketAddress inet;

    private SockAddr(int family, byte[] bytes, InetSocketAddress inet) {
        this.family = family;
        this.bytes = bytes;
        this.inet = inet;
    }

    /**
     * Wraps a resolved IPv4 or IPv6 socket address.
     *
     * @param address a resolved address
     * @return the address as {@code AF_INET} or {@code AF_INET6}
     * @throws IllegalArgumentException if {@code address} is unresolved
     */
    public static SockAddr of(InetSocketAddress address) {
        Objects.requireNonNull(address, "address");
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("unresolved socket address: " + address);
        }
        int port = address.getPort();
        byte[] raw = ip.getAddress();
        byte[] b;
        int family;
        if (ip instanceof Inet4Address) {
            family = AddressFamily.AF_INET;
            b = new byte[SOCKADDR_IN_LENGTH];
            System.arraycopy(raw, 0, b, 4, 4);
        } else {
            family = AddressFamily.AF_INET6;
            b = new byte[SOCKADDR_IN6_LENGTH];
            System.arraycopy(raw, 0, b, 8, 16);
            int scope = ((Inet6Address) ip).getScopeId();
            putLittle32(b, 24, scope);
        }
        b[0] = (byte) family;
        b[1] = (byte) (family >>> 8);
        b[2] = (byte) (port >>> 8);
        b[3] = (byte) port;
        return new SockAddr(family, b, address);
    }

    /**
     * Wraps an IP address and a port.
     *
     * @param address an IPv4 or IPv6 address
     * @param port a port in 0..65535
     * @return the socket address
     */
    public static SockAddr of(InetAddress address, int port) {
        return of(new InetSocketAddress(address, port));
    }

    /**
     * Decodes a raw {@code sockaddr}. The family is read from its first two bytes (little-endian)
     * and must equal {@code family}, as {@code WSPBind} requires.
     *
     * @param family the family the caller expects
     * @param sockaddr the raw bytes, copied
     * @return the address; for {@code AF_INET}/{@code AF_INET6} it also converts to {@link InetSocketAddress}
     * @throws WsaException {@link WsaError#WSAEFAULT} if the bytes are too short for the family or
     *         name another family
     */
    public static SockAddr raw(int family, byte[] sockaddr) throws WsaException {
        Objects.requireNonNull(sockaddr, "sockaddr");
        if (sockaddr.length < 2) {
            throw new WsaException(WsaError.WSAEFAULT, "a sockaddr needs at least 2 bytes, got " + sockaddr.length);
        }
        int tagged = (sockaddr[0] & 0xFF) | (sockaddr[1] & 0xFF) << 8;
        if (tagged != family) {
            throw new WsaException(WsaError.WSAEFAULT,
                    "sockaddr names family " + tagged + " but " + AddressFamily.name(family) + " was expected");
        }
        byte[] b = sockaddr.clone();
        if (family == AddressFamily.AF_INET) {
            requireLength(b, SOCKADDR_IN_LENGTH, family);
            return new SockAddr(family, b, new InetSocketAddress(ip(Arrays.copyOfRange(b, 4, 8), 0), port(b)));
        }
        if (family == AddressFamily.AF_INET6) {
            requireLength(b, SOCKADDR_IN6_LENGTH, family);
            int scope = (b[24] & 0xFF) | (b[25] & 0xFF) << 8 | (b[26] & 0xFF) << 16 | (b[27] & 0xFF) << 24;
            return new SockAddr(family, b, new InetSocketAddress(ip(Arrays.copyOfRange(b, 8, 24), scope), port(b)));
        }
        return new SockAddr(family, b, null);
    }

    private static void requireLength(byte[] b, int length, int family) throws WsaException {
        if (b.length < length) {
            throw new WsaException(WsaError.WSAEFAULT, AddressFamily.name(family) + " needs a " + length
                    + "-byte sockaddr, got " + b.length);
        }
    }

    private static int port(byte[] b) {
        return (b[2] & 0xFF) << 8 | (b[3] & 0xFF);
    }

    private static InetAddress ip(byte[] raw, int scope) {
        try {
            // AF_INET6 stays IPv6 even for IPv4-mapped addresses; scope 0 means "no scope".
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, scope == 0 ? -1 : scope)
                    : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a 4- or 16-byte address is always valid", e);
        }
    }

    private static void putLittle32(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    /**
     * Returns the address family.
     *
     * @return for example {@link AddressFamily#AF_INET}
     */
    public int family() {
        return family;
    }

    /**
     * Returns the length of the raw {@code sockaddr} ({@code namelen}).
     *
     * @return 16 for {@code AF_INET}, 28 for {@code AF_INET6}
     */
    public int length() {
        return bytes.length;
    }

    /**
     * Returns a copy of the raw {@code sockaddr} bytes.
     *
     * @return the bytes, family first
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Tells whether this is an IPv4 or IPv6 address.
     *
     * @return true for {@code AF_INET} and {@code AF_INET6}
     */
    public boolean isInet() {
        return inet != null;
    }

    /**
     * Returns the IPv4 or IPv6 form.
     *
     * @return the socket address
     * @throws WsaException {@link WsaError#WSAEAFNOSUPPORT} if this is not an IP address
     */
    public InetSocketAddress toInet() throws WsaException {
        if (inet == null) {
            throw new WsaException(WsaError.WSAEAFNOSUPPORT,
                    "address of family " + AddressFamily.name(family) + " is not an IP socket address");
        }
        return inet;
    }

    /**
     * Returns the port of an IP address, or 0 for other families.
     *
     * @return the port
     */
    public int port() {
        return inet == null ? 0 : inet.getPort();
    }

    /**
     * Returns the numeric host part: dotted decimal for IPv4; for IPv6 the RFC 5952 form (lower-case
     * hex, the first longest run of zero groups as {@code ::}, {@code ::ffff:a.b.c.d} for mapped IPv4
     * addresses) followed by {@code %scope} when the scope is set; hex bytes for other families.
     *
     * @return for example {@code "127.0.0.1"}, {@code "::1"} or {@code "fe80::1%2"}
     */
    public String host() {
        if (family == AddressFamily.AF_INET && inet != null) {
            return ipv4(bytes, 4);
        }
        if (family == AddressFamily.AF_INET6 && inet != null) {
            int scope = ((Inet6Address) inet.getAddress()).getScopeId();
            return ipv6() + (scope == 0 ? "" : "%" + Integer.toUnsignedString(scope));
        }
        return HexFormat.of().formatHex(bytes);
    }

    private static String ipv4(byte[] b, int from) {
        return (b[from] & 0xFF) + "." + (b[from + 1] & 0xFF) + "." + (b[from + 2] & 0xFF) + "." + (b[from + 3] & 0xFF);
    }

    private String ipv6() {
        int[] g = new int[8];
        for (int i = 0; i < 8; i++) {
            g[i] = (bytes[8 + 2 * i] & 0xFF) << 8 | bytes[9 + 2 * i] & 0xFF;
        }
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xFFFF) {
            return "::ffff:" + ipv4(bytes, 20);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && g[i + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = i;
                bestLength = length;
            }
            i += length;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
            } else {
                sb.append(i == 0 || i == bestStart + bestLength ? "" : ":").append(Integer.toHexString(g[i]));
            }
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SockAddr && ((SockAddr) o).family == family && Arrays.equals(((SockAddr) o).bytes, bytes);
    }

    @Override
    public int hashCode() {
        return 31 * family + Arrays.hashCode(bytes);
    }

    /**
     * Returns the numeric form with the port: {@code 127.0.0.1:7}, {@code [::1]:7}; other families
     * print as {@code family:hex}.
     */
    @Override
    public String toString() {
        if (inet == null) {
            return AddressFamily.name(family) + ":" + host();
        }
        return family == AddressFamily.AF_INET6 ? "[" + host() + "]:" + inet.getPort() : host() + ":" + inet.getPort();
    }
}
