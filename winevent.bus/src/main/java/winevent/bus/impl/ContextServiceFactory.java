package winevent.bus.impl;

import java.util.function.Function;
import java.util.function.LongConsumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;

/**
 * Makes a service bundle-scoped: each bundle gets a facade of its own client context, and what the
 * context holds through that service is released when the bundle ungets it (the framework also
 * does so when the bundle stops, after the runtime's {@code STOPPING} cleanup, which makes it a
 * no-op then).
 *
 * @param <S> the service type
 */
final class ContextServiceFactory<S> implements ServiceFactory<S> {
    private final Desktop desktop;
    private final Function<Client, S> facade;
    private final LongConsumer release;

    /**
     * Creates the factory.
     *
     * @param desktop opens the contexts
     * @param facade makes the service object of a context
     * @param release releases what a context holds through the service, given its ID
     */
    ContextServiceFactory(Desktop desktop, Function<Client, S> facade, LongConsumer release) {
        this.desktop = desktop;
        this.facade = facade;
        this.release = release;
    }

    @Override
    public S getService(Bundle bundle, ServiceRegistration<S> registration) {
        return facade.apply(desktop.open(bundle.getBundleId(), bundle.getSymbolicName()));
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<S> registration, S service) {
        release.accept(bundle.getBundleId());
    }
}
