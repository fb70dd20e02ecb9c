/**
 * The ws2 Service Registry: an NSPv2 namespace provider holding the service instances that the
 * client contexts (bundles) of the runtime register with {@code WSASetService}, shared by all of
 * them.
 *
 * <p>{@link ws2.provider.registry.RegistryProvider} is the DS component and carries the catalog
 * entry; it hands each client context a {@link ws2.provider.registry.Session}. The
 * {@link ws2.provider.registry.ServiceRegistry} holds the published instances
 * ({@link ws2.provider.registry.ServiceInstance}, keyed by {@link ws2.provider.registry.ServiceKey}),
 * changes them by a {@link ws2.provider.registry.SetOperation} and answers each
 * {@link ws2.provider.registry.Query} with a {@link ws2.provider.registry.Lookup}; its
 * {@link ws2.provider.registry.ChangeWatchers} tell armed lookups when their results change.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.registry;
