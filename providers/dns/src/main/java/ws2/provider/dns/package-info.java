/**
 * The ws2 DNS namespace provider: an NSP v1 provider for {@code NS_DNS} that asks real DNS servers
 * (with dnsjava, embedded privately) for A and AAAA (host to addresses), SRV (service records with
 * their targets' addresses and ports) and PTR (address to host) records.
 *
 * <p>{@link ws2.provider.dns.DnsProvider} is the DS component: it carries the catalog declaration
 * and the configuration, from which it builds one immutable {@link ws2.provider.dns.DnsClient}
 * (servers, timeouts, search domains, cache). Each {@code NSPStartup} returns a
 * {@link ws2.provider.dns.DnsDispatch}, whose {@code NSPLookupServiceBegin} turns the query set
 * into a {@link ws2.provider.dns.Question} ({@link ws2.provider.dns.HostQuestion},
 * {@link ws2.provider.dns.ServiceQuestion}, {@link ws2.provider.dns.ReverseQuestion}) without
 * touching the network; the first {@code NSPLookupServiceNext} of the
 * {@link ws2.provider.dns.DnsLookup} sends the queries. {@link ws2.provider.dns.Families} reads the
 * query's address families, {@link ws2.provider.dns.AddressLookup} resolves one name's addresses,
 * {@link ws2.provider.dns.Host} is one result and {@link ws2.provider.dns.DnsFailure} maps DNS
 * failures to Winsock codes; {@link ws2.provider.dns.ServerAddress} parses a configured server.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.dns;
