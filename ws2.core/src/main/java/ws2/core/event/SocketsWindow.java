package ws2.core.event;

import static winevent.AccessibleConstants.ROLE_SYSTEM_LIST;
import static winevent.AccessibleConstants.ROLE_SYSTEM_LISTITEM;
import static winevent.AccessibleConstants.STATE_SYSTEM_LINKED;
import static winevent.AccessibleConstants.STATE_SYSTEM_NORMAL;
import static winevent.AccessibleConstants.STATE_SYSTEM_TRAVERSED;
import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.OBJID_CLIENT;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import winevent.AccessibleObject;
import winevent.AccessibleObjectSource;
import winevent.EventTriple;
import ws2.api.SockAddr;
import ws2.api.WsaException;
import ws2.catalog.CatalogEvents;
import ws2.core.context.ClientContext;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.HandleTable;

/**
 * The accessible objects of the sockets window: the list of open sockets ({@code OBJID_CLIENT},
 * {@code CHILDID_SELF}) and each socket (child ID = its handle value), whose state says whether it
 * is connected ({@code STATE_SYSTEM_LINKED}) or its connection closed ({@code STATE_SYSTEM_TRAVERSED}).
 */
final class SocketsWindow implements AccessibleObjectSource {
    private final Supplier<List<ClientContext>> contexts;
    private final HandleTable handles;
    private final LongSupplier hwnd;

    SocketsWindow(Supplier<List<ClientContext>> contexts, HandleTable handles, LongSupplier hwnd) {
        this.contexts = contexts;
        this.handles = handles;
        this.hwnd = hwnd;
    }

    @Override
    public AccessibleObject get(int idObject, int idChild) {
        if (idObject != OBJID_CLIENT) {
            return null;
        }
        EventTriple list = new EventTriple(hwnd.getAsLong(), OBJID_CLIENT, CHILDID_SELF);
        if (idChild == CHILDID_SELF) {
            List<EventTriple> children = new ArrayList<>();
            for (ClientContext c : contexts.get()) {
                for (CoreSocket s : c.sockets()) {
                    children.add(new EventTriple(list.hwnd(), OBJID_CLIENT, (int) s.value()));
                }
            }
            return new AccessibleObject(CatalogEvents.SOCKETS_WINDOW, ROLE_SYSTEM_LIST, STATE_SYSTEM_NORMAL,
                    children.size() + " sockets", "the open sockets of every client context", null, children);
        }
        if (!(handles.lookup(idChild) instanceof CoreSocket s)) {
            return null;
        }
        CoreSocket.Adoption a = s.adoption();
        if (a == null || a == CoreSocket.CLOSED) {
            return null;
        }
        int state = s.connection() == CoreSocket.CONNECTED ? STATE_SYSTEM_LINKED
                : s.connection() == CoreSocket.CONNECTION_CLOSED ? STATE_SYSTEM_TRAVERSED : STATE_SYSTEM_NORMAL;
        ClientContext owner = (ClientContext) a.owner();
        return new AccessibleObject("socket " + s.value(), ROLE_SYSTEM_LISTITEM, state,
                address(a, s, true) + " -> " + address(a, s, false),
                a.entry().protocolName() + ", catalog entry " + a.entry().catalogEntryId() + ", client context "
                        + owner.processId() + " " + owner.name(),
                list, List.of());
    }

    private static String address(CoreSocket.Adoption a, CoreSocket s, boolean local) {
        try {
            SockAddr addr = local ? a.dispatch().getSockName(s) : a.dispatch().getPeerName(s);
            return addr.toString();
        } catch (WsaException | RuntimeException e) {
            return "-";
        }
    }
}
