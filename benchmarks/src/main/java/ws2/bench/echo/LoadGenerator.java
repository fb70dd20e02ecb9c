package ws2.bench.echo;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client load of the echo comparison, the same for every server: {@code n} TCP connections to
 * one address, driven by one or a few threads that each run a java.nio {@link Selector} over their
 * share of them. Each connection plays ping-pong with a {@value #MESSAGE}-byte message: it sends
 * the message, waits until all of it has come back, counts one round trip and sends again. So
 * exactly {@code n} messages are in flight at any time, and the round-trip count is the server's
 * message rate.
 *
 * <p>Nagle is off on every connection. The data path allocates nothing: each thread has one direct
 * buffer to send from and one to receive into, and a connection keeps only how much of the echo has
 * arrived.
 *
 * <p>Use: {@link #open} connects (nothing is sent yet, so the connections are idle), {@link #start}
 * starts the ping-pong, {@link #stop} ends it and leaves the connections open and idle,
 * {@link #close} closes them.
 */
public final class LoadGenerator implements AutoCloseable {
    /** The size of the message each connection sends and waits for. */
    public static final int MESSAGE = 64;

    private final InetSocketAddress server;
    private final int threads;
    private final List<SocketChannel> channels = new ArrayList<>();
    private Loop[] loops = new Loop[0];

    /**
     * Prepares a generator; nothing is connected yet.
     *
     * @param server the echo server
     * @param threads how many selector threads share the connections
     */
    public LoadGenerator(InetSocketAddress server, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.server = server;
        this.threads = threads;
    }

    /**
     * Opens connections, one after the other with blocking connects; they stay idle until
     * {@link #start}.
     *
     * @param n how many to add
     * @throws IOException if a connection fails
     */
    public void open(int n) throws IOException {
        for (int i = 0; i < n; i++) {
            SocketChannel ch = SocketChannel.open(server);
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ch.configureBlocking(false);
            channels.add(ch);
        }
    }

    /**
     * Returns how many connections are open.
     *
     * @return the count
     */
    public int connections() {
        return channels.size();
    }

    /**
     * Starts the ping-pong on every connection.
     *
     * @param roundTrips round trips each connection makes before it falls idle; 0 for no limit
     * @throws IOException if a selector cannot be opened
     */
    public void start(int roundTrips) throws IOException {
        if (loops.length != 0) {
            throw new IllegalStateException("already started");
        }
        Loop[] ls = new Loop[threads];
        for (int t = 0; t < threads; t++) {
            ls[t] = new Loop("echo-load-" + t, roundTrips);
        }
        for (int i = 0; i < channels.size(); i++) {
            ls[i % threads].connections.add(channels.get(i));
        }
        loops = ls;
        for (Loop l : ls) {
            l.thread.start();
        }
    }

    /**
     * Returns the round trips completed since {@link #start}, by all connections.
     *
     * @return the count
     */
    public long completed() {
        long sum = 0;
        for (Loop l : loops) {
            sum += l.completed;
        }
        return sum;
    }

    /**
     * Returns the CPU time the generator's threads have used, to tell the client's share of the
     * machine from the server's.
     *
     * @return nanoseconds of CPU, summed over the threads
     */
    public long cpuNanos() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (Loop l : loops) {
            long t = mx.getThreadCpuTime(l.thread.getId());
            sum += Math.max(0, t);
        }
        return sum;
    }

    /**
     * Returns the first failure of a connection, if any: a server that closed a connection, reset
     * it, or echoed more than was sent.
     *
     * @return the failure, or null
     */
    public Throwable failure() {
        for (Loop l : loops) {
            if (l.failure != null) {
                return l.failure;
            }
        }
        return null;
    }

    /**
     * Waits until the connections have made a number of round trips in all.
     *
     * @param count the total to reach
     * @param timeoutMillis how long to wait
     * @throws InterruptedException if interrupted
     * @throws IllegalStateException if it times out or a connection fails
     */
    public void awaitCompleted(long count, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (completed() < count) {
            if (failure() != null) {
                throw new IllegalStateException("a connection failed", failure());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + completed() + " of " + count + " round trips in "
                        + timeoutMillis + " ms");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Stops the threads; the connections stay open and idle (an echo in flight is left unread).
     *
     * @throws InterruptedException if interrupted while joining them
     */
    public void stop() throws InterruptedException {
        for (Loop l : loops) {
            l.running = false;
            l.selector.wakeup();
        }
        for (Loop l : loops) {
            l.thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        loops = new Loop[0];
        for (SocketChannel ch : channels) {
            try {
                ch.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        channels.clear();
    }

    /** What a connection is in the middle of. */
    private static final class Conn {
        final SocketChannel channel;
        int received;
        int sent = MESSAGE;
        int left;

        Conn(SocketChannel channel, int left) {
            this.channel = channel;
            this.left = left;
        }
    }

    /** One selector thread and its connections. */
    private static final class Loop implements Runnable {
        final Thread thread;
        final Selector selector;
        final List<SocketChannel> connections = new ArrayList<>();
        final int roundTrips;
        final ByteBuffer out = ByteBuffer.allocateDirect(MESSAGE);
        final ByteBuffer in = ByteBuffer.allocateDirect(MESSAGE);
        final Consumer<SelectionKey> onReady = this::ready;
        volatile boolean running = true;
        volatile long completed;
        volatile Throwable failure;

        Loop(String name, int roundTrips) throws IOException {
            this.selector = Selector.open();
            this.roundTrips = roundTrips;
            for (int i = 0; i < MESSAGE; i++) {
                out.put(i, (byte) i);
            }
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            try {
                for (SocketChannel ch : connections) {
                    Conn c = new Conn(ch, roundTrips == 0 ? -1 : roundTrips);
                    SelectionKey k = ch.register(selector, SelectionKey.OP_READ, c);
                    send(k, c);
                }
                while (running) {
                    selector.select(onReady);
                }
            } catch (IOException | RuntimeException e) {
                failure = e;
            } finally {
                try {
                    selector.close(); // deregisters; the channels stay open
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }

        private void ready(SelectionKey k) {
            Conn c = (Conn) k.attachment();
            try {
                if (k.isWritable()) {
                    flush(k, c);
                }
                if (k.isReadable()) {
                    read(k, c);
                }
            } catch (IOException e) {
                failure = e;
                k.cancel();
            }
        }

        private void read(SelectionKey k, Conn c) throws IOException {
            in.clear();
            int n = c.channel.read(in);
            if (n < 0) {
                throw new IOException("the server closed a connection");
            }
            c.received += n;
            if (c.received > MESSAGE || c.received == MESSAGE && c.sent < MESSAGE) {
                throw new IOException("the server echoed more than was sent");
            }
            if (c.received == MESSAGE) {
                c.received = 0;
                completed++; // one writer: this thread
                if (c.left != 0) {
                    if (c.left > 0) {
                        c.left--;
                    }
                    if (c.left != 0) {
                        send(k, c);
                    }
                }
            }
        }

        private void send(SelectionKey k, Conn c) throws IOException {
            c.sent = 0;
            flush(k, c);
        }

        /** Writes what is left of the message; waits for writability if the socket buffer is full. */
        private void flush(SelectionKey k, Conn c) throws IOException {
            out.limit(MESSAGE).position(c.sent);
            c.sent += c.channel.write(out);
            int ops = c.sent < MESSAGE ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
            if (k.interestOps() != ops) {
                k.interestOps(ops);
            }
        }
    }
}
