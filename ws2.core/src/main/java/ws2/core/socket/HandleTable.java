package ws2.core.socket;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.LongFunction;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The core's table of handles: sockets, event objects and windows share one numbering.
 *
 * <p>A handle value carries its slot in the low {@value #SLOT_BITS} bits and an 11-bit generation
 * above them, so every value is a positive 31-bit number (it fits the {@code LONG idChild} of a
 * WinEvent, as a Windows {@code SOCKET} does). A slot is reused after its handle is released, but
 * with the next generation, so a stale value does not find a newer object until the same slot has
 * been reused 2,047 times. Slot 0 is never used, so no handle is 0.
 *
 * <p>Thread-safe. Allocation, release and lookup by value take the table's lock; none of them is
 * on the data path, where clients and providers hold handle objects directly.
 */
public final class HandleTable {
    /** Bits of a handle value that hold the slot. */
    public static final int SLOT_BITS = 20;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final int GENERATIONS = (1 << 11) - 1;
    private static final int INITIAL_SLOTS = 64;

    private final int maxSlots;
    private Handle[] slots = new Handle[INITIAL_SLOTS];
    private long[] generations = new long[INITIAL_SLOTS];
    private final ArrayDeque<Integer> free = new ArrayDeque<>();
    private int used = 1;

    /** Creates a table of the largest size, {@code 2^20 - 1} handles. */
    public HandleTable() {
        this(1 << SLOT_BITS);
    }

    /**
     * Creates a table with a lower limit.
     *
     * @param maxSlots the most slots, including the unused slot 0; at most {@code 2^20}
     */
    public HandleTable(int maxSlots) {
        if (maxSlots < 2 || maxSlots > 1 << SLOT_BITS) {
            throw new IllegalArgumentException("handle table size must be 2.." + (1 << SLOT_BITS) + ": " + maxSlots);
        }
        this.maxSlots = maxSlots;
    }

    /**
     * Something the table numbers. Subclasses get their value at construction from
     * {@link HandleTable#allocate}.
     */
    public abstract static class Handle {
        private final long value;
        private volatile boolean released;

        /**
         * Creates a handle with the value the table chose.
         *
         * @param value the handle value
         */
        protected Handle(long value) {
            this.value = value;
        }

        /**
         * Returns the handle value.
         *
         * @return the value
         */
        public final long value() {
            return value;
        }

        /**
         * Tells whether the handle was released from the table (closed).
         *
         * @return true once released
         */
        public final boolean isReleased() {
            return released;
        }
    }

    /**
     * Allocates a slot and creates the handle for it.
     *
     * @param <T> the handle type
     * @param make creates the handle from its value; called under the table lock, so it only assigns
     * @param kind what is being allocated, for the error message
     * @return the new handle
     * @throws WsaException {@code WSAENOBUFS} when every slot is in use
     */
    public synchronized <T extends Handle> T allocate(LongFunction<T> make, String kind) throws WsaException {
        int slot;
        if (!free.isEmpty()) {
            slot = free.pop();
        } else {
            if (used == maxSlots) {
                throw new WsaException(WsaError.WSAENOBUFS, "no free handle for a new " + kind + ": all "
                        + (maxSlots - 1) + " handles are in use");
            }
            if (used == slots.length) {
                int size = Math.min(maxSlots, slots.length * 2);
                slots = Arrays.copyOf(slots, size);
                generations = Arrays.copyOf(generations, size);
            }
            slot = used++;
        }
        long generation = generations[slot] % GENERATIONS + 1;
        generations[slot] = generation;
        T handle = make.apply(generation << SLOT_BITS | slot);
        slots[slot] = handle;
        return handle;
    }

    /**
     * Finds a live handle by value.
     *
     * @param value a handle value
     * @return the handle, or null if no live handle has that value (unknown, released or stale)
     */
    public synchronized Handle lookup(long value) {
        long slot = value & SLOT_MASK;
        if (slot <= 0 || slot >= used) {
            return null;
        }
        Handle h = slots[(int) slot];
        return h != null && h.value == value ? h : null;
    }

    /**
     * Releases a handle; its slot is reused later with a new generation.
     *
     * @param handle the handle
     * @return true if it was live and is now released, false if it was already released
     */
    public synchronized boolean release(Handle handle) {
        int slot = (int) (handle.value & SLOT_MASK);
        if (slot <= 0 || slot >= used || slots[slot] != handle) {
            return false;
        }
        slots[slot] = null;
        handle.released = true;
        free.push(slot);
        return true;
    }
}
