package ws2.provider.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.metrics.Counters;

/** The counting rules of one socket's {@link Meter}. */
class MeterTest {
    private final Meter meter = new Meter();

    @Test
    void completedSendsAndReceivesCountCallsBytesAndLatency() {
        meter.sent(100, 3_000);
        meter.sent(20, 1_000);
        meter.received(7, 2_000);
        meter.completed(500);
        assertEquals(new Counters("s", 4, 120, 7, 0, 4, 6_500, 3_000), meter.counters("s"));
    }

    @Test
    void wouldBlockAndPendingOverlappedCallsCountAsCallsOnly() {
        WsaException wouldBlock = WsaException.wouldBlock();
        assertSame(wouldBlock, meter.failed(wouldBlock, 9_000));
        meter.failed(WsaException.ioPending(), 9_000);
        assertEquals(new Counters("s", 2, 0, 0, 0, 0, 0, 0), meter.counters("s"));
    }

    @Test
    void otherFailuresAreErrorsWithTheirLatency() {
        meter.failed(new WsaException(WsaError.WSAECONNRESET, "reset by peer"), 4_000);
        meter.failed(new WsaException(WsaError.WSAENOTCONN, "not connected"), 2_000);
        assertEquals(new Counters("s", 2, 0, 0, 2, 2, 6_000, 4_000), meter.counters("s"));
    }

    @Test
    void theMaximumLatencyIsTheLongestCallNotTheLast() {
        meter.completed(10);
        meter.completed(700);
        meter.completed(30);
        assertEquals(700, meter.counters("s").latencyMaxNanos());
        assertEquals(246, meter.counters("s").meanLatencyNanos());
    }

    @Test
    void addingSumsTheCountersAndKeepsTheHigherMaximum() {
        meter.sent(10, 50);
        Meter other = new Meter();
        other.received(5, 20);
        other.failed(new WsaException(WsaError.WSAETIMEDOUT, "timed out"), 80);
        meter.add(other);
        assertEquals(new Counters("t", 3, 10, 5, 1, 3, 150, 80), meter.counters("t"));
        other.add(new Meter());
        assertEquals(new Counters("o", 2, 0, 5, 1, 2, 100, 80), other.counters("o"));
    }
}
