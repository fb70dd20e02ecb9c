package winevent;

/**
 * The ranges of WinEvent IDs Microsoft defines ("Allocation of WinEvent IDs"), each with its
 * category. An event outside every range is undefined and cannot be notified; events in a
 * system-reserved range may be notified only by the system (ws2.core).
 */
public enum WinEventCategory {
    /** Microsoft Active Accessibility system events, system reserved. */
    SYSTEM(WinEvents.EVENT_SYSTEM_START, WinEvents.EVENT_SYSTEM_END, true),
    /** OEM reserved: open to anyone who publishes the event definitions (IAccessible2 uses part). */
    OEM(WinEvents.EVENT_OEM_DEFINED_START, WinEvents.EVENT_OEM_DEFINED_END, false),
    /** Windows console events, system reserved. */
    CONSOLE(WinEvents.EVENT_CONSOLE_START, WinEvents.EVENT_CONSOLE_END, true),
    /** UI Automation events, system reserved. */
    UIA_EVENTS(WinEvents.EVENT_UIA_EVENTID_START, WinEvents.EVENT_UIA_EVENTID_END, true),
    /** UI Automation property changes, system reserved. */
    UIA_PROPERTIES(WinEvents.EVENT_UIA_PROPID_START, WinEvents.EVENT_UIA_PROPID_END, true),
    /** Microsoft Active Accessibility object events, system reserved. */
    OBJECT(WinEvents.EVENT_OBJECT_START, WinEvents.EVENT_OBJECT_END, true),
    /** Community reserved, for events specified by the Accessibility Interoperability Alliance. */
    COMMUNITY(WinEvents.EVENT_AIA_START, WinEvents.EVENT_AIA_END, false),
    /** Allocated at run time from a GUID string ({@link WinEventBus#addAtom}). */
    ATOM(WinEvents.EVENT_ATOM_START, WinEvents.EVENT_ATOM_END, false);

    private static final WinEventCategory[] ALL = values();

    private final int first;
    private final int last;
    private final boolean systemReserved;

    WinEventCategory(int first, int last, boolean systemReserved) {
        this.first = first;
        this.last = last;
        this.systemReserved = systemReserved;
    }

    /**
     * Returns the first ID of the range.
     *
     * @return the lowest event ID
     */
    public int first() {
        return first;
    }

    /**
     * Returns the last ID of the range.
     *
     * @return the highest event ID
     */
    public int last() {
        return last;
    }

    /**
     * Tells whether only the system may notify events of this range.
     *
     * @return true for the ranges Microsoft reserves for the system
     */
    public boolean systemReserved() {
        return systemReserved;
    }

    /**
     * Finds the range of an event ID.
     *
     * @param event an event ID
     * @return its category, or null when the ID lies in no defined range
     */
    public static WinEventCategory of(int event) {
        for (WinEventCategory c : ALL) {
            if (event >= c.first && event <= c.last) {
                return c;
            }
        }
        return null;
    }
}
