package ws2.spi.namespace;

import java.util.UUID;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.WsaException;

/**
 * An NSP v1 namespace provider: what a provider bundle registers as a DS service with the
 * {@code ws2.provider.id} property naming its GUID. Its one entry point is {@code NSPStartup}.
 *
 * <p>ws2.core calls {@link #startup} once per client context and provider GUID and balances it
 * with {@link NspDispatch#cleanup()}. The dispatch keeps serving the lookups it began after the DS
 * component is deactivated, until they end.
 */
@ConsumerType
public interface NamespaceProvider {
    /**
     * {@code NSPStartup}: starts the provider for one client context.
     *
     * @param providerId the GUID it is started as (a bundle may serve several namespaces)
     * @return its {@code NSP_ROUTINE} for this context
     * @throws WsaException {@code WSASYSNOTREADY} if it cannot work now
     */
    NspDispatch startup(UUID providerId) throws WsaException;
}
