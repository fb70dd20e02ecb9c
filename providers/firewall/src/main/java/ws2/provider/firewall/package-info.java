/**
 * The ws2 Firewall: a fail-closed layered service provider ({@code LSP_FIREWALL}) that allows or
 * denies sockets by remote address, remote port and client, with rules from ConfigAdmin.
 *
 * <p>{@link ws2.provider.firewall.FirewallProvider} is the DS component: it carries the layer's
 * catalog declaration and its configuration, and starts one
 * {@link ws2.provider.firewall.FirewallDispatch} per client context. Every dispatch asks the one
 * {@link ws2.provider.firewall.Firewall}, which holds the immutable
 * {@link ws2.provider.firewall.RuleSet} in force; a rule is a {@link ws2.provider.firewall.Rule}
 * of an {@link ws2.provider.firewall.Action} and up to three conditions
 * ({@link ws2.provider.firewall.AddressBlock}, {@link ws2.provider.firewall.PortRange},
 * {@link ws2.provider.firewall.ClientGlob}). {@link ws2.provider.firewall.FirewallCommands} is the
 * {@code firewall:rules} shell command.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.firewall;
