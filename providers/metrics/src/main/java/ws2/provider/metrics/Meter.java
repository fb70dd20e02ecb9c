package ws2.provider.metrics;

import java.util.concurrent.atomic.AtomicLongArray;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.metrics.Counters;

/**
 * The counters an inspector LSP keeps around the {@code WSP*} calls it forwards for one socket, or
 * for the closed sockets of one provider or chain: calls, bytes each way, errors and latency.
 *
 * <p>Updated without a lock by the threads calling the socket; {@link #counters} reads each counter
 * once, so it may see a call half counted. A call refused with {@code WSAEWOULDBLOCK} or started as
 * a pending overlapped operation ({@code WSA_IO_PENDING}) neither failed nor finished: it is
 * counted as a call and nothing else.
 */
final class Meter {
    private static final int CALLS = 0;
    private static final int SENT = 1;
    private static final int RECEIVED = 2;
    private static final int ERRORS = 3;
    private static final int LATENCY_COUNT = 4;
    private static final int LATENCY_TOTAL = 5;
    private static final int LATENCY_MAX = 6;
    private static final int SIZE = 7;

    private final AtomicLongArray values = new AtomicLongArray(SIZE);

    /**
     * Counts a send that completed.
     *
     * @param bytes bytes sent
     * @param nanos the call's latency
     */
    void sent(long bytes, long nanos) {
        values.addAndGet(SENT, bytes);
        completed(nanos);
    }

    /**
     * Counts a receive that completed.
     *
     * @param bytes bytes received
     * @param nanos the call's latency
     */
    void received(long bytes, long nanos) {
        values.addAndGet(RECEIVED, bytes);
        completed(nanos);
    }

    /**
     * Counts a call that completed without moving data (connect, accept).
     *
     * @param nanos the call's latency
     */
    void completed(long nanos) {
        values.incrementAndGet(CALLS);
        values.incrementAndGet(LATENCY_COUNT);
        values.addAndGet(LATENCY_TOTAL, nanos);
        values.accumulateAndGet(LATENCY_MAX, nanos, Math::max);
    }

    /**
     * Counts a call that threw: an error with its latency, or only the call for
     * {@code WSAEWOULDBLOCK} and {@code WSA_IO_PENDING}.
     *
     * @param e what the call threw
     * @param nanos the call's latency
     * @return {@code e}, to rethrow
     */
    WsaException failed(WsaException e, long nanos) {
        if (e.error() == WsaError.WSAEWOULDBLOCK || e.error() == WsaError.WSA_IO_PENDING) {
            values.incrementAndGet(CALLS);
        } else {
            values.incrementAndGet(ERRORS);
            completed(nanos);
        }
        return e;
    }

    /**
     * Adds another meter's counters to this one (its maximum latency is kept if higher).
     *
     * @param other the meter to fold in
     */
    void add(Meter other) {
        for (int i = 0; i < SIZE; i++) {
            long v = other.values.get(i);
            if (i == LATENCY_MAX) {
                values.accumulateAndGet(i, v, Math::max);
            } else {
                values.addAndGet(i, v);
            }
        }
    }

    /**
     * Reads the counters.
     *
     * @param key the row's key
     * @return the row
     */
    Counters counters(String key) {
        return new Counters(key, values.get(CALLS), values.get(SENT), values.get(RECEIVED), values.get(ERRORS),
                values.get(LATENCY_COUNT), values.get(LATENCY_TOTAL), values.get(LATENCY_MAX));
    }
}
