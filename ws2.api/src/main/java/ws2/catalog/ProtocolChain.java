package ws2.catalog;

import java.util.Arrays;

/**
 * The protocol chain of a catalog entry: Winsock's {@code WSAPROTOCOLCHAIN}.
 *
 * <p>Length {@value #LAYERED_PROTOCOL} marks a layered provider's own ("dummy") entry, length
 * {@value #BASE_PROTOCOL} a base protocol, lengths 2 to {@value #MAX_PROTOCOL_CHAIN} a chain whose
 * entries are catalog entry IDs from the top layer down to the base protocol. A base entry's chain
 * holds no IDs (its sole element is implicitly its own ID). Immutable.
 *
 * @param length {@code ChainLen}
 * @param entries {@code ChainEntries}: empty for layered and base entries, {@code length} IDs for a chain
 */
public record ProtocolChain(int length, int[] entries) {
    /** Chain length of a layered provider's own entry ({@code LAYERED_PROTOCOL}). */
    public static final int LAYERED_PROTOCOL = 0;
    /** Chain length of a base protocol ({@code BASE_PROTOCOL}). */
    public static final int BASE_PROTOCOL = 1;
    /** The most entries a chain may have ({@code MAX_PROTOCOL_CHAIN}). */
    public static final int MAX_PROTOCOL_CHAIN = 7;

    /** The chain of a layered provider's own entry. */
    public static final ProtocolChain LAYERED = new ProtocolChain(LAYERED_PROTOCOL, new int[0]);
    /** The chain of a base protocol. */
    public static final ProtocolChain BASE = new ProtocolChain(BASE_PROTOCOL, new int[0]);

    /**
     * Checks the length and the IDs and copies them.
     *
     * @throws IllegalArgumentException for a length outside 0..7, a chain whose IDs do not match its
     *         length, a non-positive ID, or an ID listed twice (a chain may not hold the same
     *         layered protocol twice)
     */
    public ProtocolChain {
        if (length < 0 || length > MAX_PROTOCOL_CHAIN) {
            throw new IllegalArgumentException("protocol chain length must be 0.." + MAX_PROTOCOL_CHAIN + ": " + length);
        }
        entries = entries == null ? new int[0] : entries.clone();
        if (length <= BASE_PROTOCOL && entries.length != 0) {
            throw new IllegalArgumentException("a chain of length " + length + " lists no entries: " + Arrays.toString(entries));
        }
        if (length > BASE_PROTOCOL && entries.length != length) {
            throw new IllegalArgumentException("chain length " + length + " but " + entries.length + " entries");
        }
        for (int i = 0; i < entries.length; i++) {
            if (entries[i] <= 0) {
                throw new IllegalArgumentException("catalog entry IDs are positive: " + entries[i]);
            }
            for (int j = 0; j < i; j++) {
                if (entries[j] == entries[i]) {
                    throw new IllegalArgumentException("catalog entry " + entries[i] + " appears twice in a chain");
                }
            }
        }
    }

    /**
     * Makes a chain from the top layer down to the base entry.
     *
     * @param ids 2 to 7 catalog entry IDs
     * @return the chain
     */
    public static ProtocolChain of(int... ids) {
        return new ProtocolChain(ids.length, ids);
    }

    /**
     * Returns the IDs, top layer first.
     *
     * @return a copy of {@code ChainEntries}
     */
    @Override
    public int[] entries() {
        return entries.clone();
    }

    /**
     * Returns one ID of a chain.
     *
     * @param index 0 for the top layer, {@code length() - 1} for the base entry
     * @return the catalog entry ID
     */
    public int entry(int index) {
        return entries[index];
    }

    /**
     * Tells whether this is a layered provider's own entry.
     *
     * @return true for length 0
     */
    public boolean isLayered() {
        return length == LAYERED_PROTOCOL;
    }

    /**
     * Tells whether this is a base protocol.
     *
     * @return true for length 1
     */
    public boolean isBase() {
        return length == BASE_PROTOCOL;
    }

    /**
     * Tells whether this is a protocol chain.
     *
     * @return true for lengths 2 to 7
     */
    public boolean isChain() {
        return length > BASE_PROTOCOL;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtocolChain && ((ProtocolChain) o).length == length
                && Arrays.equals(((ProtocolChain) o).entries, entries);
    }

    @Override
    public int hashCode() {
        return 31 * length + Arrays.hashCode(entries);
    }

    /** Returns the chain as {@code netsh} prints it: the IDs joined by {@code " : "}. */
    @Override
    public String toString() {
        if (!isChain()) {
            return isBase() ? "base" : "layered";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < entries.length; i++) {
            sb.append(i == 0 ? "" : " : ").append(entries[i]);
        }
        return sb.toString();
    }
}
