package winevent.bus.impl;

import java.util.Locale;

import winevent.WinEventBus;
import winevent.WinEventCategory;
import winevent.WinEventException;
import winevent.WinEvents;

/**
 * How events are named for people and topics: hexadecimal IDs, {@code winuser.h} names, atom
 * strings and categories. Shared by the log messages, the shell and the EventAdmin bridge.
 */
final class EventNames {
    private EventNames() {
    }

    /**
     * Formats an ID in hexadecimal.
     *
     * @param event an ID
     * @return {@code 0x} and at least four upper-case digits, for example {@code 0x800C}
     */
    static String hex(int event) {
        return String.format("0x%04X", event);
    }

    /**
     * Names an event: its constant, or the string of its atom.
     *
     * @param event an ID
     * @param bus where atoms are looked up
     * @return for example {@code EVENT_OBJECT_CREATE}, or null when the ID has neither
     */
    static String name(int event, WinEventBus bus) {
        String constant = WinEvents.name(event);
        if (constant != null || WinEventCategory.of(event) != WinEventCategory.ATOM) {
            return constant;
        }
        try {
            return bus.atomName(event);
        } catch (WinEventException freedMeanwhile) {
            return null;
        }
    }

    /**
     * Labels an event for people: its name if it has one, else its category and ID.
     *
     * @param event an ID
     * @param bus where atoms are looked up
     * @return for example {@code EVENT_OBJECT_CREATE} or {@code OEM 0x0105}
     */
    static String label(int event, WinEventBus bus) {
        String name = name(event, bus);
        return name != null ? name : categoryName(event) + " " + hex(event);
    }

    /**
     * Names the range of an ID in lower case, as topics use it.
     *
     * @param event an ID
     * @return for example {@code object} or {@code uia_events}, {@code undefined} outside every range
     */
    static String category(int event) {
        return categoryName(event).toLowerCase(Locale.ROOT);
    }

    private static String categoryName(int event) {
        WinEventCategory c = WinEventCategory.of(event);
        return c == null ? "UNDEFINED" : c.name();
    }
}
