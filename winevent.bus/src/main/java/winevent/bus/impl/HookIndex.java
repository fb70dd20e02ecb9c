package winevent.bus.impl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The immutable snapshot the notify path reads through one volatile field of {@link Bus}: which
 * IDs some active hook wants, which hooks want each, and which atoms are allocated.
 *
 * <ul>
 * <li>{@link #interest}: one bit per ID in {@code 0..0xFFFF} (1,024 longs, 8 KB), set exactly
 * where an active hook's range covers the ID. A notification nobody wants costs one bit test.</li>
 * <li>{@link #hooks}: per ID, the active hooks whose range covers it, in registration order, or
 * null. IDs covered by the same hooks share one array (interned by content), so a hook spanning
 * everything adds one array, not 65,536.</li>
 * <li>{@link #atoms}: one bit per ID of the atom range, set while the atom is allocated.</li>
 * </ul>
 * Ranges are clipped to {@code 1..0xFFFF}: IDs above lie in no defined range and are never
 * notified. Built under the bus lock on every hook or atom change, never on the notify path.
 */
final class HookIndex {
    /** No hook, no atom. */
    static final HookIndex EMPTY = new HookIndex(new long[EventRanges.IDS / Long.SIZE], new Hook[EventRanges.IDS][],
            AtomTable.NONE_ALLOCATED, List.of());

    private final long[] interest;
    private final Hook[][] hooks;
    private final long[] atoms;
    private final List<Hook> active;

    private HookIndex(long[] interest, Hook[][] hooks, long[] atoms, List<Hook> active) {
        this.interest = interest;
        this.hooks = hooks;
        this.atoms = atoms;
        this.active = active;
    }

    /**
     * Indexes hooks.
     *
     * @param active the active hooks, in registration order
     * @param atoms the allocated-atom bits, as {@link AtomTable#allocated()} returns them (not copied)
     * @return the index
     */
    static HookIndex of(List<Hook> active, long[] atoms) {
        long[] interest = new long[EventRanges.IDS / Long.SIZE];
        Hook[][] byId = new Hook[EventRanges.IDS][];
        // Between two consecutive range boundaries the set of covering hooks does not change.
        TreeSet<Integer> cuts = new TreeSet<>();
        for (Hook h : active) {
            int lo = low(h);
            int hi = high(h);
            if (lo <= hi) {
                cuts.add(lo);
                cuts.add(hi + 1);
            }
        }
        Map<List<Hook>, Hook[]> interned = new HashMap<>();
        Integer from = null;
        for (Integer to : cuts) {
            if (from != null) {
                List<Hook> covering = covering(active, from, to - 1);
                if (!covering.isEmpty()) {
                    Hook[] shared = interned.computeIfAbsent(covering, l -> l.toArray(new Hook[0]));
                    Arrays.fill(byId, from, to, shared);
                    setBits(interest, from, to);
                }
            }
            from = to;
        }
        return new HookIndex(interest, byId, atoms, List.copyOf(active));
    }

    private static int low(Hook h) {
        return Math.max(h.eventMin(), 1);
    }

    private static int high(Hook h) {
        return Math.min(h.eventMax(), EventRanges.IDS - 1);
    }

    private static List<Hook> covering(List<Hook> active, int first, int last) {
        List<Hook> l = new ArrayList<>();
        for (Hook h : active) {
            if (low(h) <= first && high(h) >= last) {
                l.add(h);
            }
        }
        return l;
    }

    private static void setBits(long[] bits, int from, int to) {
        for (int id = from; id < to; id++) {
            bits[id >>> 6] |= 1L << id;
        }
    }

    /**
     * The same hooks with other atoms.
     *
     * @param allocated the allocated-atom bits (not copied)
     * @return the new index
     */
    HookIndex withAtoms(long[] allocated) {
        return new HookIndex(interest, hooks, allocated, active);
    }

    /**
     * Tells whether some active hook wants an ID.
     *
     * @param event an ID in {@code 0..0xFFFF}
     * @return the interest bit
     */
    boolean wanted(int event) {
        return (interest[event >>> 6] & 1L << event) != 0;
    }

    /**
     * The hooks that want an ID.
     *
     * @param event an ID in {@code 0..0xFFFF}
     * @return them in registration order, or null if none
     */
    Hook[] hooks(int event) {
        return hooks[event];
    }

    /**
     * Tells whether an atom is allocated.
     *
     * @param event an ID in the atom range
     * @return the atom's bit
     */
    boolean allocated(int event) {
        return (atoms[(event - AtomTable.FIRST) >>> 6] & 1L << event) != 0;
    }

    long[] atoms() {
        return atoms;
    }

    /**
     * The active hooks, in registration order.
     *
     * @return an immutable list
     */
    List<Hook> active() {
        return active;
    }
}
