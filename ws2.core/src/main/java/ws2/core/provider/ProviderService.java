package ws2.core.provider;

import java.util.Objects;
import java.util.UUID;

import org.osgi.framework.Bundle;

import ws2.spi.transport.TransportProvider;

/**
 * A registered transport provider service, joined to catalog entries by its GUID.
 *
 * @param id the provider GUID ({@code ws2.provider.id})
 * @param provider the service object
 * @param bundle the bundle that registered it
 * @param serviceId the service's {@code service.id}
 * @param version the bundle's version when the service was registered (a bundle update changes
 *        the bundle's version, not that of the sockets the old revision serves)
 */
public record ProviderService(UUID id, TransportProvider provider, Bundle bundle, long serviceId, String version) {
    /** Checks the parts. */
    public ProviderService {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(version, "version");
    }

    /**
     * Joins a service registered now.
     *
     * @param id the provider GUID
     * @param provider the service object
     * @param bundle the bundle that registered it
     * @param serviceId the service's {@code service.id}
     */
    public ProviderService(UUID id, TransportProvider provider, Bundle bundle, long serviceId) {
        this(id, provider, bundle, serviceId, String.valueOf(bundle.getVersion()));
    }

    /**
     * Describes the provider for messages.
     *
     * @return GUID, bundle symbolic name and version
     */
    public String describe() {
        return id + " (bundle " + bundle.getSymbolicName() + " " + version + ")";
    }
}
