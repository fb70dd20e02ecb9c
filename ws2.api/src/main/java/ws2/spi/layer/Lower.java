package ws2.spi.layer;

import java.util.Objects;

import ws2.api.SocketHandle;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.WspDispatch;

/**
 * A socket of the next provider down a chain, as a layer holds it: the handle that provider
 * issued, the dispatch of the very provider version that made it (pinned until the socket is
 * closed through {@link NextLayer#closeSocket}), and the protocol info to pass that provider
 * (the chain entry for a layer, the base entry for a base provider).
 *
 * @param handle the lower socket, or null for {@link NextLayer#provider} (no socket)
 * @param dispatch the lower provider's dispatch
 * @param entry the protocol info the lower provider expects
 */
public record Lower(SocketHandle handle, WspDispatch dispatch, ProtocolInfo entry) {
    /** Checks the parts. */
    public Lower {
        Objects.requireNonNull(dispatch, "dispatch");
        Objects.requireNonNull(entry, "entry");
    }
}
