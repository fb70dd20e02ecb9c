package ws2.provider.metrics;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import ws2.api.WsaData;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.annotations.LayeredProtocol;
import ws2.catalog.annotations.ProviderId;
import ws2.metrics.Counters;
import ws2.metrics.SocketMetrics;
import ws2.spi.layer.LayeredTransportProvider;
import ws2.spi.layer.NextLayer;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * The ws2 Metrics layered service provider: a fail-open inspector LSP ({@code LSP_INSPECTOR}) over
 * every base entry, near the application ({@code rank 900}), that counts calls, bytes, errors and
 * latency per socket, per lower provider and per chain.
 *
 * <p>A DS component registered as the layer's {@link TransportProvider} and as the
 * {@link SocketMetrics} service that reads its counters. Each {@link #startup WSPStartup} returns a
 * new {@link MetricsDispatch} for the client context, counting into the one {@link MetricsRegistry}
 * of this component; a dispatch keeps counting after the component is deactivated, until its
 * {@code WSPCleanup}, but only this component's service shows those counters.
 */
@Component(service = {TransportProvider.class, SocketMetrics.class})
@ProviderId(MetricsProvider.ID)
@LayeredProtocol(providerId = MetricsProvider.ID, name = "ws2 Metrics", categories = LspCategories.LSP_INSPECTOR,
        rank = 900, failure = "open")
public final class MetricsProvider implements LayeredTransportProvider, SocketMetrics {
    /** The layer's GUID: its layered entry's {@code ProviderId} and its {@code ws2.provider.id} service property. */
    public static final String ID = "5a0c7e0e-3f5b-4c53-9d7e-6b1f2a9c4d11";

    /** {@code szDescription} of the {@code WSPDATA}. */
    static final String DESCRIPTION = "ws2 metrics layer";

    private final MetricsRegistry registry = new MetricsRegistry();

    /** Creates the component; it starts nothing. */
    @Activate
    public MetricsProvider() {
        // the registry is created empty; sockets fill it
    }

    /**
     * {@code WSPStartup} of the layer: accepts SPI version 2.2 and later and returns a new counting
     * dispatch for the client context.
     *
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo chainEntry, Upcall upcall, NextLayer next)
            throws WsaException {
        WsaData data = TransportProvider.negotiate(versionRequested, DESCRIPTION);
        return new MetricsDispatch(data, upcall, next, registry);
    }

    @Override
    public List<Counters> sockets() {
        return registry.sockets();
    }

    @Override
    public List<Counters> providers() {
        return registry.providers();
    }

    @Override
    public List<Counters> chains() {
        return registry.chains();
    }
}
