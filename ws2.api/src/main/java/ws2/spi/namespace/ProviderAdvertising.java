package ws2.spi.namespace;

import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import ws2.api.WsaException;

/**
 * {@code WSAAdvertiseProvider} / {@code WSAUnadvertiseProvider}: how code that hosts an NSPv2
 * provider makes it available to every client context at run time. A bundle-scoped service of
 * ws2.core: what a bundle advertises is withdrawn when it stops.
 */
@ProviderType
public interface ProviderAdvertising {
    /**
     * {@code WSAAdvertiseProvider}.
     *
     * @param providerId the GUID of an installed NSPv2 namespace entry
     * @param routine the provider
     * @throws WsaException {@code WSAEINVALIDPROVIDER} if the GUID is not an installed NSPv2 entry,
     *         {@code WSAEINVAL} if it is advertised already
     */
    void advertiseProvider(UUID providerId, NamespaceProviderV2 routine) throws WsaException;

    /**
     * {@code WSAUnadvertiseProvider}.
     *
     * @param providerId the GUID
     * @throws WsaException {@code WSAEINVAL} if this bundle did not advertise it
     */
    void unadvertiseProvider(UUID providerId) throws WsaException;
}
