package ws2.spi.transport;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.upcall.Upcall;

/**
 * A transport service provider: what a provider bundle registers as a DS service, with the
 * {@code ws2.provider.id} property naming its GUID. Its one entry point is {@code WSPStartup}.
 *
 * <p>ws2.core calls {@link #startup} once per client context and provider GUID (Windows starts a
 * provider once per process), and balances each successful call with {@link WspDispatch#cleanup()}.
 * The dispatch it returns must keep serving its open sockets after the DS component is deactivated,
 * until that cleanup: this is how open sockets survive a provider update.
 *
 * <p>Implemented by provider bundles; called by ws2.core and by layered providers starting the
 * next layer of a chain.
 */
@ConsumerType
public interface TransportProvider {
    /** Highest SPI version ws2 speaks: 2.2 ({@code MAKEWORD(2,2)}). */
    int SPI_VERSION = 0x0202;

    /**
     * {@code WSPStartup}: starts the provider for one client context.
     *
     * @param versionRequested highest SPI version the caller supports, as a version word
     * @param protocolInfo the catalog entry the caller is using: a base entry for a base provider,
     *        the chain's entry for a layered provider (which finds its place in the chain by it)
     * @param upcall the upcall table to use for this context; layers pass it down unchanged
     * @return the provider's dispatch table for this context, with its negotiated version
     * @throws WsaException {@code WSAVERNOTSUPPORTED} if the version is too low,
     *         {@code WSASYSNOTREADY} if the provider cannot work now
     */
    WspDispatch startup(int versionRequested, ProtocolInfo protocolInfo, Upcall upcall) throws WsaException;

    /**
     * The version negotiation of {@code WSPStartup} that every provider of ws2 makes: versions from
     * 2.2 up are accepted and answered with 2.2 ({@code min(requested, 2.2)}), lower ones refused.
     *
     * @param versionRequested the caller's version word
     * @param description the provider's {@code szDescription}, also used in the refusal
     * @return the {@code WSPDATA} to put in the dispatch
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    static WsaData negotiate(int versionRequested, String description) throws WsaException {
        int major = WsaData.major(versionRequested);
        int minor = WsaData.minor(versionRequested);
        if (major < WsaData.major(SPI_VERSION) || major == WsaData.major(SPI_VERSION) && minor < WsaData.minor(SPI_VERSION)) {
            throw new WsaException(WsaError.WSAVERNOTSUPPORTED, "WSPStartup: the " + description + " needs SPI version "
                    + WsaData.format(SPI_VERSION) + " or later, got " + WsaData.format(versionRequested));
        }
        return new WsaData(SPI_VERSION, SPI_VERSION, description, "");
    }
}
