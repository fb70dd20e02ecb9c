package ws2.provider.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.xbill.DNS.Cache;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Name;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.lookup.LookupResult;
import org.xbill.DNS.lookup.LookupSession;
import org.xbill.DNS.lookup.NoSuchRRSetException;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * One configuration of the DNS client, immutable: the servers (each a dnsjava
 * {@link SimpleResolver}, asked in turn by an {@link ExtendedResolver}), the timeout and retries,
 * the search domains and the cache, the state behind Windows' {@code DnsQuery}. Lookups follow
 * CNAME and DNAME chains; the hosts file is never read (that is {@code NS_TCPIP_HOSTS}'s job), nor
 * are the system's resolvers.
 *
 * <p>Thread-safe: every lookup is asynchronous and shares the cache of its configuration.
 */
final class DnsClient {
    /** The client of no configuration: every lookup fails with {@code WSANO_RECOVERY}. */
    static final DnsClient UNCONFIGURED = new DnsClient(List.of(), Duration.ZERO, 0, List.of(), null, null);

    /**
     * dnsjava checks UDP timeouts once per tick of its selector, so an attempt may last this much
     * longer than the configured timeout.
     */
    private static final Duration SELECTOR_TICK = Duration.ofSeconds(1);

    private final List<InetSocketAddress> servers;
    private final Duration timeout;
    private final int retries;
    private final List<Name> searchDomains;
    private final LookupSession cached;
    private final LookupSession uncached;

    private DnsClient(List<InetSocketAddress> servers, Duration timeout, int retries, List<Name> searchDomains,
            LookupSession cached, LookupSession uncached) {
        this.servers = servers;
        this.timeout = timeout;
        this.retries = retries;
        this.searchDomains = searchDomains;
        this.cached = cached;
        this.uncached = uncached;
    }

    /**
     * Builds the client of a configuration; sends nothing.
     *
     * @param servers the servers, none for a client that fails every lookup
     * @param timeout how long one attempt waits, at least 1 ms
     * @param retries further attempts per server after a timeout, 0 or more
     * @param searchDomains domains tried after a relative name
     * @return the client
     * @throws WsaException {@code WSAEINVAL} naming the offending value
     */
    static DnsClient configure(List<InetSocketAddress> servers, Duration timeout, int retries,
            List<String> searchDomains) throws WsaException {
        if (timeout.toMillis() < 1) {
            throw new WsaException(WsaError.WSAEINVAL, "DNS timeoutMillis must be at least 1, got " + timeout.toMillis());
        }
        if (retries < 0) {
            throw new WsaException(WsaError.WSAEINVAL, "DNS retries must be 0 or more, got " + retries);
        }
        List<Name> search = new ArrayList<>();
        for (String domain : searchDomains) {
            search.add(absolute(domain));
        }
        if (servers.isEmpty()) {
            return new DnsClient(List.of(), timeout, retries, List.copyOf(search), null, null);
        }
        List<Resolver> each = new ArrayList<>();
        for (InetSocketAddress server : servers) {
            SimpleResolver r = new SimpleResolver(server);
            r.setTimeout(timeout);
            each.add(r);
        }
        ExtendedResolver resolver = new ExtendedResolver(each);
        int attempts = retries + 1;
        // dnsjava's "retries" counts attempts per server; its overall timeout only stops further attempts,
        // so it is set past the last one, which then fails with its own SocketTimeoutException.
        resolver.setRetries(attempts);
        resolver.setTimeout(timeout.plus(SELECTOR_TICK).multipliedBy((long) attempts * servers.size() + 1));
        LookupSession cached = LookupSession.builder().resolver(resolver).searchPath(search)
                .cache(new Cache(DClass.IN)).build();
        LookupSession uncached = LookupSession.builder().resolver(resolver).searchPath(search).build();
        return new DnsClient(List.copyOf(servers), timeout, retries, List.copyOf(search), cached, uncached);
    }

    private static Name absolute(String domain) throws WsaException {
        try {
            return Name.fromString(domain.trim(), Name.root);
        } catch (TextParseException e) {
            throw new WsaException(WsaError.WSAEINVAL, "DNS search domain '" + domain + "' is not a domain name: "
                    + e.getMessage());
        }
    }

    /**
     * Looks up one record type of a name, applying the search domains to a relative name.
     *
     * @param name the name
     * @param type a dnsjava {@code Type} constant
     * @param bypassCache true for {@code LUP_FLUSHCACHE}: ask the servers and leave the cache as it is
     * @return the records, never empty: a name without records of the type fails with
     *         {@link NoSuchRRSetException}, an unconfigured client with a {@code WSANO_RECOVERY}
     *         {@link WsaException}; other failures are dnsjava's (see {@link DnsFailure})
     */
    CompletableFuture<LookupResult> lookup(Name name, int type, boolean bypassCache) {
        if (servers.isEmpty()) {
            return CompletableFuture.failedFuture(new WsaException(WsaError.WSANO_RECOVERY,
                    "no DNS server configured: set 'servers' in the configuration " + DnsProvider.PID));
        }
        LookupSession session = bypassCache ? uncached : cached;
        return session.lookupAsync(name, type).toCompletableFuture().thenApply(r -> {
            if (r.getRecords().isEmpty()) {
                throw new NoSuchRRSetException(name, type);
            }
            return r;
        });
    }

    /**
     * Names the servers, for messages.
     *
     * @return for example {@code "127.0.0.1:53"} or {@code "192.0.2.1:53, [2001:db8::1]:53"}
     */
    String servers() {
        return servers.stream().map(s -> (s.getAddress().getAddress().length == 16
                ? "[" + s.getAddress().getHostAddress() + "]" : s.getAddress().getHostAddress()) + ":" + s.getPort())
                .collect(Collectors.joining(", "));
    }

    /**
     * Says how long the servers were given, for timeout messages.
     *
     * @return for example {@code "2 attempts of 2000 ms per server"}
     */
    String patience() {
        int attempts = retries + 1;
        return attempts + (attempts == 1 ? " attempt" : " attempts") + " of " + timeout.toMillis() + " ms per server";
    }

    @Override
    public String toString() {
        return servers.isEmpty() ? "no DNS server configured (every lookup fails)"
                : "DNS servers " + servers() + ", " + patience() + ", search domains " + searchDomains;
    }
}
