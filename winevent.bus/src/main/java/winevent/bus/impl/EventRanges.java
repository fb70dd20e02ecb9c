package winevent.bus.impl;

import winevent.WinEventCategory;
import winevent.WinEventError;
import winevent.WinEventException;

/**
 * What may be notified under each event ID: a table of one byte per ID in {@code 0..0xFFFF},
 * built once from {@link WinEventCategory}, so the notify path classifies an ID with one array
 * read. IDs above {@code 0xFFFF} lie in no defined range and are never notifiable.
 */
final class EventRanges {
    /** Number of IDs the table covers: every defined range lies below it. */
    static final int IDS = 0x10000;
    /** The ID lies in no defined range. */
    static final byte UNDEFINED = 0;
    /** A system-reserved range: only the system may notify it. */
    static final byte RESERVED = 1;
    /** An open range: anyone may notify it. */
    static final byte OPEN = 2;
    /** The atom range: notifiable while the atom is allocated. */
    static final byte ATOM = 3;

    private static final byte[] KINDS = kinds();

    private EventRanges() {
    }

    private static byte[] kinds() {
        byte[] k = new byte[IDS];
        for (WinEventCategory c : WinEventCategory.values()) {
            if (c.last() >= IDS) {
                throw new IllegalStateException("range " + c + " ends above 0xFFFF");
            }
            byte kind = c == WinEventCategory.ATOM ? ATOM : c.systemReserved() ? RESERVED : OPEN;
            for (int id = c.first(); id <= c.last(); id++) {
                k[id] = kind;
            }
        }
        return k;
    }

    /**
     * Classifies an ID.
     *
     * @param event an ID in {@code 0..0xFFFF}
     * @return {@link #UNDEFINED}, {@link #RESERVED}, {@link #OPEN} or {@link #ATOM}
     */
    static byte kind(int event) {
        return KINDS[event];
    }

    /**
     * Tells whether an ID can be indexed at all.
     *
     * @param event any int
     * @return true for {@code 0..0xFFFF}
     */
    static boolean inTable(int event) {
        return (event & ~(IDS - 1)) == 0;
    }

    /**
     * The failure for an ID in no defined range.
     *
     * @param event the ID
     * @return {@code ERROR_INVALID_PARAMETER}
     */
    static WinEventException undefined(int event) {
        return new WinEventException(WinEventError.ERROR_INVALID_PARAMETER,
                "event " + EventNames.hex(event) + " lies in no defined range");
    }
}
