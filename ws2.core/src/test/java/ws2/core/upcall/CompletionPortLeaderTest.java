package ws2.core.upcall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import ws2.api.Completion;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.transport.CompletionDriver;

/**
 * Leader/follower on a completion port, with a scripted {@link CompletionDriver}: its "readiness"
 * is a queue of tasks, each of which completes an operation by posting to the port, as a
 * provider's loop does.
 */
class CompletionPortLeaderTest {
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    /** A loop whose ready sockets are tasks; records which thread led each round. */
    static final class ScriptedDriver implements CompletionDriver {
        private static final Runnable WAKE = () -> { };
        final BlockingQueue<Runnable> ready = new LinkedBlockingQueue<>();
        final AtomicReference<Thread> leader = new AtomicReference<>();
        final List<Thread> leaders = new CopyOnWriteArrayList<>();
        final AtomicInteger leading = new AtomicInteger();
        volatile boolean closed;

        @Override
        public boolean tryLead() {
            if (!leader.compareAndSet(null, Thread.currentThread())) {
                return false;
            }
            leaders.add(Thread.currentThread());
            leading.incrementAndGet();
            return true;
        }

        @Override
        public boolean drive(long timeoutNanos) {
            try {
                Runnable r = timeoutNanos < 0 ? ready.take() : ready.poll(timeoutNanos, TimeUnit.NANOSECONDS);
                if (r != null) {
                    r.run();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return !closed;
        }

        @Override
        public void wakeup() {
            ready.add(WAKE);
        }

        @Override
        public void release() {
            leading.decrementAndGet();
            leader.set(null);
        }
    }

    private final CompletionPortImpl port = new CompletionPortImpl(1, this);
    private final ScriptedDriver driver = new ScriptedDriver();

    private static Completion packet(long key) {
        return new Completion(key, null, 0, 0);
    }

    private CompletableFuture<Completion> takeAsync(long timeoutNanos) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return port.take(timeoutNanos);
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
        }, r -> new Thread(r, "port-thread").start());
    }

    private void awaitLeader() throws InterruptedException {
        long end = System.nanoTime() + WAIT;
        while (driver.leader.get() == null && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        assertTrue(driver.leader.get() != null, "a port thread leads the loop");
    }

    /** A thread waiting in the port gets a packet posted from here. */
    private void aWaiterGets(long key) throws Exception {
        CompletableFuture<Completion> waiter = takeAsync(-1);
        Thread.sleep(50);
        port.post(packet(key));
        assertEquals(key, waiter.get(10, TimeUnit.SECONDS).key());
    }

    @Test
    void aWaitingThreadLeadsTheLoopAndGetsThePacketItsRoundMade() throws Exception {
        port.addDriver(driver);
        port.addDriver(driver);
        AtomicReference<Thread> producedBy = new AtomicReference<>();
        driver.ready.add(() -> {
            producedBy.set(Thread.currentThread());
            port.post(packet(1));
            port.post(packet(2));
        });
        Completion first = port.take(WAIT);
        assertEquals(1, first.key());
        assertSame(Thread.currentThread(), producedBy.get(), "the loop ran in the taking thread");
        assertEquals(2, port.take(0).key(), "the rest of the round waits in the queue");
        assertEquals(0, driver.leading.get(), "the lead was given back");
    }

    @Test
    void aPostFromElsewhereWakesTheLeaderOrGoesToAFollower() throws Exception {
        port.addDriver(driver);
        CompletableFuture<Completion> leader = takeAsync(-1);
        awaitLeader();
        Thread leaderThread = driver.leader.get();
        CompletableFuture<Completion> follower = takeAsync(-1);
        Thread.sleep(50); // the follower parks: the lead is taken
        port.post(packet(7));
        Completion got = CompletableFuture.anyOf(leader, follower).thenApply(Completion.class::cast)
                .get(10, TimeUnit.SECONDS);
        assertEquals(7, got.key());
        assertTrue(follower.isDone() && !leader.isDone(), "the waiting follower took it; the leader leads on");
        assertSame(leaderThread, driver.leader.get());
        port.post(packet(8));
        assertEquals(8, leader.get(10, TimeUnit.SECONDS).key(), "with no follower, the post woke the leader's loop");
    }

    @Test
    void aLeaderThatLeavesPromotesAWaitingFollower() throws Exception {
        port.addDriver(driver);
        CompletableFuture<Completion> first = takeAsync(-1);
        awaitLeader();
        CompletableFuture<Completion> second = takeAsync(-1);
        Thread.sleep(50);
        driver.ready.add(() -> port.post(packet(1)));
        assertEquals(1, first.get(10, TimeUnit.SECONDS).key());
        long end = System.nanoTime() + WAIT;
        while (driver.leaders.size() < 2 && System.nanoTime() < end) {
            Thread.sleep(1);
        }
        assertEquals(2, driver.leaders.size(), "the follower took the lead");
        driver.ready.add(() -> port.post(packet(2)));
        assertEquals(2, second.get(10, TimeUnit.SECONDS).key());
        assertTrue(driver.leaders.get(0) != driver.leaders.get(1), "two threads led in turn");
    }

    @Test
    void aTimeoutEndsTheWaitOfALeader() throws Exception {
        port.addDriver(driver);
        long start = System.nanoTime();
        assertNull(port.take(TimeUnit.MILLISECONDS.toNanos(100)));
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(90));
        assertEquals(1, driver.leaders.size());
        assertNull(port.take(0), "a poll leads one round that does not wait");
    }

    @Test
    void closingThePortWakesTheLeader() throws Exception {
        port.addDriver(driver);
        CompletableFuture<Completion> leader = takeAsync(-1);
        awaitLeader();
        port.close();
        Throwable failure = assertThrows(Exception.class, () -> leader.get(10, TimeUnit.SECONDS)).getCause();
        assertEquals(WsaError.WSA_INVALID_HANDLE, ((WsaException) failure.getCause()).error());
        assertEquals(0, driver.leading.get());
    }

    @Test
    void aDriverWhoseLoopClosedIsDroppedAndTheThreadsWaitAsBefore() throws Exception {
        port.addDriver(driver);
        driver.closed = true;
        driver.ready.add(() -> { });
        aWaiterGets(3);
        aWaiterGets(4);
        assertEquals(1, driver.leaders.size(), "led once, dropped when its round reported it closed");
    }

    @Test
    void aDriverThatThrowsIsDroppedAndTheCallerNeverSeesItsFault() throws Exception {
        port.addDriver(driver);
        driver.ready.add(() -> {
            throw new IllegalStateException("a provider bug");
        });
        aWaiterGets(5); // the fault was the driver's; the wait went on
        assertEquals(0, driver.leading.get(), "its lead was given back");
        aWaiterGets(6);
        assertEquals(1, driver.leaders.size(), "dropped after its fault");
    }

    @Test
    void aPostRacingALeaderThatStartsToWaitIsNeverLeftInTheQueue() throws Exception {
        for (int i = 0; i < 3000; i++) { // the post lands before, during and after the leader's start
            CompletionPortImpl p = new CompletionPortImpl(1, this);
            ScriptedDriver d = new ScriptedDriver();
            p.addDriver(d);
            CountDownLatch go = new CountDownLatch(1);
            CompletableFuture<Completion> taken = CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return p.take(-1);
                } catch (WsaException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            go.countDown();
            for (int spin = i % 500; spin > 0; spin--) {
                Thread.onSpinWait();
            }
            p.post(packet(i));
            assertEquals(i, taken.get(10, TimeUnit.SECONDS).key(), "iteration " + i);
        }
    }

    @Test
    void withTwoDriversOneThreadLeadsAndTheOtherFollows() throws Exception {
        ScriptedDriver second = new ScriptedDriver();
        port.addDriver(driver);
        port.addDriver(second);
        CompletableFuture<Completion> timed = takeAsync(TimeUnit.MILLISECONDS.toNanos(300));
        awaitLeader();
        CompletableFuture<Completion> waiting = takeAsync(-1);
        Thread.sleep(50);
        assertTrue(second.leaders.isEmpty(), "one leader per port: the second thread follows");
        assertNull(timed.get(10, TimeUnit.SECONDS), "the leader's wait timed out");
        port.post(packet(9)); // whether the follower took the lead meanwhile or still waits, it gets it
        assertEquals(9, waiting.get(10, TimeUnit.SECONDS).key());
    }

    @Test
    void anInterruptedLeaderFailsWithWsaeintr() throws Exception {
        port.addDriver(driver);
        AtomicReference<WsaError> error = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                port.take(-1);
            } catch (WsaException e) {
                error.set(e.error());
            }
        });
        t.start();
        awaitLeader();
        t.interrupt();
        t.join(10_000);
        assertEquals(WsaError.WSAEINTR, error.get());
    }
}
