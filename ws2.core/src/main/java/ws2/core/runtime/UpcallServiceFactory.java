package ws2.core.runtime;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

import ws2.core.upcall.UpcallRegistry;
import ws2.spi.upcall.Upcall;

/**
 * Makes the {@link Upcall} service bundle-scoped: each provider bundle gets its own upcall table,
 * the same one its {@code WSPStartup} calls receive.
 */
final class UpcallServiceFactory implements ServiceFactory<Upcall> {
    private final UpcallRegistry upcalls;

    UpcallServiceFactory(UpcallRegistry upcalls) {
        this.upcalls = upcalls;
    }

    @Override
    public Upcall getService(Bundle bundle, ServiceRegistration<Upcall> registration) {
        return upcalls.forBundle(bundle);
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Upcall> registration, Upcall service) {
        // The table lives as long as its bundle: WSPStartup calls may still hold it.
    }
}
