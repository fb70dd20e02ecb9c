package ws2.bench;

import java.io.IOException;
import java.nio.channels.SocketChannel;

import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import ws2.api.SocketHandle;
import ws2.api.Winsock;

/**
 * The state both TCP comparisons share: the ws2 runtime, a connected ws2 pair and a connected raw
 * java.nio pair on loopback, made the same way. A benchmark starts its peer threads in
 * {@link #startPeers()}.
 */
@State(Scope.Benchmark)
public abstract class LoopbackPairs {
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
        felix = Ws2Felix.start();
        ws = felix.factory().open(getClass().getSimpleName());
        ws.startup(Winsock.VERSION_2_2);
        ws2 = Loopback.ws2Pair(ws);
        nio = Loopback.nioPair();
        startPeers();
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
