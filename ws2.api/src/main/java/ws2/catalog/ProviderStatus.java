package ws2.catalog;

import java.util.List;
import java.util.UUID;

import ws2.api.WsaError;

/**
 * What ws2.core knows of one provider bundle: whether its metadata was accepted, and if not, the
 * code and the reason.
 *
 * @param bundleId the bundle's ID
 * @param symbolicName the bundle's symbolic name
 * @param version the bundle's version
 * @param location the bundle's location (its provider path)
 * @param providerIds the provider GUIDs it declares (empty when rejected before they could be read)
 * @param state the outcome
 * @param error the code of a rejection, or null
 * @param reason the sentence explaining a rejection or a wait, or an empty string
 */
public record ProviderStatus(long bundleId, String symbolicName, String version, String location,
        List<UUID> providerIds, State state, WsaError error, String reason) {

    /** Copies the GUID list. */
    public ProviderStatus {
        providerIds = List.copyOf(providerIds);
    }

    /** The outcome of reading a provider bundle. */
    public enum State {
        /** Entries accepted and every declared provider has its service registered. */
        AVAILABLE,
        /** Entries accepted; at least one declared provider has not registered its service. */
        WAITING_FOR_SERVICE,
        /** Metadata malformed: none of the bundle's entries were installed. */
        REJECTED
    }
}
