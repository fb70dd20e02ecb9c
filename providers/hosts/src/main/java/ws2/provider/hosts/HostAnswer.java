package ws2.provider.hosts;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.LookupFlags;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.SockAddr;
import ws2.api.SocketType;

/**
 * The precomputed {@code NSPLookupServiceNext} results of one host name or address of the hosts
 * file, for each family restriction: first the host (canonical name, every address of the family
 * as a {@code CSADDR_INFO}), then one {@code RESULT_IS_ALIAS} result per alias. Built once per
 * reread of the file, so a lookup allocates no result; lists that would be equal are shared.
 *
 * @param any the results without a family restriction
 * @param ipv4 the results restricted to {@code AF_INET}; empty when the host has no IPv4 address
 * @param ipv6 the results restricted to {@code AF_INET6}; empty when the host has no IPv6 address
 */
record HostAnswer(List<QuerySet> any, List<QuerySet> ipv4, List<QuerySet> ipv6) {
    /**
     * Computes the results of a host.
     *
     * @param canonical its name ({@code h_name})
     * @param aliases its other names, in order
     * @param addresses its addresses, in order, at least one
     * @param providerId the GUID the results name as {@code lpNSProviderId}
     * @return its answer
     */
    static HostAnswer of(String canonical, Collection<String> aliases, Collection<InetAddress> addresses,
            UUID providerId) {
        List<QuerySet> aliasResults = aliases.stream()
                .map(alias -> result(alias, List.of(), LookupFlags.RESULT_IS_ALIAS, providerId)).toList();
        List<CsAddrInfo> all = new ArrayList<>();
        List<CsAddrInfo> v4 = new ArrayList<>();
        List<CsAddrInfo> v6 = new ArrayList<>();
        for (InetAddress address : addresses) {
            SockAddr remote = SockAddr.of(address, 0);
            CsAddrInfo info = new CsAddrInfo(null, remote, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP);
            all.add(info);
            (Families.of(remote.family()) == Families.IPV4 ? v4 : v6).add(info);
        }
        List<QuerySet> any = results(canonical, all, aliasResults, providerId);
        return new HostAnswer(any, restricted(canonical, v4, all, any, aliasResults, providerId),
                restricted(canonical, v6, all, any, aliasResults, providerId));
    }

    private static List<QuerySet> restricted(String canonical, List<CsAddrInfo> some, List<CsAddrInfo> all,
            List<QuerySet> any, List<QuerySet> aliasResults, UUID providerId) {
        if (some.isEmpty()) {
            return List.of();
        }
        return some.size() == all.size() ? any : results(canonical, some, aliasResults, providerId);
    }

    private static List<QuerySet> results(String canonical, List<CsAddrInfo> addresses, List<QuerySet> aliasResults,
            UUID providerId) {
        List<QuerySet> results = new ArrayList<>(1 + aliasResults.size());
        results.add(result(canonical, addresses, 0, providerId));
        results.addAll(aliasResults);
        return List.copyOf(results);
    }

    private static QuerySet result(String name, List<CsAddrInfo> addresses, int outputFlags, UUID providerId) {
        return QuerySet.builder().instanceName(name).nameSpace(NameSpaces.NS_DNS).nsProviderId(providerId)
                .addresses(addresses).outputFlags(outputFlags).build();
    }

    /**
     * Returns the results for a family restriction.
     *
     * @param families a {@link Families} bit set
     * @return the host result then its aliases; empty if the host has no address of those families
     */
    List<QuerySet> results(int families) {
        switch (families) {
            case Families.ANY: return any;
            case Families.IPV4: return ipv4;
            case Families.IPV6: return ipv6;
            default: return List.of();
        }
    }
}
