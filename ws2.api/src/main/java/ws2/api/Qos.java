package ws2.api;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Quality of service for a connection: Winsock's {@code QOS}.
 *
 * @param sending the flow spec for sending ({@code SendingFlowspec})
 * @param receiving the flow spec for receiving ({@code ReceivingFlowspec})
 * @param providerSpecific provider-specific data, read-only, or null ({@code ProviderSpecific})
 */
public record Qos(FlowSpec sending, FlowSpec receiving, ByteBuffer providerSpecific) {
    /**
     * Checks the flow specs and makes the provider data read-only.
     */
    public Qos {
        Objects.requireNonNull(sending, "sending");
        Objects.requireNonNull(receiving, "receiving");
        providerSpecific = providerSpecific == null ? null : providerSpecific.asReadOnlyBuffer();
    }
}
