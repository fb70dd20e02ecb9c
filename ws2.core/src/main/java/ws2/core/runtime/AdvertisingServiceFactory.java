package ws2.core.runtime;

import java.util.UUID;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.core.catalog.CatalogStore;
import ws2.core.namespace.NspRegistry;
import ws2.core.namespace.NspService;
import ws2.spi.namespace.NamespaceProviderV2;
import ws2.spi.namespace.ProviderAdvertising;

/**
 * The bundle-scoped {@link ProviderAdvertising} service: {@code WSAAdvertiseProvider} for the
 * bundle that gets it, whose advertisements are withdrawn when it ungets it (stops).
 */
final class AdvertisingServiceFactory implements ServiceFactory<ProviderAdvertising> {
    private final NspRegistry registry;
    private final CatalogStore catalog;

    AdvertisingServiceFactory(NspRegistry registry, CatalogStore catalog) {
        this.registry = registry;
        this.catalog = catalog;
    }

    @Override
    public ProviderAdvertising getService(Bundle bundle, ServiceRegistration<ProviderAdvertising> registration) {
        return new ProviderAdvertising() {
            @Override
            public void advertiseProvider(UUID providerId, NamespaceProviderV2 routine) throws WsaException {
                if (providerId == null || routine == null) {
                    throw new WsaException(WsaError.WSAEINVAL, "WSAAdvertiseProvider needs a GUID and a provider");
                }
                boolean installed = catalog.data().view(CatalogView.NATIVE).namespaces().stream()
                        .anyMatch((NamespaceInfo n) -> n.providerId().equals(providerId) && n.version() == 2);
                if (!installed) {
                    throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "namespace provider " + providerId
                            + " is not an installed NSPv2 entry of the namespace catalog");
                }
                registry.advertise(new NspService(providerId, routine, -1, this, providerId + " (advertised by bundle "
                        + bundle.getSymbolicName() + ")"));
            }

            @Override
            public void unadvertiseProvider(UUID providerId) throws WsaException {
                registry.unadvertise(providerId, this);
            }
        };
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<ProviderAdvertising> registration,
            ProviderAdvertising service) {
        registry.unadvertiseAll(service);
    }
}
