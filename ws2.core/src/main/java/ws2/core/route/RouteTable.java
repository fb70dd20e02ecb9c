package ws2.core.route;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ws2.api.AddressFamily;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolChain;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.StoredEntry;
import ws2.core.catalog.ViewData;
import ws2.core.provider.ProviderService;

/**
 * The catalog joined with the live providers, immutable: what socket creation reads, with no lock
 * and no lookup beyond a scan of the (short) catalog. Rebuilt and republished whenever the catalog
 * or the set of provider services changes.
 */
public final class RouteTable {
    /** The table with no entries. */
    public static final RouteTable EMPTY = build(CatalogData.EMPTY, Map.of());

    private final Map<CatalogView, List<Route>> routes;

    private RouteTable(Map<CatalogView, List<Route>> routes) {
        this.routes = routes;
    }

    /**
     * Joins a catalog with the live providers.
     *
     * @param data the catalog
     * @param live the current provider service per GUID
     * @return the table
     */
    public static RouteTable build(CatalogData data, Map<UUID, ProviderService> live) {
        Map<CatalogView, List<Route>> out = new EnumMap<>(CatalogView.class);
        for (CatalogView v : CatalogView.values()) {
            ViewData view = data.view(v);
            List<Route> list = new ArrayList<>(view.entries().size());
            for (StoredEntry e : view.entries()) {
                list.add(route(view, e, live));
            }
            out.put(v, List.copyOf(list));
        }
        return new RouteTable(out);
    }

    private static Route route(ViewData view, StoredEntry e, Map<UUID, ProviderService> live) {
        ProtocolChain chain = e.info().protocolChain();
        if (!chain.isChain()) {
            ProviderService s = live.get(e.info().providerId());
            return new Route(e, s, s != null ? "" : noService(e.info().providerId(), e.path()), new int[0]);
        }
        int[] categories = new int[chain.length() - 1];
        ProviderService top = null;
        for (int i = 0; i < chain.length(); i++) {
            Optional<StoredEntry> member = view.byId(chain.entry(i));
            if (member.isEmpty()) {
                return new Route(e, null, "its chain names catalog entry " + chain.entry(i)
                        + ", which is no longer installed", categories);
            }
            UUID id = member.get().info().providerId();
            ProviderService s = live.get(id);
            if (s == null) {
                return new Route(e, null, "layer " + (i + 1) + " of its chain: " + noService(id, member.get().path()),
                        categories);
            }
            if (i == 0) {
                top = s;
            }
            if (i < categories.length) {
                categories[i] = view.lspCategories().getOrDefault(id, 0);
            }
        }
        return new Route(e, top, "", categories);
    }

    private static String noService(UUID id, String path) {
        return "provider " + id + " has no registered service (is its bundle " + path + " stopped?)";
    }

    /**
     * Returns the routes of a view, in catalog order.
     *
     * @param view the view
     * @return the routes
     */
    public List<Route> routes(CatalogView view) {
        return routes.get(view);
    }

    /**
     * Finds a route by catalog entry ID.
     *
     * @param view the view
     * @param id the catalog entry ID
     * @return the route, if the entry is installed
     */
    public Optional<Route> byId(CatalogView view, int id) {
        for (Route r : routes.get(view)) {
            if (r.info().catalogEntryId() == id) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Chooses the entry for {@code socket(af, type, protocol)} exactly as Winsock does: the first
     * base or chain entry in catalog order that matches; 0 is a wildcard for family and type, and for
     * protocol only on entries with {@code PFL_MATCHES_PROTOCOL_ZERO}; a protocol matches within
     * {@code iProtocol..iProtocol+iProtocolMaxOffset}; layered entries are never chosen; chains whose
     * layers the client's categories do not permit are passed over. Unlike Windows, an entry whose
     * provider is absent is passed over too, so another provider of the same protocol can take the
     * socket.
     *
     * <p>When nothing matches, the code does not depend on catalog order: {@code WSAEAFNOSUPPORT}
     * if no entry has the family, else {@code WSAESOCKTNOSUPPORT} if none of that family has the
     * type, else {@code WSAEPROTONOSUPPORT}. When only unavailable entries match,
     * {@code WSAEPROVIDERFAILEDINIT} names the first and why.
     *
     * @param view the client's catalog view
     * @param af address family, 0 for any
     * @param type socket type, 0 for any
     * @param protocol protocol
     * @param appCategories the client's permitted LSP categories, or null
     * @return the route
     * @throws WsaException as above
     */
    public Route select(CatalogView view, int af, int type, int protocol, Integer appCategories) throws WsaException {
        boolean family = false;
        boolean familyAndType = false;
        Route unavailable = null;
        for (Route r : routes.get(view)) {
            ProtocolInfo i = r.info();
            if (i.protocolChain().isLayered()) {
                continue;
            }
            if (af != 0 && i.addressFamily() != af) {
                continue;
            }
            family = true;
            if (type != 0 && i.socketType() != type) {
                continue;
            }
            familyAndType = true;
            boolean protocolMatches = i.coversProtocol(protocol)
                    || protocol == 0 && i.hasProviderFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO);
            if (!protocolMatches || !r.permits(appCategories)) {
                continue;
            }
            if (r.available()) {
                return r;
            }
            if (unavailable == null) {
                unavailable = r;
            }
        }
        String triple = AddressFamily.name(af) + ", " + SocketType.name(type) + ", protocol " + protocol;
        if (unavailable != null) {
            throw new WsaException(WsaError.WSAEPROVIDERFAILEDINIT, "catalog entry " + unavailable.info().catalogEntryId()
                    + " '" + unavailable.info().protocolName() + "' matches (" + triple + ") but cannot be used: "
                    + unavailable.reason());
        }
        if (!family) {
            throw new WsaException(WsaError.WSAEAFNOSUPPORT, "no catalog entry supports address family " + AddressFamily.name(af));
        }
        if (!familyAndType) {
            throw new WsaException(WsaError.WSAESOCKTNOSUPPORT, "no catalog entry of family " + AddressFamily.name(af)
                    + " supports socket type " + SocketType.name(type));
        }
        throw new WsaException(WsaError.WSAEPROTONOSUPPORT, "no catalog entry matches (" + triple + ")");
    }

    /**
     * Finds the first usable base or chain entry of a family, for address/string conversion.
     *
     * @param view the view
     * @param af the family
     * @return the route
     * @throws WsaException {@code WSAEINVAL} if no usable entry has the family
     */
    public Route firstOfFamily(CatalogView view, int af) throws WsaException {
        for (Route r : routes.get(view)) {
            if (!r.info().protocolChain().isLayered() && r.info().addressFamily() == af && r.available()) {
                return r;
            }
        }
        throw new WsaException(WsaError.WSAEINVAL, "no available catalog entry translates addresses of family "
                + AddressFamily.name(af));
    }
}
