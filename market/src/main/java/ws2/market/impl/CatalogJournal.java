package ws2.market.impl;

import static winevent.AccessibleConstants.STATE_SYSTEM_UNAVAILABLE;
import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_NAMECHANGE;
import static winevent.WinEvents.EVENT_OBJECT_REORDER;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;
import static winevent.WinEvents.OBJID_CLIENT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.AccessibleObject;
import winevent.AccessibleObjects;
import winevent.WinEventBus;
import winevent.WinEventException;
import winevent.WinEventHook;
import winevent.WinEventProc;
import ws2.api.WsaException;
import ws2.catalog.CatalogEvents;
import ws2.market.HistoryEntry;
import ws2.market.install.Journal;

/**
 * Journals the catalog changes ws2.core announces on the WinEvent bus (see {@link CatalogEvents}):
 * one record per event on a catalog window, action {@value #ACTION}, outcome {@code ok}, subject
 * e.g. {@code native entry 1007 'ws2 Metrics over [ws2 Tcpip [TCP/IP]]' created}. The records are
 * written quietly: the bus has announced these changes already.
 *
 * <p>While attached, one out-of-context hook covers {@code EVENT_OBJECT_CREATE} to
 * {@code EVENT_OBJECT_NAMECHANGE}; the bus queues the events and calls {@link #onEvent} on the
 * hook's own thread, so no change ever waits for the journal. Events of other windows (the core's
 * sockets window, anyone else's) are dropped after one comparison once their window is known. The
 * catalog windows are found by name when an unknown window is first seen (ws2.core creates new ones
 * each time it attaches; handles are never reused). An entry's name is pulled with
 * {@code AccessibleObjectFromEvent} and remembered, so a destroyed entry is named too when it was seen
 * before; when the pull fails the record names the entry ID only. A failure (a gone window, a journal
 * that cannot be written) is logged and dropped.
 *
 * <p>Attach and detach are serialised; the hook's thread reads the published link once per event.
 */
final class CatalogJournal implements WinEventProc {
    /** The action of the records. */
    static final String ACTION = "catalog";
    private static final Logger LOG = LoggerFactory.getLogger(CatalogJournal.class);

    /** The bus, the lookup and the hook set on the bus. */
    private record Link(WinEventBus bus, AccessibleObjects objects, WinEventHook hook) {
    }

    private final Journal journal;
    private final Map<Long, String> names = new ConcurrentHashMap<>();
    private volatile Link link;
    // read and written by the hook's delivery thread only (one at a time: unhook waits for it)
    private long nativeWindow;
    private long compat32Window;
    private long otherWindow;

    /**
     * Creates the listener.
     *
     * @param journal the journal the records are appended to
     */
    CatalogJournal(Journal journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    /**
     * Sets the hook on a bus, replacing the one set.
     *
     * @param bus the bus, as the marketplace's bundle sees it
     * @param objects the accessible-object lookup of the same bus
     */
    synchronized void attach(WinEventBus bus, AccessibleObjects objects) {
        detach();
        WinEventHook hook;
        try {
            hook = bus.setWinEventHook(EVENT_OBJECT_CREATE, EVENT_OBJECT_NAMECHANGE, null, this, 0, 0,
                    WINEVENT_OUTOFCONTEXT);
        } catch (WinEventException | IllegalStateException e) {
            LOG.warn("The marketplace does not journal catalog changes: its WinEvent hook cannot be set: {}", e.toString());
            return;
        }
        link = new Link(bus, objects, hook);
        LOG.info("The marketplace journals the catalog changes announced on the WinEvent bus");
    }

    /** Removes the hook, if one is set and the bus is still there. */
    synchronized void detach() {
        Link l = link;
        if (l == null) {
            return;
        }
        link = null;
        try {
            l.bus().unhookWinEvent(l.hook());
        } catch (WinEventException | IllegalStateException e) {
            LOG.debug("The WinEvent bus was already gone: {}", e.toString());
        }
    }

    /**
     * Tells whether the hook is set.
     *
     * @return true while attached
     */
    boolean attached() {
        return link != null;
    }

    @Override
    public void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread,
            long eventTime) {
        Link l = link;
        if (l == null || l.hook() != hook || idObject != OBJID_CLIENT || hwnd == 0 || hwnd == otherWindow) {
            return;
        }
        try {
            String view = view(l.objects(), hwnd);
            if (view == null) {
                return;
            }
            String subject = subject(l.objects(), view, event, hwnd, idChild);
            if (subject != null) {
                journal.appendQuietly(ACTION, subject, List.of(), HistoryEntry.OK);
            }
        } catch (WsaException | RuntimeException e) {
            LOG.warn("A catalog change (event 0x{}, window {}, child {}) was not journaled: {}", Integer.toHexString(event),
                    hwnd, idChild, e.toString());
        }
    }

    /** The catalog view of a window: {@code native}, {@code compat32}, or null for another window. */
    private String view(AccessibleObjects objects, long hwnd) {
        if (hwnd != nativeWindow && hwnd != compat32Window) {
            nativeWindow = objects.findWindow(CatalogEvents.NATIVE_CATALOG_WINDOW);
            compat32Window = objects.findWindow(CatalogEvents.COMPAT32_CATALOG_WINDOW);
        }
        if (hwnd == nativeWindow) {
            return "native";
        }
        if (hwnd == compat32Window) {
            return "compat32";
        }
        otherWindow = hwnd;
        return null;
    }

    private String subject(AccessibleObjects objects, String view, int event, long hwnd, int idChild) {
        if (event == EVENT_OBJECT_REORDER) {
            AccessibleObject list = pull(objects, hwnd, CHILDID_SELF);
            return view + " catalog reordered" + (list == null ? ""
                    : ": " + list.children().stream().map(c -> Integer.toString(c.idChild())).collect(Collectors.joining(", ")));
        }
        if (idChild == CHILDID_SELF) {
            return null;
        }
        String entry = view + " entry " + idChild;
        Long key = key(view, idChild);
        if (event == EVENT_OBJECT_DESTROY) {
            String name = names.remove(key);
            return entry + (name == null ? "" : " '" + name + "'") + " destroyed";
        }
        AccessibleObject o = pull(objects, hwnd, idChild);
        if (o != null) {
            names.put(key, o.name());
        }
        String named = entry + (o == null ? "" : " '" + o.name() + "'");
        return switch (event) {
            case EVENT_OBJECT_CREATE -> named + " created";
            case EVENT_OBJECT_NAMECHANGE -> o == null ? entry + " renamed" : entry + " renamed to '" + o.name() + "'";
            case EVENT_OBJECT_STATECHANGE -> o == null ? entry + " changed state" : named + state(o);
            default -> null;
        };
    }

    private static String state(AccessibleObject o) {
        if ((o.state() & STATE_SYSTEM_UNAVAILABLE) == 0) {
            return " available";
        }
        int reason = o.description().indexOf("unavailable: ");
        return " unavailable" + (reason < 0 ? "" : ": " + o.description().substring(reason + "unavailable: ".length()));
    }

    /** The object now, or null if it is gone (an event is pulled after the change, maybe after the next one). */
    private static AccessibleObject pull(AccessibleObjects objects, long hwnd, int idChild) {
        try {
            return objects.accessibleObjectFromEvent(hwnd, OBJID_CLIENT, idChild);
        } catch (WinEventException e) {
            return null;
        }
    }

    private static Long key(String view, int idChild) {
        return ("native".equals(view) ? 0L : 1L << 32) | (idChild & 0xFFFF_FFFFL);
    }
}
