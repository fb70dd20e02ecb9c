package ws2.core.event;

import static winevent.AccessibleConstants.ROLE_SYSTEM_LIST;
import static winevent.AccessibleConstants.ROLE_SYSTEM_LISTITEM;
import static winevent.AccessibleConstants.STATE_SYSTEM_NORMAL;
import static winevent.AccessibleConstants.STATE_SYSTEM_UNAVAILABLE;
import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.OBJID_CLIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import winevent.AccessibleObject;
import winevent.AccessibleObjectSource;
import winevent.EventTriple;
import ws2.api.AddressFamily;
import ws2.api.SocketType;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.core.route.Route;
import ws2.core.route.RouteTable;

/**
 * The accessible objects of a catalog window: the catalog itself ({@code OBJID_CLIENT},
 * {@code CHILDID_SELF}), a list, and each entry (child ID = catalog entry ID), a list item whose
 * state says whether it can be used now.
 */
final class CatalogWindow implements AccessibleObjectSource {
    private final String name;
    private final CatalogView view;
    private final Supplier<RouteTable> routes;
    private final LongSupplier hwnd;

    CatalogWindow(String name, CatalogView view, Supplier<RouteTable> routes, LongSupplier hwnd) {
        this.name = name;
        this.view = view;
        this.routes = routes;
        this.hwnd = hwnd;
    }

    @Override
    public AccessibleObject get(int idObject, int idChild) {
        if (idObject != OBJID_CLIENT) {
            return null;
        }
        List<Route> all = routes.get().routes(view);
        EventTriple list = new EventTriple(hwnd.getAsLong(), OBJID_CLIENT, CHILDID_SELF);
        if (idChild == CHILDID_SELF) {
            List<EventTriple> children = new ArrayList<>();
            for (Route r : all) {
                children.add(new EventTriple(list.hwnd(), OBJID_CLIENT, r.info().catalogEntryId()));
            }
            return new AccessibleObject(name, ROLE_SYSTEM_LIST, STATE_SYSTEM_NORMAL, all.size() + " entries",
                    "the " + view.name().toLowerCase() + " Winsock catalog, in order", null, children);
        }
        for (Route r : all) {
            ProtocolInfo i = r.info();
            if (i.catalogEntryId() == idChild) {
                return new AccessibleObject(i.protocolName(), ROLE_SYSTEM_LISTITEM,
                        r.available() ? STATE_SYSTEM_NORMAL : STATE_SYSTEM_UNAVAILABLE,
                        AddressFamily.name(i.addressFamily()) + ", " + SocketType.name(i.socketType()) + ", protocol "
                                + i.protocol(),
                        "provider {" + i.providerId() + "} at " + r.entry().path()
                                + (r.available() ? "" : "; unavailable: " + r.reason()),
                        list, List.of());
            }
        }
        return null;
    }
}
