package ws2.bench.echo;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/** An echo server of the comparison: it listens on loopback and sends back whatever it receives. */
public interface EchoServer extends AutoCloseable {
    /**
     * Returns where it listens.
     *
     * @return 127.0.0.1 and the port it was given
     */
    InetSocketAddress address();

    /**
     * Returns how many connections it has accepted and not yet closed.
     *
     * @return the count
     */
    int connections();

    /**
     * Waits until the server holds a number of connections.
     *
     * @param n the count to reach
     * @param timeoutMillis how long to wait
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if the count is not reached in time
     */
    default void awaitConnections(int n, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (connections() != n) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(this + " holds " + connections() + " connections, not " + n);
            }
            Thread.sleep(5);
        }
    }

    /**
     * Starts the server named by the benchmark parameter.
     *
     * @param name {@code netty} or {@code ws2}
     * @param threads Netty's event-loop threads, or ws2's completion-port worker threads
     * @return the running server
     * @throws Exception if it does not come up
     */
    static EchoServer start(String name, int threads) throws Exception {
        switch (name) {
            case "netty":
                return new NettyEchoServer(threads);
            case "ws2":
                return Ws2EchoServer.start(threads);
            default:
                throw new IllegalArgumentException("unknown echo server: " + name + " (netty or ws2)");
        }
    }

    @Override
    void close() throws Exception;
}
