package ws2.bench.echo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.management.ObjectName;

import io.netty.buffer.PooledByteBufAllocator;

/**
 * Memory per idle connection of each echo server (issue 4): with 1,000 idle connections open, the
 * server's heap in use after garbage collection, minus the same with no connection, divided by
 * 1,000.
 *
 * <h2>What is measured</h2>
 * Java heap in use ({@link MemoryMXBean#getHeapMemoryUsage()}), read after {@code System.gc()}
 * five times with a pause after each, keeping the lowest reading. Both readings are taken with the
 * server in the same state (started, listening, the same number of {@code AcceptEx} pre-created for
 * ws2) and after a warm-up of a few connections that were opened, used once and closed, so
 * one-time costs (class initialisation, Netty's buffer pool and thread caches, ws2's reactor and
 * first handle-table use) are in both readings and drop out of the difference.
 *
 * <p>What an idle connection holds, and so what the figure includes: for ws2, the handle and its
 * entries in ws2.core (socket object, handle table slot, completion-port association), the tcpip
 * provider's socket and its asynchronous state with the pending overlapped receive the server
 * keeps posted, the JDK {@code SocketChannel} and its selection key, and the server's own
 * per-handle data (the {@code Conn}, its {@code Overlapped} and the 64-byte direct buffer's Java
 * object). For Netty, the channel, its pipeline and handler contexts, its configuration and its
 * JDK channel and selection key; an idle Netty channel holds no buffer. Connections are idle after
 * one echoed message each, so each server has gone through its data path once per connection.
 *
 * <p>Off-heap memory is printed beside it but is not the figure: the JDK's direct buffers (ws2's
 * per-connection 64-byte buffers live there, 64 bytes each plus malloc overhead) and the direct
 * memory held by Netty's pooled allocator (its arenas are shared, not per connection). Kernel
 * socket buffers and thread stacks are outside both.
 *
 * <h2>Keeping the client out</h2>
 * The connections are made by the same {@link LoadGenerator} as in the throughput benchmark, but in a
 * child JVM this class starts ({@code IdleMemory client PORT}, driven through its standard input),
 * so none of the client's channels, buffers or selectors is in the heap measured here.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar ws2.bench.echo.IdleMemory [connections]
 * [servers] [histogram]}, e.g. {@code ... IdleMemory 1000 netty,ws2} (the defaults); with
 * {@code histogram} it also prints, from class histograms taken at both points, which classes the
 * connections added (objects and bytes per connection).
 */
public final class IdleMemory {
    private static final int WARM_UP = 16;

    private IdleMemory() {
    }

    /**
     * Measures each server, or runs as the client child.
     *
     * @param args {@code [connections] [servers]}, or {@code client PORT}
     * @throws Exception if a server or the client fails
     */
    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("client")) {
            client(Integer.parseInt(args[1]));
            return;
        }
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> servers = List.of((args.length > 1 ? args[1] : "netty,ws2").split(","));
        boolean histogram = args.length > 2 && args[2].equals("histogram");
        directBytes(); // initialises Netty's allocator now, not between the two readings of the first server
        for (String name : servers) {
            measure(name, connections, histogram);
        }
        System.exit(0); // Felix's and Netty's non-daemon threads are stopped, but be sure
    }

    private static void measure(String name, int connections, boolean histogram) throws Exception {
        try (EchoServer server = EchoServer.start(name, 2); Client client = new Client(server.address().getPort())) {
            client.command("open " + WARM_UP);
            server.awaitConnections(WARM_UP, 30_000);
            client.command("close");
            server.awaitConnections(0, 30_000);

            Map<String, long[]> histogram0 = histogram ? histogram() : null; // held through both readings: no bias
            long heap0 = settledHeap();
            long direct0 = directBytes();
            client.command("open " + connections);
            server.awaitConnections(connections, 60_000);
            long heap1 = settledHeap();
            long direct1 = directBytes();
            if (histogram) {
                printGrowth(name, histogram0, histogram(), connections);
            }
            System.out.printf("%-5s %,d idle connections: heap %,d -> %,d bytes: %,.0f bytes per connection"
                    + " (off-heap buffers besides: %,.0f bytes per connection)%n", name, connections, heap0, heap1,
                    (double) (heap1 - heap0) / connections, (double) (direct1 - direct0) / connections);
            client.command("close");
            server.awaitConnections(0, 30_000);
        }
    }

    /** The lowest heap in use seen after each of five collections. */
    private static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(200);
            lowest = Math.min(lowest, memory.getHeapMemoryUsage().getUsed());
        }
        return lowest;
    }

    /** Live objects per class (instances, bytes), from the class histogram (which collects first). */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                classes.put(f[3], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        return classes;
    }

    /** Prints the classes whose live instances grew with the connections, per connection. */
    private static void printGrowth(String name, Map<String, long[]> before, Map<String, long[]> after, int connections) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> e : after.entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[2]);
            long[] d = {e.getValue()[0] - b[0], e.getValue()[1] - b[1]};
            if (d[1] >= connections * 8L) {
                grown.add(Map.entry(e.getKey(), d));
            }
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.printf("%s: live objects per idle connection (classes adding 8 bytes or more):%n", name);
        for (Map.Entry<String, long[]> e : grown) {
            System.out.printf("  %6.2f objects %7.1f bytes  %s%n", (double) e.getValue()[0] / connections,
                    (double) e.getValue()[1] / connections, e.getKey());
        }
    }

    /** JDK direct buffers in use plus the direct memory Netty's pooled allocator holds. */
    private static long directBytes() {
        long sum = 0;
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (pool.getName().equals("direct")) {
                sum += pool.getMemoryUsed();
            }
        }
        return sum + PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory();
    }

    // ---- the client child -------------------------------------------------------------------

    /** The child JVM that holds the client side of the connections, driven line by line. */
    private static final class Client implements AutoCloseable {
        private final Process process;
        private final PrintWriter in;
        private final BufferedReader out;

        Client(int port) throws IOException {
            Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                    IdleMemory.class.getName(), "client", Integer.toString(port))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        void command(String line) throws IOException {
            in.println(line);
            String reply = out.readLine();
            if (!"ok".equals(reply)) {
                throw new IOException("the client child answered '" + reply + "' to '" + line + "'");
            }
        }

        @Override
        public void close() throws InterruptedException {
            in.close();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
    }

    /**
     * The child's side: {@code open N} connects N connections, echoes one message on each and
     * leaves them idle; {@code close} closes them; end of input exits.
     */
    private static void client(int port) throws Exception {
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        LoadGenerator load = null;
        for (String line; (line = commands.readLine()) != null; ) {
            try {
                if (line.startsWith("open ")) {
                    int n = Integer.parseInt(line.substring(5).trim());
                    load = new LoadGenerator(server, 1);
                    load.open(n);
                    load.start(1);
                    load.awaitCompleted(n, 60_000);
                    load.stop();
                } else if (line.equals("close") && load != null) {
                    load.close();
                    load = null;
                }
                System.out.println("ok");
            } catch (Exception e) {
                System.out.println("failed: " + e);
            }
        }
        if (load != null) {
            load.close();
        }
    }
}
