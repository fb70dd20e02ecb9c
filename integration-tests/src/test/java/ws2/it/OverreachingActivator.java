package ws2.it;

import java.util.Hashtable;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * The activator of a test bundle that registers a transport provider service for the GUID named
 * in its {@code X-Serve-Guid} header, whatever the bundle declares: a provider reaching beyond its
 * declaration.
 */
public final class OverreachingActivator implements BundleActivator, TransportProvider {
    @Override
    public void start(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("ws2.provider.id", context.getBundle().getHeaders().get("X-Serve-Guid"));
        context.registerService(TransportProvider.class, this, props);
    }

    @Override
    public void stop(BundleContext context) {
        // the framework unregisters the service
    }

    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo protocolInfo, Upcall upcall) throws WsaException {
        throw new WsaException(WsaError.WSASYSNOTREADY, "a test provider that serves nothing");
    }
}
