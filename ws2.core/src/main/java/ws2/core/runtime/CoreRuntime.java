package ws2.core.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.AccessibleObjects;
import winevent.WinEventBus;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderNamespaces;
import ws2.core.context.ContextRegistry;
import ws2.core.persist.CatalogFile;
import ws2.core.namespace.NspCalls;
import ws2.core.namespace.NspService;
import ws2.core.namespace.ResultCache;
import ws2.core.provider.ProviderService;
import ws2.spi.namespace.NamespaceProvider;
import ws2.spi.namespace.NamespaceProviderV2;
import ws2.spi.namespace.ProviderAdvertising;
import ws2.spi.transport.TransportProvider;
import ws2.spi.upcall.Upcall;

/**
 * ws2.core itself: loads the catalog, follows provider bundles and services, and publishes the
 * catalog ({@link ProviderCatalog}), the client API ({@link Winsock}, bundle-scoped, and
 * {@link WinsockFactory}) and the upcalls ({@link Upcall}, bundle-scoped).
 *
 * <p>The catalog lives in {@code ws2.data.dir} (a framework property) or, without it, in the
 * bundle's data area. A catalog file that cannot be read is kept aside and the runtime starts on the
 * default catalog: the entries the present provider bundles declare.
 *
 * <p>Its only reference is the bundle context, so everything is built and started in the activating
 * constructor, in order: catalog, provider services, provider bundles, then the services others use.
 */
@Component(service = CoreRuntime.class, immediate = true)
@Capability(namespace = "osgi.extender", name = ProviderNamespaces.EXTENDER_NAME, version = ProviderNamespaces.SPEC_VERSION)
public final class CoreRuntime {
    /** Framework property naming the folder of the catalog file. */
    public static final String DATA_DIR_PROPERTY = "ws2.data.dir";
    /**
     * Framework property: milliseconds sockets may stay on a provider version that was replaced or
     * stopped before they are closed with {@code WSAECONNABORTED}; 0 (the default) lets them run
     * until their clients close them.
     */
    public static final String DRAIN_TIMEOUT_PROPERTY = "ws2.drain.timeout";
    /** Framework property: milliseconds one namespace provider call may take (default 5000). */
    public static final String NSP_TIMEOUT_PROPERTY = "ws2.nsp.timeout";
    /** Framework property: milliseconds a complete lookup's results are reused (default 1000, 0 = never). */
    public static final String NS_CACHE_TTL_PROPERTY = "ws2.ns.cache.ttl";
    private static final Logger LOG = LoggerFactory.getLogger(CoreRuntime.class);

    private final BundleContext context;
    private final Core core;
    private final ServiceTracker<TransportProvider, ProviderService> tracker;
    private final BundleListener uninstalls;
    private final List<ServiceTracker<Object, NspService>> nspTrackers;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private WinEventBus bus;
    private AccessibleObjects objects;

    /**
     * Starts the core.
     *
     * @param context the core bundle's context
     * @throws IOException if the data folder cannot be used at all
     */
    @Activate
    public CoreRuntime(BundleContext context) throws IOException {
        this.context = context;
        CatalogFile file = new CatalogFile(dataDir(context), Clock.systemUTC());
        CatalogFile.Loaded loaded = file.load();
        if (loaded.problem() != null) {
            LOG.error("WSANO_RECOVERY (11003): the catalog file {} is unusable: {}. It was kept as {} for inspection;"
                    + " the runtime starts on the default catalog", file.path(), loaded.problem(), loaded.keptAside());
        }
        core = new Core(loaded.data(), file);
        core.contexts().drainTimeout(millis(context, DRAIN_TIMEOUT_PROPERTY, 0));
        core.names().calls().timeoutMillis(millis(context, NSP_TIMEOUT_PROPERTY, NspCalls.DEFAULT_TIMEOUT_MILLIS));
        core.names().cache().ttlMillis(millis(context, NS_CACHE_TTL_PROPERTY, ResultCache.DEFAULT_TTL_MILLIS));
        uninstalls = e -> {
            if (e.getType() == BundleEvent.UNINSTALLED) {
                core.upcalls().forget(e.getBundle().getBundleId());
            }
        };
        context.addBundleListener(uninstalls);
        tracker = new ServiceTracker<>(context, TransportProvider.class, new ProviderTracking());
        tracker.open();
        nspTrackers = List.of(new ServiceTracker<>(context, NamespaceProvider.class.getName(), new NspTracking()),
                new ServiceTracker<>(context, NamespaceProviderV2.class.getName(), new NspTracking()));
        nspTrackers.forEach(ServiceTracker::open);
        core.announcer().start();
        core.extender().open(context);
        ContextRegistry contexts = core.contexts();
        register(ProviderCatalog.class, core.admin());
        register(WinsockFactory.class, new WinsockFactory() {
            @Override
            public Winsock open(String name) {
                return contexts.open(name, CatalogView.NATIVE);
            }

            @Override
            public Winsock open(String name, CatalogView view) {
                return contexts.open(name, view);
            }
        });
        registrations.add(context.registerService(Winsock.class, new WinsockServiceFactory(contexts), null));
        registrations.add(context.registerService(Upcall.class, new UpcallServiceFactory(core.upcalls()), null));
        registrations.add(context.registerService(ProviderAdvertising.class,
                new AdvertisingServiceFactory(core.nspRegistry(), core.catalog()), null));
        LOG.info("ws2.core started: catalog in {}, {} native and {} compat32 entries", file.path(),
                core.catalog().data().nativeView().entries().size(), core.catalog().data().compat32().entries().size());
    }

