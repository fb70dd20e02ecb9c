package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The handle of a name lookup ({@code WSALookupServiceBegin}'s {@code HANDLE}), valid in the client
 * context that began it until {@code WSALookupServiceEnd}.
 */
@ProviderType
public interface LookupHandle {
    /**
     * Returns the handle's value.
     *
     * @return the value, unique while the lookup is open
     */
    long value();
}
