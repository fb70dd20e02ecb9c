package winevent.bus.impl;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Set;

import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.AccessibleObjects;
import winevent.WinEventBus;

/**
 * The WinEvent bus in OSGi: owns the {@link Desktop}, registers {@link WinEventBus} and
 * {@link AccessibleObjects} bundle-scoped (a bundle is a client context), and ends a bundle's
 * context when it stops.
 *
 * <p>The two services are registered by hand (they are bundle-scoped facades of one engine), so
 * their {@code osgi.service} capabilities are declared here for resolvers.
 *
 * <p>Its only references are the bundle context and its configuration (PID {@code winevent.bus}),
 * both given to the activating constructor, which therefore builds and starts everything, in
 * order: the desktop, the stop listener, the watchdog, then the services others use.
 * {@link #deactivate} undoes it in reverse. A configuration change is applied in place
 * ({@link #modified}): hooks survive it.
 */
@Component(service = WinEventRuntime.class, immediate = true, configurationPid = WinEventRuntime.PID)
@Designate(ocd = WinEventRuntime.Config.class)
@Capability(namespace = "osgi.service", effective = "active", uses = WinEventBus.class,
        attribute = "objectClass:List<String>=winevent.WinEventBus")
@Capability(namespace = "osgi.service", effective = "active", uses = AccessibleObjects.class,
        attribute = "objectClass:List<String>=winevent.AccessibleObjects")
public final class WinEventRuntime {
    /** The configuration PID. */
    public static final String PID = "winevent.bus";
    private static final Logger LOG = LoggerFactory.getLogger(WinEventRuntime.class);

    /** The configuration of the bus. */
    @ObjectClassDefinition(name = "WinEvent bus", description = "Hooks, queues and system bundles of the WinEvent bus")
    public @interface Config {
        /**
         * The stall timeout.
         *
         * @return milliseconds
         */
        @AttributeDefinition(name = "Stall timeout (ms)", min = "1", description = "An out-of-context hook with pending"
                + " events that takes none for this long is isolated; also the longest an unhook waits for a running"
                + " callback")
        long stallTimeoutMillis() default 5000;

        /**
         * The ring size of out-of-context hooks.
         *
         * @return a power of two
         */
        @AttributeDefinition(name = "Queue capacity", min = "2", max = "" + Settings.MAX_CAPACITY, description = "Events each"
                + " out-of-context hook can queue, a power of two; applies to hooks set afterwards. Each slot takes"
                + " 44 bytes")
        int queueCapacity() default Settings.DEFAULT_CAPACITY;

        /**
         * The system bundles.
         *
         * @return symbolic names
         */
        @AttributeDefinition(name = "System bundles", description = "Symbolic names of the bundles that may notify"
                + " system-reserved event IDs, beside the system bundle")
        String[] systemBundles() default {"ws2.core"};
    }

    private final BundleContext context;
    private final Desktop desktop;
    private final SynchronousBundleListener stopping;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    /**
     * Starts the bus.
     *
     * @param context the bus bundle's context
     * @param config the configuration
     * @throws IllegalArgumentException for a configuration value out of range
     */
    @Activate
    public WinEventRuntime(BundleContext context, Config config) {
        this.context = context;
        Settings settings = settings(config);
        desktop = new Desktop(settings);
        stopping = e -> {
            if (e.getType() == BundleEvent.STOPPING) {
                desktop.end(e.getBundle().getBundleId());
            }
        };
        context.addBundleListener(stopping);
        desktop.start();
        register(WinEventBus.class, new ContextServiceFactory<>(desktop, desktop::busFor, desktop::releaseBus));
        register(AccessibleObjects.class,
                new ContextServiceFactory<>(desktop, desktop::objectsFor, desktop::releaseObjects));
        LOG.info("WinEvent bus started: stall timeout {} ms, queue capacity {}, system bundles {}",
                settings.stallTimeoutMillis(), settings.queueCapacity(), settings.systemBundles());
    }

    private static Settings settings(Config config) {
        return new Settings(config.stallTimeoutMillis(), config.queueCapacity(), Set.of(config.systemBundles()));
    }

    private <S> void register(Class<S> type, ServiceFactory<S> factory) {
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("service.vendor", "ws2");
        registrations.add(context.registerService(type, factory, props));
    }

    /**
     * Applies a new configuration; an invalid one is logged and the previous one kept.
     *
     * @param config the configuration
     */
    @Modified
    void modified(Config config) {
        try {
            Settings settings = settings(config);
            desktop.configure(settings);
            LOG.info("WinEvent bus reconfigured: stall timeout {} ms, queue capacity {} for new hooks, system bundles {}",
                    settings.stallTimeoutMillis(), settings.queueCapacity(), settings.systemBundles());
        } catch (IllegalArgumentException e) {
            LOG.error("The {} configuration is invalid and was not applied: {}", PID, e.getMessage());
        }
    }

    /** Stops the bus: services first (their users clean up), then every hook, thread and window. */
    @Deactivate
    void deactivate() {
        for (ServiceRegistration<?> r : registrations) {
            r.unregister();
        }
        context.removeBundleListener(stopping);
        desktop.close();
        LOG.info("WinEvent bus stopped");
    }

    /**
     * Returns the engine, for the shell.
     *
     * @return the desktop
     */
    Desktop desktop() {
        return desktop;
    }
}
