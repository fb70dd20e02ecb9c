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
            return new Route(e, List.of(new Route.Member(e, s, 0, false)),
                    s != null ? "" : Route.noService(e.info().providerId(), e.path()));
        }
        List<Route.Member> members = new ArrayList<>(chain.length());
        for (int i = 0; i < chain.length(); i++) {
            Optional<StoredEntry> member = view.byId(chain.entry(i));
            if (member.isEmpty()) {
                return new Route(e, members, "its chain names catalog entry " + chain.entry(i)
                        + ", which is no longer installed");
            }
            ProtocolInfo info = member.get().info();
            boolean last = i == chain.length() - 1;
            if (last != info.protocolChain().isBase() || !last && !info.protocolChain().isLayered()) {
                return new Route(e, members, "member " + (i + 1) + " of its chain, entry " + chain.entry(i) + ", is "
                        + info.protocolChain() + "; a chain lists layered entries, then one base entry");
            }
            ProviderService s = live.get(info.providerId());
            members.add(new Route.Member(member.get(), s, view.lspCategories().getOrDefault(info.providerId(), 0),
                    info.hasProviderFlags(ProviderFlags.PFL_FAIL_CLOSED)));
            if (last && s == null) {
                return new Route(e, members, "its base entry " + chain.entry(i) + ": "
                        + Route.noService(info.providerId(), member.get().path()));
            }
        }
        return new Route(e, members, "");
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
     * {@code iProtocol..iProtocol+iProtocolMaxOffset}; layered entries are never chosen. Unlike
     * Windows, an entry whose base provider is absent is passed over, so another provider of the
     * same protocol can take the socket. Which layers of the chosen chain a client runs through
     * ({@link Route#path}) is decided after: layers its categories do not load and absent fail-open
     * layers are left out, an absent fail-closed layer fails the socket.
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
     * @return the route
     * @throws WsaException as above
     */
    public Route select(CatalogView view, int af, int type, int protocol) throws WsaException {
        boolean family = false;
        boolean familyAndType = false;
        Route unavailable = null;
        for (Route r : routes.get(view)) {
            int m = match(r.info(), af, type, protocol);
            family |= m >= FAMILY;
            familyAndType |= m >= TYPE;
            if (m != MATCH) {
                continue;
            }
            if (r.usable()) {
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
                    + unavailable.problem());
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

    private static final int LAYERED = 0;
    private static final int FAMILY = 2;
    private static final int TYPE = 3;
    private static final int MATCH = 4;

    /** How far an entry matches a request: layered, other family (1), family, type, or all. */
    private static int match(ProtocolInfo i, int af, int type, int protocol) {
        if (i.protocolChain().isLayered()) {
            return LAYERED;
        }
        if (af != 0 && i.addressFamily() != af) {
            return 1;
        }
        if (type != 0 && i.socketType() != type) {
            return FAMILY;
        }
        boolean protocolMatches = i.coversProtocol(protocol)
                || protocol == 0 && i.hasProviderFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO);
        return protocolMatches ? MATCH : TYPE;
    }

    /**
     * Explains {@link #select} for {@code ws2:explain}: each entry in catalog order with why it was
     * passed over, until the chosen one, then the path a client's socket on it runs through, with
     * why each layer is in or out.
     *
     * @param view the client's catalog view
     * @param af address family
     * @param type socket type
     * @param protocol protocol
     * @param appCategories the client's permitted categories, or null when not categorized
     * @return the lines
     */
    public List<String> explain(CatalogView view, int af, int type, int protocol, Integer appCategories) {
        List<String> out = new ArrayList<>();
        for (Route r : routes.get(view)) {
            ProtocolInfo i = r.info();
            String head = i.catalogEntryId() + " '" + i.protocolName() + "': ";
            int m = match(i, af, type, protocol);
            if (m != MATCH) {
                out.add(head + (m == LAYERED ? "passed over: a layered entry is never chosen"
                        : m < FAMILY ? "passed over: family " + AddressFamily.name(i.addressFamily())
                        : m < TYPE ? "passed over: type " + SocketType.name(i.socketType())
                        : "passed over: protocol " + i.protocol() + (i.protocolMaxOffset() > 0
                                ? ".." + (i.protocol() + i.protocolMaxOffset()) : "")));
                continue;
            }
            if (!r.usable()) {
                out.add(head + "passed over: unavailable, " + r.problem());
                continue;
            }
            out.add(head + "CHOSEN: the first usable entry that matches in catalog order");
            try {
                List<Route.Member> path = r.path(appCategories);
                for (Route.Member member : r.members()) {
                    ProtocolInfo mi = member.entry().info();
                    String why = path.contains(member) ? (member.layered() ? "runs: layer, present" : "runs: base, present")
                            : member.service() == null ? "bypassed: fail-open layer, absent"
                            : "skipped: the client's categories do not load a layer with categories 0x"
                                    + Integer.toHexString(member.categories());
                    out.add("    " + mi.catalogEntryId() + " '" + mi.protocolName() + "' " + why);
                }
            } catch (WsaException e) {
                out.add("    socket creation fails: " + e.error().name() + " (" + e.error().code() + "): " + e.getMessage());
            }
            return out;
        }
        out.add("no usable entry matches: socket creation fails");
        return out;
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
            if (!r.info().protocolChain().isLayered() && r.info().addressFamily() == af && r.usable()) {
                return r;
            }
        }
        throw new WsaException(WsaError.WSAEINVAL, "no available catalog entry translates addresses of family "
                + AddressFamily.name(af));
    }
}
