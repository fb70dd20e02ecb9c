package ws2.provider.dns;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.xbill.DNS.PTRRecord;
import org.xbill.DNS.ReverseMap;
import org.xbill.DNS.Type;

/**
 * A reverse lookup ({@code SVCID_INET_HOSTADDRBYINETSTRING}), what {@code gethostbyaddr} and
 * {@code getnameinfo} ask: the PTR records of the address's {@code in-addr.arpa} or
 * {@code ip6.arpa} name. Each host name is one result, carrying the address asked about.
 *
 * @param address the address, parsed from the instance name
 * @param families how to type the returned address
 */
record ReverseQuestion(InetAddress address, Families families) implements Question {
    @Override
    public CompletableFuture<List<Host>> ask(DnsClient client, boolean bypassCache) {
        return client.lookup(ReverseMap.fromAddress(address), Type.PTR, bypassCache)
                .thenApply(r -> r.getRecords().stream().filter(PTRRecord.class::isInstance)
                        .map(p -> new Host(((PTRRecord) p).getTarget(), List.of(families.address(address, 0)), false))
                        .toList());
    }

    @Override
    public String describe() {
        return "PTR query for " + address.getHostAddress();
    }
}
