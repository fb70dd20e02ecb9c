package ws2.metrics;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The counters an inspector LSP ({@code LSP_INSPECTOR}) keeps of the Winsock calls it passes down:
 * the JVM form of the per-socket and per-provider statistics a Windows monitoring LSP exposes.
 *
 * <p>The layer counts, on the sockets of its chains, {@code WSPSend}, {@code WSPSendTo},
 * {@code WSPRecv}, {@code WSPRecvFrom}, {@code WSPConnect}, {@code ConnectEx}, {@code WSPAccept}
 * and {@code AcceptEx}. A call is counted when it returns: the bytes of a call that completes at
 * once (also an overlapped one), and nothing but the call itself when it is refused with
 * {@code WSAEWOULDBLOCK} or left pending with {@code WSA_IO_PENDING}; the bytes of a pending
 * overlapped operation are not counted. Every other {@code WSAE*} failure is an error.
 *
 * <p>Each method returns an immutable snapshot; counters being updated meanwhile may be seen half
 * counted. Thread-safe. Implemented by the ws2.provider.metrics bundle.
 */
@ProviderType
public interface SocketMetrics {
    /**
     * The open sockets of the layer, in the order of their handles.
     *
     * @return one row per socket, keyed by its {@code SOCKET} value in decimal
     */
    List<Counters> sockets();

    /**
     * The totals per provider directly below the layer: the sockets closed so far plus the open ones.
     *
     * @return one row per provider, keyed by its {@code WSPDATA} {@code szDescription}, in key order
     */
    List<Counters> providers();

    /**
     * The totals per protocol chain the layer's sockets were made on: the sockets closed so far plus
     * the open ones.
     *
     * @return one row per chain, keyed by its {@code dwCatalogEntryId} in decimal, in ID order
     */
    List<Counters> chains();
}
