package ws2.metrics;

import java.util.Objects;

/**
 * One row of {@link SocketMetrics}: the counters of a {@code SOCKET}, of a provider below the layer
 * or of a protocol chain entry ({@code WSAPROTOCOL_INFO} with {@code ChainLen > 1}).
 *
 * <p>Latency is measured around the call the layer forwards, for the calls that completed or
 * failed; calls refused with {@code WSAEWOULDBLOCK} or left pending with {@code WSA_IO_PENDING}
 * are counted in {@link #calls} only.
 *
 * @param key what the row counts (see the {@link SocketMetrics} method that returned it)
 * @param calls calls counted
 * @param bytesSent bytes the completed sends transferred
 * @param bytesReceived bytes the completed receives transferred
 * @param errors calls that failed with a {@code WSAE*} code other than {@code WSAEWOULDBLOCK}
 *        and {@code WSA_IO_PENDING}
 * @param latencyCount calls whose latency was measured
 * @param latencyTotalNanos their total latency
 * @param latencyMaxNanos the longest of them, 0 if none
 */
public record Counters(String key, long calls, long bytesSent, long bytesReceived, long errors, long latencyCount,
        long latencyTotalNanos, long latencyMaxNanos) {
    /** Checks the parts: a key, and no negative counter. */
    public Counters {
        Objects.requireNonNull(key, "key");
        if ((calls | bytesSent | bytesReceived | errors | latencyCount | latencyTotalNanos | latencyMaxNanos) < 0) {
            throw new IllegalArgumentException("negative counter in row '" + key + "'");
        }
    }

    /**
     * The mean latency of the measured calls.
     *
     * @return nanoseconds, 0 if no call was measured
     */
    public long meanLatencyNanos() {
        return latencyCount == 0 ? 0 : latencyTotalNanos / latencyCount;
    }
}
