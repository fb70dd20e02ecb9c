package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class EventRingTest {
    @Test
    void theCapacityIsAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new EventRing(0, Thread.currentThread()));
        assertThrows(IllegalArgumentException.class, () -> new EventRing(6, Thread.currentThread()));
    }

    @Test
    void everyValueSurvivesTheTripIncludingNegativeAndWideOnes() {
        EventRing ring = new EventRing(4, Thread.currentThread());
        assertTrue(ring.offer(0xFFFF, Long.MAX_VALUE, -4, Integer.MIN_VALUE, 7L, -1L));
        RingEvent e = new RingEvent();
        assertTrue(ring.take(e));
        assertEquals(0xFFFF, e.event);
        assertEquals(Long.MAX_VALUE, e.hwnd);
        assertEquals(-4, e.idObject);
        assertEquals(Integer.MIN_VALUE, e.idChild);
        assertEquals(7L, e.thread);
        assertEquals(-1L, e.time);
        assertFalse(ring.take(e), "taken once");
    }

    @Test
    void aFullRingRefusesUntilTheConsumerTakesAndOrderHoldsOverManyLaps() {
        EventRing ring = new EventRing(8, Thread.currentThread());
        RingEvent e = new RingEvent();
        int next = 0;
        int expected = 0;
        for (int lap = 0; lap < 100; lap++) {
            while (ring.offer(1, 0, 0, next, 0, 0)) {
                next++;
            }
            assertEquals(8, ring.pending(), "full at exactly the capacity");
            int take = 1 + lap % 8;
            for (int i = 0; i < take; i++) {
                assertTrue(ring.take(e));
                assertEquals(expected++, e.idChild);
            }
            assertEquals(expected, ring.taken());
        }
        while (ring.take(e)) {
            assertEquals(expected++, e.idChild);
        }
        assertEquals(next, expected, "nothing lost, nothing twice");
        assertEquals(0, ring.pending());
    }

    @Test
    void concurrentProducersEachKeepTheirOrderThroughASmallRing() throws InterruptedException {
        int producers = 4;
        int each = 200_000;
        AtomicReference<EventRing> ref = new AtomicReference<>();
        int[] last = new int[producers];
        long[] count = {0};
        List<String> errors = new ArrayList<>();
        Thread consumer = new Thread(() -> {
            EventRing ring = ref.get();
            RingEvent e = new RingEvent();
            Arrays.fill(last, -1);
            int idle = 0;
            while (count[0] < (long) producers * each) {
                if (ring.take(e)) {
                    idle = 0;
                    int p = e.idObject;
                    if (e.idChild != last[p] + 1 && errors.size() < 10) {
                        errors.add("producer " + p + ": " + e.idChild + " after " + last[p]);
                    }
                    last[p] = e.idChild;
                    count[0]++;
                } else {
                    idle = ring.await(idle);
                }
            }
        });
        ref.set(new EventRing(64, consumer));
        consumer.start();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                for (int i = 0; i < each; i++) {
                    while (!ref.get().offer(1, 0, id, i, id, 0)) {
                        Thread.onSpinWait();
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        consumer.join(30_000);
        assertFalse(consumer.isAlive(), "the consumer got every event: " + count[0]);
        assertEquals(List.of(), errors);
        for (int p = 0; p < producers; p++) {
            assertEquals(each - 1, last[p]);
        }
    }
}
