package ws2.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * A set of sockets for {@code select}: the Java form of {@code fd_set}, an array of handles plus a
 * count (not a bitmap), as on Windows.
 *
 * <p>{@link #set}, {@link #clear}, {@link #zero} and {@link #isSet} are the {@code FD_SET},
 * {@code FD_CLR}, {@code FD_ZERO} and {@code FD_ISSET} macros; providers test membership with
 * {@code WPUFDIsSet}. Membership is by handle identity.
 *
 * <p>Not thread-safe, like the structure it mirrors.
 */
public final class FdSet {
    /** Default capacity, as {@code FD_SETSIZE} in {@code winsock2.h}. */
    public static final int FD_SETSIZE = 64;

    private final SocketHandle[] array;
    private int count;

    /** Creates an empty set of {@link #FD_SETSIZE} capacity. */
    public FdSet() {
        this(FD_SETSIZE);
    }

    /**
     * Creates an empty set.
     *
     * @param capacity the most sockets it holds (a program may raise {@code FD_SETSIZE})
     */
    public FdSet(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("fd_set capacity must be positive: " + capacity);
        }
        this.array = new SocketHandle[capacity];
    }

    /**
     * Creates a set holding the given sockets.
     *
     * @param sockets the members
     * @return a new set with room for at least {@link #FD_SETSIZE}
     */
    public static FdSet of(SocketHandle... sockets) {
        FdSet set = new FdSet(Math.max(FD_SETSIZE, sockets.length));
        for (SocketHandle s : sockets) {
            set.set(s);
        }
        return set;
    }

    /**
     * Adds a socket ({@code FD_SET}); adding a member again changes nothing.
     *
     * @param s the socket
     * @return false if the set is full and {@code s} was not added, as {@code FD_SET} silently does
     */
    public boolean set(SocketHandle s) {
        Objects.requireNonNull(s, "s");
        if (isSet(s)) {
            return true;
        }
        if (count == array.length) {
            return false;
        }
        array[count++] = s;
        return true;
    }

    /**
     * Removes a socket ({@code FD_CLR}), keeping the order of the others.
     *
     * @param s the socket
     */
    public void clear(SocketHandle s) {
        for (int i = 0; i < count; i++) {
            if (array[i] == s) {
                System.arraycopy(array, i + 1, array, i, count - i - 1);
                array[--count] = null;
                return;
            }
        }
    }

    /** Empties the set ({@code FD_ZERO}). */
    public void zero() {
        Arrays.fill(array, 0, count, null);
        count = 0;
    }

    /**
     * Tests membership ({@code FD_ISSET}, {@code __WSAFDIsSet}, {@code WPUFDIsSet}).
     *
     * @param s the socket
     * @return true if {@code s} is in the set
     */
    public boolean isSet(SocketHandle s) {
        for (int i = 0; i < count; i++) {
            if (array[i] == s) {
                return true;
            }
        }
        return false;
    }

    /**
     * Returns the number of members ({@code fd_count}).
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * Returns a member by position ({@code fd_array[index]}).
     *
     * @param index 0 to {@code count() - 1}
     * @return the socket
     */
    public SocketHandle get(int index) {
        Objects.checkIndex(index, count);
        return array[index];
    }

    /**
     * Returns the capacity.
     *
     * @return the most members this set can hold
     */
    public int capacity() {
        return array.length;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("FdSet[");
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ", ").append(array[i].value());
        }
        return sb.append(']').toString();
    }
}
