package ws2.bench.echo;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;

/**
 * The echo load outside JMH, for profilers that want a plain process with a steady load (JFR,
 * {@code perf}, {@code strace -c}): starts one server and the {@link LoadGenerator} as
 * {@link EchoBenchmark} does, then prints the message rate and the CPU per message every second.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar ws2.bench.echo.EchoRun ws2 [seconds]
 * [connections] [serverThreads] [clientThreads]} (defaults 20, 1000, 2, 1).
 */
public final class EchoRun {
    private EchoRun() {
    }

    /**
     * Runs the load.
     *
     * @param args {@code server [seconds] [connections] [serverThreads] [clientThreads]}
     * @throws Exception if the server or the load fails
     */
    public static void main(String[] args) throws Exception {
        String name = args.length > 0 ? args[0] : "ws2";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int serverThreads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int clientThreads = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (EchoServer server = EchoServer.start(name, serverThreads)) {
            LoadGenerator load = new LoadGenerator(server.address(), clientThreads);
            load.open(connections);
            server.awaitConnections(connections, 30_000);
            load.start(0);
            load.awaitCompleted(connections, 30_000);
            long firstCount = load.completed();
            long firstNanos = System.nanoTime();
            long count = firstCount;
            long nanos = firstNanos;
            long cpu = os.getProcessCpuTime();
            long clientCpu = load.cpuNanos();
            for (int s = 0; s < seconds; s++) {
                Thread.sleep(1000);
                long c = load.completed();
                long n = System.nanoTime();
                long p = os.getProcessCpuTime();
                long l = load.cpuNanos();
                long messages = c - count;
                System.out.printf("%s %3d s: %,8.0f msgs/s, server %.2f us CPU/msg, generator %.2f us CPU/msg, %.2f cores%n",
                        name, s + 1, messages * 1e9 / (n - nanos), (p - cpu - (l - clientCpu)) / 1e3 / messages,
                        (l - clientCpu) / 1e3 / messages, (double) (p - cpu) / (n - nanos));
                count = c;
                nanos = n;
                cpu = p;
                clientCpu = l;
                if (load.failure() != null) {
                    throw new IllegalStateException("a connection failed", load.failure());
                }
            }
            System.out.printf("%s: %,.0f msgs/s over %d s%n", name, (count - firstCount) * 1e9 / (nanos - firstNanos), seconds);
            load.close();
        }
        TimeUnit.MILLISECONDS.sleep(100);
        System.exit(0);
    }
}
