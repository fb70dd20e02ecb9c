package ws2.provider.hosts;

import java.util.List;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;

/**
 * The address families a lookup accepts, as a bit set: the {@code lpafpProtocols} restriction of
 * a {@code WSAQUERYSETW} reduced to what a hosts file holds ({@code AF_INET}, {@code AF_INET6}).
 * Stateless and thread-safe.
 */
final class Families {
    /** No family this provider serves. */
    static final int NONE = 0;
    /** {@code AF_INET}. */
    static final int IPV4 = 1;
    /** {@code AF_INET6}. */
    static final int IPV6 = 2;
    /** Both. */
    static final int ANY = IPV4 | IPV6;

    private Families() {
    }

    /**
     * Reduces a query's protocol restrictions.
     *
     * @param protocols the restrictions; empty for no restriction
     * @return {@link #ANY} for none or one with {@code AF_UNSPEC}, else the union of the IP families
     *         named, {@link #NONE} if they name only other families
     */
    static int of(List<AfProtocols> protocols) {
        if (protocols.isEmpty()) {
            return ANY;
        }
        int families = NONE;
        for (AfProtocols p : protocols) {
            families |= of(p.family());
        }
        return families;
    }

    /**
     * Maps one address family.
     *
     * @param family an {@code AF_*} value
     * @return its bit, {@link #ANY} for {@code AF_UNSPEC}, {@link #NONE} for a non-IP family
     */
    static int of(int family) {
        switch (family) {
            case AddressFamily.AF_UNSPEC: return ANY;
            case AddressFamily.AF_INET: return IPV4;
            case AddressFamily.AF_INET6: return IPV6;
            default: return NONE;
        }
    }
}
