package ws2.market.impl;

import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.resolver.Resolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.AccessibleObjects;
import winevent.WinEventBus;
import ws2.api.WsaException;
import ws2.catalog.ProviderCatalog;
import ws2.market.HistoryEntry;
import ws2.market.Marketplace;
import ws2.market.Offer;
import ws2.market.Plan;
import ws2.market.Source;
import ws2.market.install.Activation;
import ws2.market.install.Installer;
import ws2.market.install.Journal;
import ws2.market.install.Kept;
import ws2.market.plan.FrameworkBundles;
import ws2.market.plan.Planner;
import ws2.market.search.OfferSearch;
import ws2.market.source.IndexReader;
import ws2.market.source.SourceFile;
import ws2.market.source.SourceList;

/**
 * The {@link Marketplace} service. The source list is kept in {@code <ws2.data.dir>/market} when
 * the framework property {@value #DATA_DIR_PROPERTY} is set, else in this bundle's data area; a
 * list that cannot be read is logged and the marketplace starts with none (the file is replaced
 * at the next change). The same folder holds the audit journal ({@code journal.log}), the jars kept
 * for rollbacks ({@code kept/}) and the downloads of an install in progress ({@code staging/}).
 * The health check of an install waits {@value #HEALTH_TIMEOUT_PROPERTY} milliseconds (framework
 * property; 5000 by default) for each provider GUID's service.
 *
 * <p>While a WinEvent bus is registered, every journal entry of a marketplace action is also
 * notified on it (see {@link Marketplace#JOURNAL_EVENT_ATOM}), and while the bus's
 * {@link AccessibleObjects} is registered too, the catalog changes ws2.core announces on it
 * are journaled as {@code catalog} entries (see {@link CatalogJournal}), which are not announced
 * again; the marketplace works the same without a bus.
 */
@Component(service = Marketplace.class, immediate = true)
public final class MarketplaceComponent implements Marketplace {
    /** Framework property naming ws2's data folder, shared with ws2.core. */
    public static final String DATA_DIR_PROPERTY = "ws2.data.dir";
    /** Framework property: how long an install waits for its providers' services, in milliseconds. */
    public static final String HEALTH_TIMEOUT_PROPERTY = "ws2.market.health.timeout";
    private static final long DEFAULT_HEALTH_TIMEOUT_MILLIS = 5000;
    private static final Logger LOG = LoggerFactory.getLogger(MarketplaceComponent.class);

    private final SourceList sources;
    private final Planner planner;
    private final Journal journal;
    private final Installer installer;
    private final JournalEvents events = new JournalEvents();
    private final CatalogJournal catalogChanges;
    private WinEventBus bus; // guarded by this
    private AccessibleObjects objects; // guarded by this

    /**
     * Creates the service and loads the source list (the indexes are read on first use).
     *
     * @param context this bundle's context
     * @param resolver the OSGi resolver service
     */
    @Activate
    public MarketplaceComponent(BundleContext context, @Reference Resolver resolver, @Reference ProviderCatalog catalog) {
        Path folder = folder(context);
        SourceFile file = new SourceFile(folder);
        this.sources = new SourceList(file, new IndexReader(), load(file));
        this.planner = new Planner(new FrameworkBundles(context), resolver, catalog::openSockets);
        this.journal = new Journal(folder, Clock.systemUTC(), events::written);
        this.catalogChanges = new CatalogJournal(journal);
        Kept kept = new Kept(folder.resolve("kept"));
        this.installer = new Installer(context, sources, planner, journal, folder,
                new Activation(context, kept, healthTimeout(context)), kept);
    }

