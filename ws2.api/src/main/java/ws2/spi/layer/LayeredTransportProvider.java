package ws2.spi.layer;

import org.osgi.annotation.versioning.ConsumerType;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * A layered service provider: the {@code WSPStartup} of an LSP, which receives the chain's protocol
 * info and, unlike a Windows LSP that loads the next DLL itself ({@code WSCGetProviderPath},
 * {@code LoadLibrary}), the {@link NextLayer} that ws2.core keeps pointing at the current version of
 * the provider below it in this client context.
 *
 * <p>Registered as a {@link TransportProvider} service with the layer's {@code ws2.provider.id};
 * declared with {@link ws2.catalog.annotations.LayeredProtocol}.
 */
@ConsumerType
public interface LayeredTransportProvider extends TransportProvider {
    /**
     * {@code WSPStartup} of a layer, for one client context.
     *
     * @param versionRequested highest SPI version the caller supports
     * @param chainEntry the chain entry the first socket is made on (a layer may serve several chains)
     * @param upcall the upcall table; pass it on unchanged
     * @param next the way to the next provider of each chain, for this client context
     * @return the layer's dispatch table
     * @throws WsaException as {@link TransportProvider#startup}
     */
    WspDispatch startup(int versionRequested, ProtocolInfo chainEntry, Upcall upcall, NextLayer next) throws WsaException;

    /**
     * A layer is never started without its next layer.
     *
     * @throws WsaException always {@code WSAEINVALIDPROVIDER}
     */
    @Override
    default WspDispatch startup(int versionRequested, ProtocolInfo protocolInfo, Upcall upcall) throws WsaException {
        throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "layered provider " + protocolInfo.providerId()
                + " is started with its next layer (startup(version, chain, upcall, next)), not as a base provider");
    }
}
