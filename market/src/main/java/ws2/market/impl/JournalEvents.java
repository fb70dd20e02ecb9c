package ws2.market.impl;

import static winevent.WinEvents.OBJID_CLIENT;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.WinEventBus;
import winevent.WinEventException;
import ws2.market.Marketplace;

/**
 * Announces each journal entry on the WinEvent bus: event {@link #atom()} (the global atom of
 * {@value Marketplace#JOURNAL_EVENT_ATOM}), {@code idObject} {@code OBJID_CLIENT}, {@code idChild}
 * the entry's number, as ws2.core announces its provider-configuration change.
 *
 * <p>The atom is allocated once per bus, when the bus is attached, and released when it is detached.
 * Attach and detach are serialised; {@link #written} reads the published link once and takes no
 * lock, so without a bus an entry costs one volatile read. A failure of the bus is logged and never
 * reaches the change that wrote the entry.
 */
final class JournalEvents {
    private static final Logger LOG = LoggerFactory.getLogger(JournalEvents.class);

    /** The bus and the atom allocated on it. */
    private record Link(WinEventBus bus, int atom) {
    }

    private volatile Link link;

    /**
     * Connects to a bus, replacing the one attached: allocates the journal atom on it.
     *
     * @param bus the bus, as the marketplace's bundle sees it
     */
    synchronized void attach(WinEventBus bus) {
        detach(link == null ? null : link.bus());
        int atom;
        try {
            atom = bus.addAtom(Marketplace.JOURNAL_EVENT_ATOM);
        } catch (WinEventException | IllegalStateException e) {
            LOG.warn("The marketplace does not announce its journal: the atom {} cannot be allocated: {}",
                    Marketplace.JOURNAL_EVENT_ATOM, e.toString());
            return;
        }
        link = new Link(bus, atom);
        LOG.info("The marketplace announces its journal entries as WinEvent 0x{}", Integer.toHexString(atom));
    }

    /**
     * Disconnects from a bus if it is the one attached, releasing the atom if the bus is still there.
     *
     * @param bus the bus going away; null for whichever is attached
     */
    synchronized void detach(WinEventBus bus) {
        Link l = link;
        if (l == null || bus != null && l.bus() != bus) {
            return;
        }
        link = null;
        try {
            l.bus().deleteAtom(l.atom());
        } catch (WinEventException | IllegalStateException e) {
            LOG.debug("The WinEvent bus was already gone: {}", e.toString());
        }
    }

    /**
     * The event ID entries are announced with.
     *
     * @return the atom, or 0 while no bus is attached
     */
    int atom() {
        Link l = link;
        return l == null ? 0 : l.atom();
    }

    /**
     * A journal entry was written: notifies its event.
     *
     * @param number the entry's number
     */
    void written(int number) {
        Link l = link;
        if (l == null) {
            return;
        }
        try {
            l.bus().notifyWinEvent(l.atom(), 0, OBJID_CLIENT, number);
        } catch (RuntimeException e) { // WinEventException, a stopped bus, or an in-context hook that failed
            LOG.warn("Journal entry {} could not be announced on the WinEvent bus: {}", number, e.toString());
        }
    }
}
