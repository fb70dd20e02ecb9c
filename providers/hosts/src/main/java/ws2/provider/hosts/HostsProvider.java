package ws2.provider.hosts;

import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.NameSpaces;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.annotations.NameSpaceProvider;
import ws2.catalog.annotations.ProviderId;
import ws2.spi.namespace.NamespaceProvider;
import ws2.spi.namespace.NspDispatch;

/**
 * ws2 Hosts: an NSP v1 namespace provider for {@code NS_DNS} that answers host lookups from a hosts
 * file, the part of Windows name resolution that reads {@code drivers\etc\hosts} before asking DNS.
 * Its {@code NSPStartup} ({@link #startup}) returns a {@link HostsDispatch}; a name the file does not
 * list fails {@code NSPLookupServiceBegin} with {@code WSASERVICE_NOT_FOUND}, so ws2.core asks the
 * next {@code NS_DNS} provider.
 *
 * <p>A DS component with the optional configuration {@value #PID} ({@link Config}), applied in place
 * by {@link #modified}: lookups in progress keep their results, later ones read the new file. A
 * malformed configuration is refused, logged, and the settings in force stay; before the first
 * valid one the defaults apply. The file is reread when it changes: checked by lookups at most every
 * 100 ms, and by a poller thread every {@code pollInterval} ms, so an edit is noticed and notified
 * ({@code SIO_NSP_NOTIFY_CHANGE}) without a lookup. The poller stops on deactivation; dispatches
 * still in use then check the file on their own.
 */
@Component(service = NamespaceProvider.class, configurationPid = HostsProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = HostsProvider.Config.class)
@ProviderId(HostsProvider.ID)
@NameSpaceProvider(providerId = HostsProvider.ID, identifier = HostsProvider.IDENTIFIER, nameSpace = NameSpaces.NS_DNS,
        version = 1)
public final class HostsProvider implements NamespaceProvider {
    /** The provider GUID: the namespace entry's {@code NSProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "a1c4e2f0-6b3d-4f59-8e27-0d9c5b7a3e11";
    /** {@code lpszIdentifier} of the namespace entry. */
    public static final String IDENTIFIER = "ws2 Hosts";
    /** The configuration PID. */
    public static final String PID = "ws2.hosts";
    /** The framework property naming ws2's home folder, where a {@code hosts} file is looked for. */
    public static final String HOME_PROPERTY = "ws2.home";
    /** The poll interval when none is configured, in milliseconds. */
    public static final long DEFAULT_POLL_INTERVAL = 1000;

    private static final UUID PROVIDER_ID = UUID.fromString(ID);
    private static final Logger LOG = LoggerFactory.getLogger(HostsProvider.class);

    /** The configuration of the hosts provider (PID {@value #PID}). */
    @ObjectClassDefinition(name = "ws2 Hosts", description = "The hosts file the ws2 Hosts namespace provider"
            + " answers NS_DNS host lookups from")
    public @interface Config {
        /**
         * The hosts file.
         *
         * @return a path; empty for the default
         */
        @AttributeDefinition(name = "File", required = false, description = "The hosts file; empty: <ws2.home>/hosts"
                + " if framework property ws2.home is set and that file exists when the configuration is applied,"
                + " else /etc/hosts")
        String file() default "";

        /**
         * How often the poller checks the file.
         *
         * @return milliseconds, at least 10
         */
        @AttributeDefinition(name = "Poll interval", min = "10", description = "Milliseconds between two checks of"
                + " the file for edits when no lookup checks it")
        long pollInterval() default DEFAULT_POLL_INTERVAL;
    }

    private final String home;
    private final HostsSource source;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "ws2 Hosts poller");
        t.setDaemon(true);
        return t;
    });
    /** Guarded by this. */
    private HostsSettings settings;
    /** Guarded by this. */
    private ScheduledFuture<?> polling;

    /**
     * Creates the provider, reads the file and starts the poller.
     *
     * @param context the bundle context, for framework property {@value #HOME_PROPERTY}
     * @param config the configuration
     */
    @Activate
    public HostsProvider(BundleContext context, Config config) {
        this(config, context.getProperty(HOME_PROPERTY));
    }

    /**
     * Creates the provider with a given home folder.
     *
     * @param config the configuration
     * @param home ws2's home folder, or null
     */
    HostsProvider(Config config, String home) {
        this.home = home;
        this.settings = HostsSettings.of("", DEFAULT_POLL_INTERVAL, home);
        this.source = new HostsSource(settings.file(), PROVIDER_ID);
        modified(config);
    }

    /**
     * Puts a new configuration in force, or logs why it was refused and keeps the settings in force.
     *
     * @param config the configuration
     */
    @Modified
    synchronized void modified(Config config) {
        HostsSettings next;
        try {
            next = HostsSettings.of(config.file(), config.pollInterval(), home);
        } catch (IllegalArgumentException e) {
            LOG.error("ws2 Hosts: configuration {} refused, the {} stays: {}", PID, settings, e.getMessage());
            next = settings;
        }
        source.use(next.file());
        if (polling == null || next.pollInterval() != settings.pollInterval()) {
            if (polling != null) {
                polling.cancel(false);
            }
            polling = poller.scheduleWithFixedDelay(source::refresh, next.pollInterval(), next.pollInterval(),
                    TimeUnit.MILLISECONDS);
        }
        settings = next;
        LOG.info("ws2 Hosts: {}", next);
    }

    /** Stops the poller. */
    @Deactivate
    void deactivate() {
        poller.shutdownNow();
    }

    /**
     * {@code NSPStartup}: returns a dispatch for the client context; all of them answer from this
     * component's one hosts file.
     *
     * @throws WsaException {@code WSAEINVALIDPROVIDER} for a GUID other than {@link #ID}
     */
    @Override
    public NspDispatch startup(UUID providerId) throws WsaException {
        if (!PROVIDER_ID.equals(providerId)) {
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "ws2 Hosts is provider " + ID + ", not " + providerId);
        }
        return new HostsDispatch(source);
    }

    /**
     * Returns the settings in force.
     *
     * @return the settings
     */
    synchronized HostsSettings settings() {
        return settings;
    }
}
