package ws2.provider.metrics;

import ws2.catalog.ProtocolInfo;
import ws2.spi.layer.LayeredSocket;
import ws2.spi.layer.Lower;

/**
 * A socket of the metrics layer: the handle context ({@code WPUQuerySocketHandleContext}) of a
 * {@link LayeredSocket}, carrying the socket's {@link Meter}.
 */
final class MetricsSocket extends LayeredSocket {
    private final Meter meter = new Meter();

    /**
     * Creates the state of a new socket.
     *
     * @param lower the socket below
     * @param entry the chain entry
     */
    MetricsSocket(Lower lower, ProtocolInfo entry) {
        super(lower, entry);
    }

    /**
     * Returns the socket's counters.
     *
     * @return the meter
     */
    Meter meter() {
        return meter;
    }
}
