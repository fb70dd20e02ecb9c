package winevent.bus.impl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEvents;

/**
 * The global atom table of the atom range ({@code GlobalAddAtom} and friends): 16,384 IDs from
 * {@code 0xC000}, each naming a string, compared case-insensitively ({@link Locale#ROOT}), with
 * the spelling of its first addition. References are counted per client context; an atom is freed
 * when no context holds one, and a context's references go when it ends (unlike Windows, where
 * global atoms outlive the process that added them).
 *
 * <p>Not thread-safe: the {@link Bus} lock guards it. The allocated-atom bits are copied on write,
 * so an array {@link #allocated()} returned is never modified and can be published as is.
 */
final class AtomTable {
    /** The first atom ID ({@code MAXINTATOM}). */
    static final int FIRST = WinEvents.EVENT_ATOM_START;
    /** How many atom IDs there are. */
    static final int COUNT = WinEvents.EVENT_ATOM_END - FIRST + 1;
    /** The bits of an empty table. */
    static final long[] NONE_ALLOCATED = new long[COUNT / Long.SIZE];
    /** Longest atom string, as on Windows. */
    static final int MAX_NAME = 255;
    /** Strings Windows reads as integer atoms ({@code "#1234"}), which have no string. */
    private static final Pattern INTEGER_ATOM = Pattern.compile("#[0-9]+");

    private final Atom[] atoms = new Atom[COUNT];
    private final Map<String, Atom> byKey = new HashMap<>();
    private long[] allocated = NONE_ALLOCATED;

    /** One allocated atom. */
    private static final class Atom {
        final int id;
        final String name;
        /** References by context ID, in the order the contexts first added the atom. */
        final Map<Long, Integer> refs = new LinkedHashMap<>();

        Atom(int id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    /**
     * What a listing shows of an atom.
     *
     * @param id the atom ID
     * @param name its string
     * @param refs references by context ID
     */
    record Entry(int id, String name, Map<Long, Integer> refs) {
        /** Copies the references, keeping their order. */
        Entry {
            refs = Collections.unmodifiableMap(new LinkedHashMap<>(refs));
        }

        /**
         * Returns all references.
         *
         * @return their sum
         */
        int total() {
            return refs.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * {@code GlobalAddAtom}.
     *
     * @param context the adding context
     * @param name the string
     * @return the atom ID
     * @throws WinEventException {@code ERROR_INVALID_PARAMETER} for a bad name,
     *         {@code ERROR_NOT_ENOUGH_MEMORY} when every ID is taken
     */
    int add(long context, String name) {
        if (!valid(name)) {
            throw new WinEventException(WinEventError.ERROR_INVALID_PARAMETER, "atom name "
                    + (name == null ? "null" : "'" + name + "'") + " is not 1 to " + MAX_NAME
                    + " characters, or has the #digits form of an integer atom");
        }
        String key = key(name);
        Atom a = byKey.get(key);
        if (a == null) {
            int index = firstFree();
            if (index < 0) {
                throw new WinEventException(WinEventError.ERROR_NOT_ENOUGH_MEMORY,
                        "all " + COUNT + " atoms are allocated; cannot add '" + name + "'");
            }
            a = new Atom(FIRST + index, name);
            atoms[index] = a;
            byKey.put(key, a);
            flip(index);
        }
        a.refs.merge(context, 1, Integer::sum);
        return a.id;
    }

    /**
     * {@code GlobalFindAtom}: no reference count changes.
     *
     * @param name the string
     * @return its atom ID, or 0 if no atom has it (also for a string no atom can have)
     */
    int find(String name) {
        Atom a = valid(name) ? byKey.get(key(name)) : null;
        return a == null ? 0 : a.id;
    }

    /**
     * {@code GlobalGetAtomName}.
     *
     * @param atom the ID
     * @return the string as first added
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if no atom has the ID
     */
    String name(int atom) {
        Atom a = get(atom);
        if (a == null) {
            throw new WinEventException(WinEventError.ERROR_INVALID_HANDLE,
                    "no atom " + EventNames.hex(atom) + " is allocated");
        }
        return a.name;
    }

    /**
     * {@code GlobalDeleteAtom}: releases one reference of a context.
     *
     * @param context the releasing context
     * @param atom the ID
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if the context holds no reference to it
     */
    void delete(long context, int atom) {
        Atom a = get(atom);
        Integer n = a == null ? null : a.refs.get(context);
        if (n == null) {
            throw new WinEventException(WinEventError.ERROR_INVALID_HANDLE,
                    "context " + context + " holds no reference to atom " + EventNames.hex(atom));
        }
        if (n > 1) {
            a.refs.put(context, n - 1);
        } else {
            a.refs.remove(context);
            freeIfUnreferenced(a);
        }
    }

    /**
     * Releases every reference of a context (it ended).
     *
     * @param context the context
     */
    void releaseAll(long context) {
        for (Atom a : atoms) {
            if (a != null && a.refs.remove(context) != null) {
                freeIfUnreferenced(a);
            }
        }
    }

    private void freeIfUnreferenced(Atom a) {
        if (a.refs.isEmpty()) {
            int index = a.id - FIRST;
            atoms[index] = null;
            byKey.remove(key(a.name));
            flip(index);
        }
    }

    /**
     * The allocated atoms, bit {@code id - FIRST}; never modified after it is returned.
     *
     * @return the bits
     */
    long[] allocated() {
        return allocated;
    }

    /**
     * Every allocated atom, by ID.
     *
     * @return the entries
     */
    List<Entry> entries() {
        List<Entry> l = new ArrayList<>();
        for (Atom a : atoms) {
            if (a != null) {
                l.add(new Entry(a.id, a.name, a.refs));
            }
        }
        return l;
    }

    private Atom get(int atom) {
        int index = atom - FIRST;
        return index >= 0 && index < COUNT ? atoms[index] : null;
    }

    private int firstFree() {
        for (int w = 0; w < allocated.length; w++) {
            if (allocated[w] != -1L) {
                return w * Long.SIZE + Long.numberOfTrailingZeros(~allocated[w]);
            }
        }
        return -1;
    }

    private void flip(int index) {
        long[] next = allocated.clone();
        next[index >>> 6] ^= 1L << index;
        allocated = next;
    }

    private static boolean valid(String name) {
        return name != null && !name.isEmpty() && name.length() <= MAX_NAME && !INTEGER_ATOM.matcher(name).matches();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
