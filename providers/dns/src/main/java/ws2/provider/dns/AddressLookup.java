package ws2.provider.dns;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.lookup.LookupResult;

import ws2.api.CsAddrInfo;

/**
 * Resolves one name to its addresses: A and AAAA queries sent together, CNAME chains followed, the
 * answers joined into one {@link Host} under the canonical name, followed by the aliases met. A
 * family without records is left out; only when no family has any does the lookup fail.
 */
final class AddressLookup {
    private AddressLookup() {
    }

    /**
     * Resolves a name.
     *
     * @param client the DNS client
     * @param name the name, relative ones through the search domains
     * @param families which records to ask and how to type the addresses
     * @param port the port of every address (0 for a host, the SRV port for a service target)
     * @param bypassCache true for {@code LUP_FLUSHCACHE}
     * @return the host, then its aliases; or the most telling failure (see {@link Settled#failureOf})
     */
    static CompletableFuture<List<Host>> resolve(DnsClient client, Name name, Families families, int port,
            boolean bypassCache) {
        List<CompletableFuture<LookupResult>> queries = families.recordTypes().stream()
                .map(type -> client.lookup(name, type, bypassCache)).toList();
        return Settled.all(queries).thenApply(outcomes -> join(outcomes, families, port));
    }

    private static List<Host> join(List<Settled<LookupResult>> outcomes, Families families, int port) {
        Name canonical = null;
        List<CsAddrInfo> addresses = new ArrayList<>();
        Set<Name> aliases = new LinkedHashSet<>();
        for (Settled<LookupResult> s : outcomes) {
            if (s.value() == null) {
                continue;
            }
            aliases.addAll(s.value().getAliases());
            for (Record r : s.value().getRecords()) {
                InetAddress ip = r instanceof ARecord a ? a.getAddress()
                        : r instanceof AAAARecord a ? a.getAddress() : null;
                if (ip != null) {
                    addresses.add(families.address(ip, port));
                    canonical = canonical == null ? r.getName() : canonical;
                }
            }
        }
        if (canonical == null) {
            throw Settled.failureOf(outcomes);
        }
        List<Host> hosts = new ArrayList<>();
        hosts.add(new Host(canonical, addresses, false));
        aliases.stream().map(Host::aliasOf).forEach(hosts::add);
        return hosts;
    }
}
