package ws2.provider.passthrough;

import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.layer.ForwardingDispatch;
import ws2.spi.layer.LayeredTransportProvider;
import ws2.spi.layer.NextLayer;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * A layered provider that intercepts nothing: the {@code WSPStartup} of ws2's sample LSP, whose
 * dispatch is {@link ForwardingDispatch} unchanged. Three of them (ranks 10, 20, 30) let tests and
 * benchmarks build chains of one to three pass-through layers and measure what a layer costs.
 */
abstract class PassThroughLayer implements LayeredTransportProvider {
    private final String description;

    PassThroughLayer(String description) {
        this.description = description;
    }

    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo chainEntry, Upcall upcall, NextLayer next)
            throws WsaException {
        return new ForwardingDispatch(TransportProvider.negotiate(versionRequested, description), upcall, next) {
        };
    }
}
