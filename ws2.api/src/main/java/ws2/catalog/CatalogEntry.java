package ws2.catalog;

/**
 * A catalog entry with the state ws2.core keeps beside its {@code WSAPROTOCOL_INFOW}: what
 * {@code netsh winsock show catalog} prints, plus whether the entry can be used now.
 *
 * @param info the entry
 * @param providerPath the provider path ({@code WSCGetProviderPath}): the location of the bundle
 *        that declared it, or the path given to {@code WSCInstallProvider}
 * @param available whether every provider the entry needs has its service registered now
 * @param reason why it is unavailable, or an empty string
 */
public record CatalogEntry(ProtocolInfo info, String providerPath, boolean available, String reason) {
}
