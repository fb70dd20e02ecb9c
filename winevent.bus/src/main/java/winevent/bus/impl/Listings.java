package winevent.bus.impl;

import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;
import static winevent.WinEvents.WINEVENT_SKIPOWNTHREAD;

import java.util.Map;
import java.util.StringJoiner;

/**
 * The tables {@code winevent:hooks}, {@code winevent:atoms} and {@code winevent:windows} print,
 * read from a {@link Desktop}.
 */
final class Listings {
    private final Desktop desktop;

    Listings(Desktop desktop) {
        this.desktop = desktop;
    }

    /**
     * Every listed hook with its owner, module, range, flags, filters, mode, state and counts.
     *
     * @return the table
     */
    String hooks() {
        String row = "%6s  %-24s %-24s %-15s %-29s %7s %7s %-14s %-11s %10s %8s %8s %8s%n";
        StringBuilder sb = new StringBuilder(String.format(row, "HOOK", "OWNER", "MODULE", "RANGE", "FLAGS",
                "PROCESS", "THREAD", "MODE", "STATE", "DELIVERED", "PENDING", "DROPPED", "FAILURES"));
        for (Hook h : desktop.bus().hooks()) {
            HookSpec s = h.spec();
            sb.append(String.format(row, h.value(), s.owner(), s.moduleName() == null ? "-" : s.moduleName(),
                    EventNames.hex(s.eventMin()) + "-" + EventNames.hex(s.eventMax()), flags(s.flags()),
                    s.processId(), s.threadId(), s.inContext() ? "in-context" : "out-of-context", h.state(),
                    h.delivered(), h.pending(), h.dropped(), h.failures()));
        }
        return sb.toString();
    }

    private static String flags(int flags) {
        StringJoiner j = new StringJoiner("|");
        j.add((flags & WINEVENT_INCONTEXT) != 0 ? "INCONTEXT" : "OUTOFCONTEXT");
        if ((flags & WINEVENT_SKIPOWNPROCESS) != 0) {
            j.add("SKIPOWNPROCESS");
        }
        if ((flags & WINEVENT_SKIPOWNTHREAD) != 0) {
            j.add("SKIPOWNTHREAD");
        }
        return j.toString();
    }

    /**
     * Every allocated atom with its string, total references and references per context.
     *
     * @return the table
     */
    String atoms() {
        String row = "%-6s  %5s  %-40s %s%n";
        StringBuilder sb = new StringBuilder(String.format(row, "ATOM", "REFS", "STRING", "REFERENCES"));
        for (AtomTable.Entry a : desktop.bus().atoms()) {
            StringJoiner refs = new StringJoiner(", ");
            for (Map.Entry<Long, Integer> r : a.refs().entrySet()) {
                refs.add(desktop.contextName(r.getKey()) + "=" + r.getValue());
            }
            sb.append(String.format(row, EventNames.hex(a.id()), a.total(), a.name(), refs));
        }
        return sb.toString();
    }

    /**
     * Every live window with its owner and name.
     *
     * @return the table
     */
    String windows() {
        String row = "%6s  %-24s %s%n";
        StringBuilder sb = new StringBuilder(String.format(row, "HWND", "OWNER", "NAME"));
        for (WindowTable.Window w : desktop.windows().list()) {
            sb.append(String.format(row, w.hwnd(), w.owner(), w.name()));
        }
        return sb.toString();
    }
}
