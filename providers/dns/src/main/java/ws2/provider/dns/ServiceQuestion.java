package ws2.provider.dns;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.xbill.DNS.Name;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Type;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.NoSuchRRSetException;

import ws2.api.IpProtocol;
import ws2.api.SocketType;

/**
 * A service lookup: a host lookup whose name is an RFC 2782 service name
 * ({@code _service._proto.domain}, recognised by its leading underscore). The SRV records are
 * asked first, then each target's addresses; every target is one result, its addresses carrying
 * the record's port, in order of priority (lowest first) and weight (highest first). A {@code _tcp}
 * service gives {@code SOCK_STREAM}/{@code IPPROTO_TCP} addresses, {@code _udp} gives
 * {@code SOCK_DGRAM}/{@code IPPROTO_UDP}. A target without addresses is left out; a lone {@code "."}
 * target (the service is not offered) is {@code WSANO_DATA}.
 *
 * @param name the service name
 * @param families which address records to ask for the targets
 */
record ServiceQuestion(Name name, Families families) implements Question {
    private static final Comparator<SRVRecord> ORDER = Comparator.comparingInt(SRVRecord::getPriority)
            .thenComparing(Comparator.comparingInt(SRVRecord::getWeight).reversed());

    /**
     * Tells whether a name is a service name.
     *
     * @param instanceName the query's instance name
     * @return true if it starts with an underscore
     */
    static boolean isServiceName(String instanceName) {
        return instanceName.startsWith("_");
    }

    @Override
    public CompletableFuture<List<Host>> ask(DnsClient client, boolean bypassCache) {
        return client.lookup(name, Type.SRV, bypassCache).thenCompose(r -> targets(r, client, bypassCache));
    }

    private CompletableFuture<List<Host>> targets(LookupResult answer, DnsClient client, boolean bypassCache) {
        List<SRVRecord> records = answer.getRecords().stream().filter(SRVRecord.class::isInstance)
                .map(SRVRecord.class::cast).filter(s -> !s.getTarget().equals(Name.root)).sorted(ORDER).toList();
        if (records.isEmpty()) {
            return CompletableFuture.failedFuture(new NoSuchRRSetException(name, Type.SRV));
        }
        Families transport = transport();
        return Settled.all(records.stream()
                .map(s -> AddressLookup.resolve(client, s.getTarget(), transport, s.getPort(), bypassCache)).toList())
                .thenApply(outcomes -> {
                    List<Host> hosts = outcomes.stream().filter(s -> s.value() != null)
                            .flatMap(s -> s.value().stream()).toList();
                    if (hosts.isEmpty()) {
                        throw Settled.failureOf(outcomes);
                    }
                    return hosts;
                });
    }

    private Families transport() {
        String proto = name.labels() > 1 ? name.getLabelString(1) : "";
        if (proto.equalsIgnoreCase("_tcp")) {
            return families.over(SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP);
        }
        return proto.equalsIgnoreCase("_udp") ? families.over(SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP) : families;
    }

    @Override
    public String describe() {
        return "SRV query for " + name.toString(true);
    }
}
