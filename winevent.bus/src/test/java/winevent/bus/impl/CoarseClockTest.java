package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoarseClockTest {
    /* Generous: a CI machine may not schedule the clock thread for a while. */
    private static final long LAG_MILLIS = 500;
    private final CoarseClock clock = new CoarseClock();

    @AfterEach
    void close() {
        clock.close();
    }

    @Test
    void anIdleClockDoesNotTickAndItsFirstReadIsTheSystemClock() {
        assertFalse(clock.ticking());
        long before = System.currentTimeMillis();
        long t = clock.millis();
        assertTrue(t >= before && t <= System.currentTimeMillis(), "the first read is the system clock itself");
    }

    @Test
    void whileReadTheClockTicksAndFollowsTheSystemClock() throws InterruptedException {
        clock.millis();
        Await.until("the clock ticks", clock::ticking);
        long first = clock.millis();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(5);
            long before = System.currentTimeMillis();
            long t = clock.millis();
            assertTrue(t <= System.currentTimeMillis() && t >= before - LAG_MILLIS,
                    "read " + t + " against the system clock at " + before);
        }
        assertTrue(clock.millis() > first, "the time moved on");
    }

    @Test
    void unreadTheClockStopsTickingAndAReadStartsItAgain() {
        clock.millis();
        Await.until("the clock ticks", clock::ticking);
        Await.until("the clock stops ticking when nobody reads it", () -> !clock.ticking());
        long before = System.currentTimeMillis();
        long t = clock.millis();
        assertTrue(t >= before, "a read while not ticking is the system clock, not the last tick");
        Await.until("the read started the clock again", clock::ticking);
    }

    @Test
    void aClosedClockReadsTheSystemClock() {
        clock.millis();
        clock.close();
        assertFalse(clock.ticking());
        assertFalse(Await.threadAlive("winevent-clock"), "the thread ended");
        long before = System.currentTimeMillis();
        assertTrue(clock.millis() >= before);
    }
}
