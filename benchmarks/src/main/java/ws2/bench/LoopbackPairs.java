package ws2.bench;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.catalog.CatalogView;
import ws2.catalog.LspCategories;
import ws2.catalog.ProviderCatalog;

/**
 * The state the TCP comparisons share: the ws2 runtime, a connected ws2 pair and a connected raw
 * java.nio pair on loopback, made the same way. A benchmark starts its peer threads in
 * {@link #startPeers()}.
 *
 * <p>The runtime has the three pass-through layers of {@code ws2.provider.passthrough} over its base
 * entries; {@link #layers} chooses how many the ws2 pair runs through, by the client's application
 * categories ({@code WSCSetApplicationCategory}): 0 (a client permitted only {@code LSP_FIREWALL}
 * loads none of them, the path is the base provider alone), 1 (permitted {@code LSP_INSPECTOR}:
 * layer A) or 3 (not categorized: A, B and C).
 */
@State(Scope.Benchmark)
public abstract class LoopbackPairs {
    /** How many pass-through layers the ws2 pair runs through: 0, 1 or 3. */
    @Param({"0"})
    public int layers;
    private Ws2Felix felix;
    /** The client context of the ws2 pair. */
    protected Winsock ws;
    /** {client, accepted} through ws2. */
    protected SocketHandle[] ws2;
    /** {client, accepted} through java.nio. */
    protected SocketChannel[] nio;

    /**
     * Boots ws2, connects both pairs and starts the peers.
     *
     * @throws Exception if anything fails to come up
     */
    @Setup
    public void setup() throws Exception {
        felix = Ws2Felix.start(Map.of(), "ws2.provider.passthrough");
        String client = getClass().getSimpleName() + "-" + layers;
        ProviderCatalog catalog = felix.service(ProviderCatalog.class);
        awaitLayers(catalog);
        if (layers == 0 || layers == 1) {
            catalog.setApplicationCategory(client, "", layers == 0 ? LspCategories.LSP_FIREWALL : LspCategories.LSP_INSPECTOR);
        } else if (layers != 3) {
            throw new IllegalArgumentException("layers must be 0, 1 or 3, not " + layers);
        }
        ws = felix.factory().open(client);
        ws.startup(Winsock.VERSION_2_2);
        ws2 = Loopback.ws2Pair(ws);
        nio = Loopback.nioPair();
        startPeers();
    }

    private static void awaitLayers(ProviderCatalog catalog) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (catalog.entries(CatalogView.NATIVE).stream().noneMatch(e -> e.info().protocolChain().length() == 4
                && e.available() && e.reason().isEmpty())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pass-through chain did not become available");
            }
            Thread.sleep(10);
        }
    }

    /** Starts the threads on the accepted ends of both pairs. */
    protected abstract void startPeers();

    /**
     * Closes both pairs and stops ws2; the peers end on their closed sockets.
     *
     * @throws IOException if a channel fails to close
     */
    @TearDown
    public void tearDown() throws IOException {
        ws.close();
        nio[0].close();
        nio[1].close();
        felix.close();
    }
}
