package ws2.market.impl;

import java.io.File;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.resolver.Resolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaException;
import ws2.market.Marketplace;
import ws2.market.Offer;
import ws2.market.Plan;
import ws2.market.Source;
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
 * at the next change).
 */
@Component(service = Marketplace.class, immediate = true)
public final class MarketplaceComponent implements Marketplace {
    /** Framework property naming ws2's data folder, shared with ws2.core. */
    public static final String DATA_DIR_PROPERTY = "ws2.data.dir";
    private static final Logger LOG = LoggerFactory.getLogger(MarketplaceComponent.class);

    private final SourceList sources;
    private final Planner planner;

    /**
     * Creates the service and loads the source list (the indexes are read on first use).
     *
     * @param context this bundle's context
     * @param resolver the OSGi resolver service
     */
    @Activate
    public MarketplaceComponent(BundleContext context, @Reference Resolver resolver) {
        SourceFile file = new SourceFile(folder(context));
        this.sources = new SourceList(file, new IndexReader(), load(file));
        this.planner = new Planner(new FrameworkBundles(context), resolver);
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
        Source s = sources.add(url, keys);
        LOG.info("Marketplace source {} added: {} resources", url, s.resources());
        return s;
    }

    @Override
    public List<Source> sources() {
        return sources.sources();
    }

    @Override
    public void remove(String url) throws WsaException {
        sources.remove(url);
        LOG.info("Marketplace source {} removed", url);
    }

    @Override
    public List<Offer> search(String textOrFilter) throws WsaException {
        return OfferSearch.search(sources.indexes(), textOrFilter);
    }

    @Override
    public Plan plan(String symbolicName) throws WsaException {
        return planner.plan(symbolicName, sources.indexes());
    }
}
