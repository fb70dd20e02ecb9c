package ws2.catalog;

import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * {@code WSANAMESPACE_INFOEXW}: one entry of the namespace catalog, as
 * {@code WSAEnumNameSpaceProvidersEx} and {@code WSCEnumNameSpaceProvidersEx32} return it.
 *
 * @param providerId {@code NSProviderId}
 * @param nameSpace {@code dwNameSpace}
 * @param active {@code fActive}: inactive providers are not used for queries or registration
 * @param version {@code dwVersion}: 1 for an NSP v1 provider, 2 for NSPv2
 * @param identifier {@code lpszIdentifier}, the display name
 * @param providerSpecific {@code ProviderSpecific}, the blob of {@code WSCInstallNameSpaceEx}
 * @param path the provider path (the bundle location)
 */
public record NamespaceInfo(UUID providerId, int nameSpace, boolean active, int version, String identifier,
        byte[] providerSpecific, String path) {
    /** Checks the parts and copies the blob. */
    public NamespaceInfo {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(identifier, "identifier");
        providerSpecific = providerSpecific == null ? new byte[0] : providerSpecific.clone();
        path = path == null ? "" : path;
    }

    @Override
    public byte[] providerSpecific() {
        return providerSpecific.clone();
    }

    /**
     * The same entry, active or not.
     *
     * @param on the new state
     * @return the entry
     */
    public NamespaceInfo withActive(boolean on) {
        return new NamespaceInfo(providerId, nameSpace, on, version, identifier, providerSpecific, path);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamespaceInfo && ((NamespaceInfo) o).providerId.equals(providerId)
                && ((NamespaceInfo) o).nameSpace == nameSpace && ((NamespaceInfo) o).active == active
                && ((NamespaceInfo) o).version == version && ((NamespaceInfo) o).identifier.equals(identifier)
                && Arrays.equals(((NamespaceInfo) o).providerSpecific, providerSpecific)
                && ((NamespaceInfo) o).path.equals(path);
    }

    @Override
    public int hashCode() {
        return Objects.hash(providerId, nameSpace, active, version, identifier, path);
    }
}
