package ws2.core.runtime;

import java.util.List;

import ws2.catalog.ProviderCatalog;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogPersistence;
import ws2.core.catalog.CatalogStore;
import ws2.core.context.ClientContext;
import ws2.core.context.ContextRegistry;
import ws2.core.event.Announcer;
import ws2.core.namespace.NameServices;
import ws2.core.namespace.NspCalls;
import ws2.core.namespace.NspRegistry;
import ws2.core.namespace.ResultCache;
import ws2.core.provider.ProviderExtender;
import ws2.core.provider.ProviderRegistry;
import ws2.core.route.RouteTable;
import ws2.core.route.Routes;
import ws2.core.socket.HandleTable;
import ws2.core.upcall.UpcallRegistry;

/**
 * The parts of ws2.core wired together, without the framework: catalog, handle table, upcalls,
 * provider extender and registry, routes and client contexts. {@link CoreRuntime} feeds it bundles
 * and services; tests drive it directly.
 */
public final class Core {
    private final CatalogStore catalog;
    private final HandleTable handles = new HandleTable();
    private final UpcallRegistry upcalls;
    private final ProviderExtender extender;
    private final ProviderRegistry providers;
    private final Routes routes;
    private final ContextRegistry contexts;
    private final Announcer announcer;
    private final ProviderCatalog admin;
    private final NspRegistry nspRegistry;
    private final NameServices names;

    /**
     * Wires the core.
     *
     * @param initial the catalog to start with
     * @param persistence where catalog changes are written
     */
    public Core(CatalogData initial, CatalogPersistence persistence) {
        catalog = new CatalogStore(initial, persistence);
        upcalls = new UpcallRegistry(handles, catalog);
        extender = new ProviderExtender(catalog, this::declarationsChanged);
        providers = new ProviderRegistry(extender::allowedServers);
        routes = new Routes(catalog::data, providers::current, this::routesChanged);
        announcer = new Announcer(routes, this::liveContexts, handles);
        nspRegistry = new NspRegistry(extender::allowedServers);
        names = new NameServices(catalog::data, nspRegistry, new NspCalls(), new ResultCache(), handles);
        contexts = new ContextRegistry(routes, handles, upcalls::forBundle, catalog, announcer, names);
        nspRegistry.onGone(gone -> {
            names.cache().clear();
            contexts.nspGone(gone);
        });
        admin = new CatalogAdmin(catalog, routes, extender, providers, nspRegistry, contexts::openSockets);
        catalog.addListener(d -> {
            names.cache().clear();
            routes.rebuild();
        });
        providers.addListener((current, gone) -> {
            routes.rebuild();
            if (gone != null) {
                contexts.providerGone(gone);
            }
        });
        routes.rebuild();
    }

    private List<ClientContext> liveContexts() {
        return contexts.contexts();
    }

    /** After every rebuild, under the routes lock: queue the WinEvents, signal the config-change events. */
    private void routesChanged(RouteTable before, RouteTable after) {
        announcer.routesChanged(before, after);
        contexts.configChanged();
    }

    private void declarationsChanged() {
        providers.recompute();
        nspRegistry.recompute();
        routes.rebuild();
    }

    /**
     * Returns the namespace providers registered now.
     *
     * @return the registry
     */
    public NspRegistry nspRegistry() {
        return nspRegistry;
    }

    /**
     * Returns what name resolution shares (timeouts and cache are set through it).
     *
     * @return the services
     */
    public NameServices names() {
        return names;
    }

    /**
     * Returns the catalog store.
     *
     * @return the store
     */
    public CatalogStore catalog() {
        return catalog;
    }

    /**
     * Returns the handle table.
     *
     * @return the table
     */
    public HandleTable handles() {
        return handles;
    }

    /**
     * Returns the upcall tables.
     *
     * @return the registry
     */
    public UpcallRegistry upcalls() {
        return upcalls;
    }

    /**
     * Returns the provider extender.
     *
     * @return the extender
     */
    public ProviderExtender extender() {
        return extender;
    }

    /**
     * Returns the provider services.
     *
     * @return the registry
     */
    public ProviderRegistry providers() {
        return providers;
    }

    /**
     * Returns the published route table.
     *
     * @return the holder
     */
    public Routes routes() {
        return routes;
    }

    /**
     * Returns the client contexts.
     *
     * @return the registry
     */
    public ContextRegistry contexts() {
        return contexts;
    }

    /**
     * Returns the announcer of WinEvents.
     *
     * @return the announcer
     */
    public Announcer announcer() {
        return announcer;
    }

    /**
     * Returns the catalog service.
     *
     * @return the WSC implementation
     */
    public ProviderCatalog admin() {
        return admin;
    }
}
