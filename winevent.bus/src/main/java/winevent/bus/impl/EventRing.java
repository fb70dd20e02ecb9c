package winevent.bus.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The bounded queue between the notifiers and one out-of-context hook's delivery thread: many
 * producers, one consumer, no allocation and no lock per event.
 *
 * <h2>Storage</h2>
 * An event occupies {@value #STRIDE} consecutive longs of one array (48 bytes, so it spans at
 * most two cache lines): its publication mark, the window, the notifier's thread, the time, the
 * event ID with the object ID, and the child ID. The slot of position {@code p} starts at
 * {@code (p & mask) * STRIDE}; its mark is {@code p + 1} once the event of position {@code p}
 * is published. A mark from an earlier lap is smaller, so it never reads as published.
 *
 * <h2>Positions</h2>
 * A producer claims the position {@code tail} by CAS, writes the values with plain stores and
 * publishes with a release store of the mark; the consumer's acquire read of the mark makes the
 * values visible. The consumer never writes a slot: it frees everything below {@code head} by a
 * release store of {@code head}. A producer may claim {@code t} only while
 * {@code t < head + capacity}; it keeps that bound in {@code limit} and reads {@code head} only
 * when it reaches it, so producers and the consumer do not write the same cache line per event.
 * A position at the bound, with {@code head} not moved on, means the ring is full: {@link #offer}
 * returns false at once, the producer never waits.
 *
 * <h2>Hot words</h2>
 * {@code tail} and {@code limit} (producers), {@code parked} (the wake-up handshake) and
 * {@code head} (the consumer) live in one {@code long[]}, 128 bytes apart and 128 bytes from its
 * ends, so no two sides share a cache line (or an adjacent-line prefetch pair) and no other object
 * sits on theirs.
 *
 * <h2>Parking</h2>
 * The consumer that found nothing spins briefly, then yields, then polls, then parks (see
 * {@link #await}).
 * A producer unparks it only if it announced that it parks, a Dekker-style handshake; see
 * {@link #await} and {@link #offer} for why no wake-up is lost.
 */
final class EventRing {
    private static final VarHandle LONGS = MethodHandles.arrayElementVarHandle(long[].class);
    /** Longs between two hot words: 128 bytes. */
    private static final int SPACING = 16;
    private static final int TAIL = SPACING;
    private static final int LIMIT = TAIL + 1;
    private static final int PARKED = 2 * SPACING;
    private static final int HEAD = 3 * SPACING;
    private static final int STRIDE = 6;
    private static final int MARK = 0;
    private static final int HWND = 1;
    private static final int THREAD = 2;
    private static final int TIME = 3;
    private static final int EVENT_AND_OBJECT = 4;
    private static final int CHILD = 5;
    private static final int SPINS = 100;
    private static final int YIELDS = 10;
    private static final int POLLS = 20;
    private static final long POLL_NANOS = 50_000;

    private final long[] words = new long[4 * SPACING];
    private final long[] slots;
    private final int capacity;
    private final int mask;
    private final Thread consumer;

    /**
     * Creates an empty ring.
     *
     * @param capacity the number of slots, a power of two
     * @param consumer the only thread that will call {@link #take} and {@link #await}
     */
    EventRing(int capacity, Thread consumer) {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two, not " + capacity);
        }
        this.capacity = capacity;
        this.mask = capacity - 1;
        this.consumer = consumer;
        slots = new long[capacity * STRIDE];
        words[LIMIT] = capacity;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Producer side: appends an event and wakes the consumer if it parked. Never blocks.
     *
     * @param event the event ID
     * @param hwnd the window
     * @param idObject the object
     * @param idChild the child
     * @param thread the notifier's thread ID
     * @param time the notification time
     * @return false if the ring was full and the event was not queued
     */
    boolean offer(int event, long hwnd, int idObject, int idChild, long thread, long time) {
        long t = (long) LONGS.getVolatile(words, TAIL);
        for (;;) {
            if (t >= (long) LONGS.getOpaque(words, LIMIT) && t >= moveLimit()) {
                return false;
            }
            long seen = (long) LONGS.compareAndExchange(words, TAIL, t, t + 1);
            if (seen == t) {
                int s = ((int) t & mask) * STRIDE;
                slots[s + HWND] = hwnd;
                slots[s + THREAD] = thread;
                slots[s + TIME] = time;
                slots[s + EVENT_AND_OBJECT] = (long) event << 32 | idObject & 0xFFFF_FFFFL;
                slots[s + CHILD] = idChild;
                LONGS.setRelease(slots, s + MARK, t + 1);
                wake();
                return true;
            }
            t = seen;
        }
    }

    /*
     * Reads head and raises the bound. Any head read is a lower bound of the current one (it only
     * grows), so a limit computed from it is never too high, even when producers race to store
     * theirs; a low one only costs another read here.
     */
    private long moveLimit() {
        long limit = (long) LONGS.getAcquire(words, HEAD) + capacity;
        LONGS.setOpaque(words, LIMIT, limit);
        return limit;
    }

    /*
     * The handshake, a Dekker pair of sequentially consistent accesses on each side:
     *   consumer: volatile write parked = 1, then volatile read of tail   (in await)
     *   producer: CAS of tail (a volatile read-modify-write), then volatile read of parked (here)
     * Volatile accesses are totally ordered, so either the consumer's read of tail comes after the
     * producer's CAS (it sees the claim and does not park), or the consumer's write of parked comes
     * before the producer's read (the producer sees 1 and unparks it). The producer may read parked
     * before its release store of the sequence is visible; that is fine: a woken consumer that
     * finds the slot claimed but not yet published spins, yields and looks again. Only the
     * producer that moves parked from 1 to 0 calls unpark, so a burst costs one unpark; an unpark
     * that arrives before park() only makes the next park() return at once.
     */
    private void wake() {
        if ((long) LONGS.getVolatile(words, PARKED) != 0 && LONGS.compareAndSet(words, PARKED, 1L, 0L)) {
            LockSupport.unpark(consumer);
        }
    }

    /**
     * Consumer side: moves the oldest event into {@code into} and frees its slot (by moving
     * {@code head}, after the values were read).
     *
     * @param into receives the values
     * @return false if no event is published at the head yet
     */
    boolean take(RingEvent into) {
        long h = (long) LONGS.get(words, HEAD);
        int s = ((int) h & mask) * STRIDE;
        if ((long) LONGS.getAcquire(slots, s + MARK) != h + 1) {
            return false;
        }
        long eventAndObject = slots[s + EVENT_AND_OBJECT];
        into.set((int) (eventAndObject >>> 32), slots[s + HWND], (int) eventAndObject, (int) slots[s + CHILD],
                slots[s + THREAD], slots[s + TIME]);
        LONGS.setRelease(words, HEAD, h + 1);
        return true;
    }

    /**
     * Consumer side: waits a little for an event after {@link #take} found none. Returns after a
     * spin, a yield or a park, depending on how long the consumer has been idle; the caller takes
     * again (and checks why it runs) after every return.
     *
     * <p>Idle, the consumer spins, then yields, then for about a millisecond sleeps
     * {@value #POLL_NANOS} ns at a time <em>without</em> asking producers to wake it, and only
     * then announces that it parks and parks until a producer unparks it. A stream of events whose
     * producers are a little slower than the consumer thus never makes them pay for an unpark (a
     * system call, microseconds): the consumer dozes and then takes what piled up, at the price of
     * at most a poll period of latency. A hook at rest still gets its next event at once. Parks
     * for good only while nothing was claimed.
     *
     * @param idle how many times in a row the consumer found nothing, 0 after an event
     * @return the idle count to pass next time
     */
    int await(int idle) {
        if (idle < SPINS) {
            Thread.onSpinWait();
            return idle + 1;
        }
        if (idle < SPINS + YIELDS) {
            Thread.yield();
            return idle + 1;
        }
        if (idle < SPINS + YIELDS + POLLS) {
            LockSupport.parkNanos(this, POLL_NANOS);
            return idle + 1;
        }
        LONGS.setVolatile(words, PARKED, 1L);
        if ((long) LONGS.getVolatile(words, TAIL) == (long) LONGS.get(words, HEAD)) {
            LockSupport.park(this);
        }
        LONGS.setOpaque(words, PARKED, 0L);
        return 0;
    }

    /**
     * Events taken by the consumer since the ring was created.
     *
     * @return the consumer's position
     */
    long taken() {
        return (long) LONGS.getAcquire(words, HEAD);
    }

    /**
     * Events queued and not yet taken, a momentary value.
     *
     * @return between 0 and the capacity
     */
    long pending() {
        long h = (long) LONGS.getAcquire(words, HEAD);
        long t = (long) LONGS.getAcquire(words, TAIL);
        return Math.max(0, Math.min(capacity, t - h));
    }
}
