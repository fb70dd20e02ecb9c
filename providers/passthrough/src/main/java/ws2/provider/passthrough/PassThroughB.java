package ws2.provider.passthrough;

import org.osgi.service.component.annotations.Component;

import ws2.catalog.LspCategories;
import ws2.catalog.annotations.LayeredProtocol;
import ws2.catalog.annotations.ProviderId;
import ws2.spi.transport.TransportProvider;

/**
 * Pass-through layer B, rank 20 over every base entry, fail-open; categories LSP_INSPECTOR and
 * LSP_LOCAL_CACHE, so a client permitted LSP_INSPECTOR alone loads layer A only.
 */
@Component(service = TransportProvider.class)
@ProviderId(PassThroughB.ID)
@LayeredProtocol(providerId = PassThroughB.ID, name = "ws2 Pass-through B", categories = LspCategories.LSP_INSPECTOR
        | LspCategories.LSP_LOCAL_CACHE, rank = 20)
public final class PassThroughB extends PassThroughLayer {
    /** The layer's GUID. */
    public static final String ID = "0d3c1f5e-7a2b-4c61-8e90-1b2c3d4e5f02";

    /** Creates the layer. */
    public PassThroughB() {
        super("ws2 pass-through layer B");
    }
}
