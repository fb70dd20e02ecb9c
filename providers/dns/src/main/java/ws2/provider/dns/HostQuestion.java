package ws2.provider.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.xbill.DNS.Name;

/**
 * A host lookup ({@code SVCID_INET_HOSTADDRBYNAME}, {@code SVCID_HOSTNAME}), what
 * {@code gethostbyname} and {@code getaddrinfo} ask: the name's A and/or AAAA records.
 *
 * @param name the host name as given, relative names through the search domains
 * @param families which records to ask
 */
record HostQuestion(Name name, Families families) implements Question {
    @Override
    public CompletableFuture<List<Host>> ask(DnsClient client, boolean bypassCache) {
        return AddressLookup.resolve(client, name, families, 0, bypassCache);
    }

    @Override
    public String describe() {
        return families.describe() + " query for " + name.toString(true);
    }
}
