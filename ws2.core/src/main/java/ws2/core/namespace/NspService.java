package ws2.core.namespace;

import java.util.Objects;
import java.util.UUID;

import ws2.spi.namespace.NamespaceProvider;
import ws2.spi.namespace.NamespaceProviderV2;

/**
 * A namespace provider that can serve now: an NSP v1 or NSPv2 DS service of a bundle, or an NSPv2
 * provider a client advertised ({@code WSAAdvertiseProvider}).
 *
 * @param id its GUID
 * @param provider a {@link NamespaceProvider} or a {@link NamespaceProviderV2}
 * @param bundleId the bundle that registered it, or -1 for an advertised provider
 * @param owner who advertised it (identity), or null
 * @param describe its GUID, bundle and version, for messages
 */
public record NspService(UUID id, Object provider, long bundleId, Object owner, String describe) {
    /** Checks the parts. */
    public NspService {
        Objects.requireNonNull(id, "id");
        if (!(provider instanceof NamespaceProvider) && !(provider instanceof NamespaceProviderV2)) {
            throw new IllegalArgumentException("not a namespace provider: " + provider);
        }
        Objects.requireNonNull(describe, "describe");
    }

    /**
     * Tells whether it is an NSPv2 provider.
     *
     * @return true for NSPv2
     */
    public boolean isV2() {
        return provider instanceof NamespaceProviderV2;
    }
}