    /**
     * A WinEvent bus arrived: journal entries are announced on it from now on, and catalog changes
     * are journaled once its accessible-object lookup is there too.
     *
     * @param bus the bus, as this bundle sees it
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindWinEventBus")
    synchronized void bindWinEventBus(WinEventBus bus) {
        events.attach(bus);
        this.bus = bus;
        hookCatalog();
    }

    synchronized void unbindWinEventBus(WinEventBus bus) {
        if (this.bus == bus) {
            this.bus = null;
            unhookCatalog();
        }
        events.detach(bus);
    }

    /**
     * The bus's accessible-object lookup arrived: it tells the core's catalog windows from others.
     *
     * @param objects the lookup, as this bundle sees it
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unbindAccessibleObjects")
    synchronized void bindAccessibleObjects(AccessibleObjects objects) {
        this.objects = objects;
        hookCatalog();
    }

    synchronized void unbindAccessibleObjects(AccessibleObjects objects) {
        if (this.objects == objects) {
            this.objects = null;
            unhookCatalog();
        }
    }

    private void hookCatalog() {
        if (bus != null && objects != null) {
            catalogChanges.attach(bus, objects);
        }
    }

    private void unhookCatalog() {
        catalogChanges.detach();
    }

    @Deactivate
    synchronized void deactivate() {
        unhookCatalog();
        events.detach(null);
    }

    private static Path folder(BundleContext context) {
        String dir = context.getProperty(DATA_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir, "market");
        }
        File data = context.getDataFile("");
        if (data == null) {
            throw new IllegalStateException("the framework has no data area for " + context.getBundle().getSymbolicName()
                    + " and " + DATA_DIR_PROPERTY + " is not set");
        }
        return data.toPath();
    }

    private static Duration healthTimeout(BundleContext context) {
        String value = context.getProperty(HEALTH_TIMEOUT_PROPERTY);
        try {
            return Duration.ofMillis(value == null ? DEFAULT_HEALTH_TIMEOUT_MILLIS : Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            LOG.error("{}={} is not a number of milliseconds; the health check waits {} ms", HEALTH_TIMEOUT_PROPERTY, value,
                    DEFAULT_HEALTH_TIMEOUT_MILLIS);
            return Duration.ofMillis(DEFAULT_HEALTH_TIMEOUT_MILLIS);
        }
    }

    private static List<Source> load(SourceFile file) {
        try {
            return file.load();
        } catch (WsaException e) {
            LOG.error("The marketplace starts with no source: {}", e.getMessage(), e);
            return List.of();
        }
    }

    @Override
    public Source add(String url, List<String> keys) throws WsaException {
        Source s;
        try {
            s = sources.add(url, keys);
        } catch (WsaException e) {
            refused("add-source", url, e);
            throw e;
        }
        LOG.info("Marketplace source {} added: {} resources", url, s.resources());
        journal.append("add-source", url + (keys.isEmpty() ? "" : " keys " + String.join(",", keys)), List.of(),
                HistoryEntry.OK);
        return s;
    }

    @Override
    public List<Source> sources() {
        return sources.sources();
    }

    @Override
    public void remove(String url) throws WsaException {
        try {
            sources.remove(url);
        } catch (WsaException e) {
            refused("remove-source", url, e);
            throw e;
        }
        LOG.info("Marketplace source {} removed", url);
        journal.append("remove-source", url, List.of(), HistoryEntry.OK);
    }

    @Override
    public List<Offer> search(String textOrFilter) throws WsaException {
        return OfferSearch.search(sources.indexes(), textOrFilter);
    }

    @Override
    public Plan plan(String symbolicName) throws WsaException {
        return planner.plan(symbolicName, sources.indexes());
    }

    @Override
    public HistoryEntry install(String symbolicName, Consumer<String> progress) throws WsaException {
        return installer.install(symbolicName, false, progress);
    }

    @Override
    public HistoryEntry update(String symbolicName, Consumer<String> progress) throws WsaException {
        return installer.install(symbolicName, true, progress);
    }

    @Override
    public HistoryEntry uninstall(String symbolicName) throws WsaException {
        return installer.uninstall(symbolicName);
    }

    @Override
    public List<HistoryEntry> history() throws WsaException {
        return journal.read();
    }

    @Override
    public HistoryEntry rollback(int entry, Consumer<String> progress) throws WsaException {
        return installer.rollback(entry, progress);
    }

    /**
     * The installer, for the deploy folder's {@link DeployFolderInstaller} in this bundle.
     *
     * @return the installer
     */
    Installer installer() {
        return installer;
    }

    private void refused(String action, String subject, WsaException e) {
        try {
            journal.refused(action, subject, e);
        } catch (WsaException j) {
            e.addSuppressed(j);
        }
    }
}
