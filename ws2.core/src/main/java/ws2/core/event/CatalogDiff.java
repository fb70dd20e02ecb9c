package ws2.core.event;

import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_NAMECHANGE;
import static winevent.WinEvents.EVENT_OBJECT_REORDER;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ws2.catalog.CatalogView;
import ws2.core.route.Route;
import ws2.core.route.RouteTable;

/**
 * What changed between two route tables, as WinEvents: for each view, entries destroyed, then
 * created, then a reorder of the entries that stayed, then renames and availability changes, in
 * catalog order; then one provider-configuration change if anything changed.
 */
final class CatalogDiff {
    private CatalogDiff() {
    }

    static List<Notice> between(RouteTable before, RouteTable after) {
        List<Notice> out = new ArrayList<>();
        for (CatalogView v : CatalogView.values()) {
            Notice.Window window = v == CatalogView.NATIVE ? Notice.Window.NATIVE_CATALOG : Notice.Window.COMPAT32_CATALOG;
            Map<Integer, Route> old = byId(before.routes(v));
            Map<Integer, Route> now = byId(after.routes(v));
            for (Integer id : old.keySet()) {
                if (!now.containsKey(id)) {
                    out.add(new Notice(EVENT_OBJECT_DESTROY, window, id));
                }
            }
            for (Integer id : now.keySet()) {
                if (!old.containsKey(id)) {
                    out.add(new Notice(EVENT_OBJECT_CREATE, window, id));
                }
            }
            List<Integer> keptBefore = old.keySet().stream().filter(now::containsKey).toList();
            List<Integer> keptAfter = now.keySet().stream().filter(old::containsKey).toList();
            if (!keptBefore.equals(keptAfter)) {
                out.add(new Notice(EVENT_OBJECT_REORDER, window, CHILDID_SELF));
            }
            for (Map.Entry<Integer, Route> e : now.entrySet()) {
                Route was = old.get(e.getKey());
                if (was == null) {
                    continue;
                }
                if (!was.info().protocolName().equals(e.getValue().info().protocolName())) {
                    out.add(new Notice(EVENT_OBJECT_NAMECHANGE, window, e.getKey()));
                }
                if (was.available() != e.getValue().available() || !was.reason().equals(e.getValue().reason())) {
                    out.add(new Notice(EVENT_OBJECT_STATECHANGE, window, e.getKey()));
                }
            }
        }
        if (!out.isEmpty()) {
            out.add(new Notice(0, Notice.Window.NATIVE_CATALOG, CHILDID_SELF));
        }
        return out;
    }

    private static Map<Integer, Route> byId(List<Route> routes) {
        Map<Integer, Route> m = new LinkedHashMap<>();
        for (Route r : routes) {
            m.put(r.info().catalogEntryId(), r);
        }
        return m;
    }
}
