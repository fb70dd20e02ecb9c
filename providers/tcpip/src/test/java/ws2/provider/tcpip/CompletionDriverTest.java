package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.transport.CompletionDriver;
import ws2.spi.transport.DrivableDispatch;

/**
 * The reactor as a {@link CompletionDriver}: a completion port's thread takes the lead from the
 * reactor's own thread, serves the ready sockets one completion at a time in its own thread, and
 * gives the loop back, which the own thread then runs again. Real loopback sockets.
 */
class CompletionDriverTest extends TcpipTestBase {
    private static final long WAIT = TimeUnit.SECONDS.toNanos(10);

    private CompletionDriver driver(SocketHandle s) throws WsaException {
        return ((DrivableDispatch) d).completionDriver(s);
    }

    private Overlapped pendingReceive(SocketHandle s) {
        Overlapped ov = new Overlapped();
        ov.begin();
        fails(WsaError.WSA_IO_PENDING, () -> d.recv(s, new ByteBuffer[] {ByteBuffer.allocate(16)}, 0, ov, null, null));
        return ov;
    }

    /** Takes the lead, trying again for 10 s: a busy machine may not run the reactor's thread, which hands it over, at once. */
    private static void lead(CompletionDriver driver) {
        long end = System.nanoTime() + WAIT;
        while (!driver.tryLead()) {
            assertTrue(System.nanoTime() < end, "the lead was never handed over");
        }
    }

    /** Drives until the upcall saw {@code n} completions in all, or fails after 10 s. */
    private void driveUntil(CompletionDriver driver, int n) {
        long end = System.nanoTime() + WAIT;
        while (upcall.completions.size() < n) {
            assertTrue(System.nanoTime() < end, "only " + upcall.completions.size() + " completions came");
            assertTrue(driver.drive(TimeUnit.MILLISECONDS.toNanos(100)));
        }
    }

    @Test
    void aPortThreadTakesTheLeadAndCompletesOperationsInItsOwnThread() throws Exception {
        Connection c = connect(AddressFamily.AF_INET);
        Overlapped ov = pendingReceive(c.server());
        CompletionDriver driver = driver(c.server());
        assertSame(driver, driver(c.client()), "one loop per dispatch");
        lead(driver); // the reactor's own thread hands the lead over
        try {
            assertFalse(CompletableFuture.supplyAsync(driver::tryLead).get(10, TimeUnit.SECONDS),
                    "another thread cannot lead meanwhile");
            sendText(c.client(), "hello");
            driveUntil(driver, 1);
            assertSame(ov, upcall.completions.take().overlapped());
            assertSame(Thread.currentThread(), upcall.completingThreads.take(), "completed in the leading thread");
        } finally {
            driver.release();
        }
    }

    @Test
    void theReactorThreadRunsTheLoopAgainOnceNoPortThreadLeads() throws Exception {
        Connection c = connect(AddressFamily.AF_INET);
        CompletionDriver driver = driver(c.server());
        lead(driver);
        driver.release();
        Overlapped ov = pendingReceive(c.server());
        sendText(c.client(), "later");
        TestUpcall.Completed done = upcall.completions.poll(10, TimeUnit.SECONDS);
        assertTrue(done != null, "the own thread took the loop back and completed the receive");
        assertSame(ov, done.overlapped());
        Thread by = upcall.completingThreads.take();
        assertTrue(by.getName().startsWith("ws2-tcpip-reactor-"), "completed by " + by.getName());
    }

    @Test
    void aRoundEndsAtTheFirstCompletionAndTheNextServesTheSocketsLeftReady() throws Exception {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Connection c = connect(AddressFamily.AF_INET);
            pendingReceive(c.server());
            connections.add(c);
        }
        CompletionDriver driver = driver(connections.get(0).server());
        lead(driver);
        try {
            for (Connection c : connections) {
                sendText(c.client(), "x");
            }
            Thread.sleep(100); // all three are readable before the select
            assertTrue(driver.drive(WAIT));
            assertEquals(1, upcall.completions.size(), "one completion per round");
            assertTrue(driver.drive(0));
            assertEquals(2, upcall.completions.size(), "the next round serves a socket the select already found");
            driveUntil(driver, 3);
        } finally {
            driver.release();
        }
    }

    /**
     * In another thread: takes the lead, counts {@code led} down, and drives one round that waits
     * for readiness.
     *
     * @return what the round answered (false: the loop closed)
     */
    private static CompletableFuture<Boolean> waitingRound(CompletionDriver driver, CountDownLatch led) {
        return CompletableFuture.supplyAsync(() -> {
            lead(driver);
            led.countDown();
            try {
                return driver.drive(-1);
            } finally {
                driver.release();
            }
        });
    }

    @Test
    void wakeupEndsADriveThatWaits() throws Exception {
        Connection c = connect(AddressFamily.AF_INET);
        CompletionDriver driver = driver(c.server());
        CountDownLatch led = new CountDownLatch(1);
        CompletableFuture<Boolean> round = waitingRound(driver, led);
        assertTrue(led.await(10, TimeUnit.SECONDS));
        driver.wakeup(); // before or during its select: either way the select returns
        assertEquals(Boolean.TRUE, round.get(10, TimeUnit.SECONDS), "led, woken, still open");
    }

    @Test
    void cleanupEndsTheLoopForItsLeaders() throws Exception {
        Connection c = connect(AddressFamily.AF_INET);
        CompletionDriver driver = driver(c.server());
        fails(WsaError.WSAENOTSOCK, () -> driver(new TestUpcall.Handle(1, 1001, null)));
        CountDownLatch led = new CountDownLatch(1);
        CompletableFuture<Boolean> round = waitingRound(driver, led);
        assertTrue(led.await(10, TimeUnit.SECONDS));
        d.cleanup();
        assertEquals(Boolean.FALSE, round.get(10, TimeUnit.SECONDS), "the round in progress ends: the loop is closed");
        assertFalse(driver.tryLead(), "nobody leads a closed loop");
    }
}
