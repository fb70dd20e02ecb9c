package ws2.core.runtime;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import ws2.api.Winsock;
import ws2.catalog.CatalogView;
import ws2.core.context.ClientContext;
import ws2.core.context.ContextRegistry;

/**
 * Makes the {@link Winsock} service bundle-scoped: each bundle gets its own client context, named
 * after its symbolic name, ended when the bundle ungets the service (or stops).
 */
final class WinsockServiceFactory implements ServiceFactory<Winsock> {
    private final ContextRegistry contexts;

    WinsockServiceFactory(ContextRegistry contexts) {
        this.contexts = contexts;
    }

    @Override
    public Winsock getService(Bundle bundle, ServiceRegistration<Winsock> registration) {
        return contexts.open(String.valueOf(bundle.getSymbolicName()), CatalogView.NATIVE);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Winsock> registration, Winsock service) {
        ((ClientContext) service).close();
    }
}
