package ws2.spi.layer;

import java.util.Objects;

import ws2.api.SocketHandle;
import ws2.catalog.ProtocolInfo;

/**
 * A layer's own socket: the state {@link ForwardingDispatch} keeps as the handle context of every
 * socket it issues ({@code WPUQuerySocketHandleContext}), with the lower socket it runs over. A
 * layer that keeps per-socket state (counters, a TLS engine) subclasses it.
 */
public class LayeredSocket {
    private final Lower lower;
    private final ProtocolInfo entry;
    private volatile SocketHandle handle;

    /**
     * Creates the state of a new layered socket.
     *
     * @param lower the socket below
     * @param entry the chain entry the socket is on
     */
    public LayeredSocket(Lower lower, ProtocolInfo entry) {
        this.lower = Objects.requireNonNull(lower, "lower");
        this.entry = Objects.requireNonNull(entry, "entry");
    }

    /**
     * Returns the socket below.
     *
     * @return the lower socket
     */
    public final Lower lower() {
        return lower;
    }

    /**
     * Returns the chain entry the socket is on.
     *
     * @return the entry
     */
    public final ProtocolInfo entry() {
        return entry;
    }

    /**
     * Returns the handle the layer gave its caller.
     *
     * @return the handle, null until it is created
     */
    public final SocketHandle handle() {
        return handle;
    }

    final void handle(SocketHandle h) {
        handle = h;
    }
}
