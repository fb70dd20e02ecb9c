/**
 * ws2 Hosts: an NSP v1 namespace provider ({@code NS_DNS}) that answers host lookups from a hosts
 * file and rereads it when it is edited.
 *
 * <p>{@link ws2.provider.hosts.HostsProvider} is the DS component: it carries the namespace
 * entry's declaration and the configuration ({@link ws2.provider.hosts.HostsSettings}), and starts
 * one {@link ws2.provider.hosts.HostsDispatch} per client context. Every dispatch reads the
 * {@link ws2.provider.hosts.HostsSource}, which holds the immutable
 * {@link ws2.provider.hosts.HostsTable} parsed from the {@link ws2.provider.hosts.HostsFile}
 * ({@link ws2.provider.hosts.IpLiteral} for addresses, {@link ws2.provider.hosts.HostName} for
 * names); a table maps names and addresses to {@link ws2.provider.hosts.HostAnswer}s, results
 * computed when the file is read. A {@link ws2.provider.hosts.HostsLookup} walks the results of one
 * {@link ws2.provider.hosts.HostQuery}, filtered by {@link ws2.provider.hosts.Families}, and is
 * told of rereads for change notification.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.hosts;