    private static long millis(BundleContext context, String property, long fallback) {
        String value = context.getProperty(property);
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            LOG.error("WSAEINVAL (10022): {} must be a number of milliseconds, not '{}'; using {}", property, value,
                    fallback);
            return fallback;
        }
    }

    private static Path dataDir(BundleContext context) {
        String dir = context.getProperty(DATA_DIR_PROPERTY);
        return dir != null ? Path.of(dir) : context.getDataFile("").toPath();
    }

    private <S> void register(Class<S> type, S service) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.vendor", "ws2");
        registrations.add(context.registerService(type, service, props));
    }

    /** Stops the core: ends every client context (cleaning up providers), then stops following providers. */
    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
        core.contexts().closeAll();
        core.announcer().stop();
        core.extender().close();
        tracker.close();
        nspTrackers.forEach(ServiceTracker::close);
        core.names().calls().close();
        context.removeBundleListener(uninstalls);
        LOG.info("ws2.core stopped");
    }

    /**
     * The WinEvent bus arrived (as seen by ws2.core, the system): announce on it.
     *
     * @param bus the bus
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindWinEventBus")
    synchronized void bindWinEventBus(WinEventBus bus) {
        this.bus = bus;
        connectAnnouncer();
    }

    synchronized void unbindWinEventBus(WinEventBus bus) {
        if (this.bus == bus) {
            this.bus = null;
            core.announcer().detach();
        }
    }

    /**
     * The accessible-object lookup arrived: the core's windows are created on it.
     *
     * @param objects the lookup
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindAccessibleObjects")
    synchronized void bindAccessibleObjects(AccessibleObjects objects) {
        this.objects = objects;
        connectAnnouncer();
    }

    synchronized void unbindAccessibleObjects(AccessibleObjects objects) {
        if (this.objects == objects) {
            this.objects = null;
            core.announcer().detach();
        }
    }

    private void connectAnnouncer() {
        if (bus != null && objects != null) {
            core.announcer().attach(bus, objects);
        }
    }

    /**
     * Returns the wired core, for the shell.
     *
     * @return the core
     */
    public Core core() {
        return core;
    }

    /** The {@code ws2.provider.id} of a provider service, or null (logged) when it has none that parses. */
    private static UUID providerId(ServiceReference<?> ref, String kind) {
        Object id = ref.getProperty(ProviderNamespaces.PROVIDER_ID_PROPERTY);
        try {
            return UUID.fromString(String.valueOf(id));
        } catch (IllegalArgumentException e) {
            LOG.error("WSAEINVALIDPROVIDER (10105): {} provider service {} of bundle {} has no valid {} property ('{}');"
                    + " it is ignored", kind, ref.getProperty("service.id"), ref.getBundle().getSymbolicName(),
                    ProviderNamespaces.PROVIDER_ID_PROPERTY, id);
            return null;
        }
    }

    /** Joins namespace provider services to their registry by their {@code ws2.provider.id}. */
    private final class NspTracking implements ServiceTrackerCustomizer<Object, NspService> {
        @Override
        public NspService addingService(ServiceReference<Object> ref) {
            UUID guid = providerId(ref, "namespace");
            Object provider = guid == null ? null : context.getService(ref);
            if (provider == null) {
                return null;
            }
            Bundle b = ref.getBundle();
            NspService s = new NspService(guid, provider, b.getBundleId(), null,
                    guid + " (bundle " + b.getSymbolicName() + " " + b.getVersion() + ")");
            core.nspRegistry().added(s);
            return s;
        }

        @Override
        public void modifiedService(ServiceReference<Object> ref, NspService s) {
            // the GUID of a registered service does not change its join
        }

        @Override
        public void removedService(ServiceReference<Object> ref, NspService s) {
            core.nspRegistry().removed(s);
            context.ungetService(ref);
        }
    }

    /** Joins provider services to the registry by their {@code ws2.provider.id}. */
    private final class ProviderTracking implements ServiceTrackerCustomizer<TransportProvider, ProviderService> {
        @Override
        public ProviderService addingService(ServiceReference<TransportProvider> ref) {
            UUID guid = providerId(ref, "transport");
            TransportProvider provider = guid == null ? null : context.getService(ref);
            if (provider == null) {
                return null;
            }
            Bundle bundle = ref.getBundle();
            ProviderService s = new ProviderService(guid, provider, bundle, (Long) ref.getProperty("service.id"));
            core.providers().added(s);
            return s;
        }

        @Override
        public void modifiedService(ServiceReference<TransportProvider> ref, ProviderService s) {
            // The GUID of a registered service does not change its join.
        }

        @Override
        public void removedService(ServiceReference<TransportProvider> ref, ProviderService s) {
            core.providers().removed(s);
            context.ungetService(ref);
        }
    }
}
