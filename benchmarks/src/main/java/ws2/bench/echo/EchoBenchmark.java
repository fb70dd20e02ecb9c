package ws2.bench.echo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Issue 4's echo comparison: a ws2 echo server on overlapped I/O and a completion port
 * ({@link Ws2EchoServer}, through Felix, ws2.core and the tcpip provider) against a Netty echo
 * server ({@link NettyEchoServer}), both driven by the same {@link LoadGenerator}: 1,000 loopback
 * connections, each in 64-byte ping-pong. Goal: ws2 at least 0.9 x Netty's messages per second.
 *
 * <h2>Reading the output</h2>
 * The score is messages (round trips, i.e. messages echoed) per second, counted by the load
 * generator: each invocation waits for the next {@value #BATCH} round trips, polling the count every
 * millisecond, and counts as {@value #BATCH} operations. After each iteration the fork also prints
 * what each message cost in CPU, split between the load generator's threads and the rest of the
 * JVM (the server's threads, GC, JIT; the benchmark thread's polling is taken out), and how many of
 * the two cores were busy. Client and server share one 2-core machine, so the message rate is
 * bounded by the sum of both costs, and any other load on the machine moves it; the server's CPU
 * per message is the steadier figure of the two.
 *
 * <h2>Setup</h2>
 * Each server runs in its own fork (one {@code @Param} value each), started in the trial setup with
 * all connections opened and accepted before the first warm-up iteration. Nothing else of the other
 * server is loaded in that fork (Felix is only started for ws2).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar Echo} (about 1 minute); more forks with
 * {@code -f 3}; other loads with e.g. {@code -p clientThreads=2 -p serverThreads=1}. Memory per
 * idle connection is measured by {@link IdleMemory}; {@link EchoRun} runs the same load outside
 * JMH for profilers.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Benchmark)
public class EchoBenchmark {
    /** Round trips one invocation waits for. */
    static final int BATCH = 1000;
    private static final long POLL_NANOS = 1_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The server under test. */
    @Param({"netty", "ws2"})
    public String server;

    /** Concurrent connections, each with one message in flight. */
    @Param("1000")
    public int connections;

    /** Netty's I/O event loops, or ws2's completion-port worker threads. */
    @Param("2")
    public int serverThreads;

    /** The load generator's selector threads. */
    @Param("1")
    public int clientThreads;

    private EchoServer echo;
    private LoadGenerator load;
    private long iterationStart;
    private long startNanos;
    private long startCpu;
    private long startClientCpu;
    private long measuredMessages;
    private long measuredServerCpu;
    private long measuredClientCpu;
    private long measuredNanos;
    private long startPollCpu;
    private long next;

    /**
     * Starts the server, opens every connection, waits until the server holds them all, then starts
     * the ping-pong and lets every connection complete a first round trip.
     *
     * @throws Exception if anything fails to come up
     */
    @Setup(Level.Trial)
    public void setup() throws Exception {
        echo = EchoServer.start(server, serverThreads);
        load = new LoadGenerator(echo.address(), clientThreads);
        load.open(connections);
        echo.awaitConnections(connections, TimeUnit.SECONDS.toMillis(30));
        load.start(0);
        load.awaitCompleted(connections, TimeUnit.SECONDS.toMillis(30));
    }

    /** Marks where the iteration's count and CPU times start; runs on the benchmark thread. */
    @Setup(Level.Iteration)
    public void mark() {
        iterationStart = load.completed();
        next = iterationStart + BATCH;
        startPollCpu = THREADS.getCurrentThreadCpuTime();
        startNanos = System.nanoTime();
        startCpu = processCpuNanos();
        startClientCpu = load.cpuNanos();
    }

    /**
     * Prints what a message cost in CPU in this iteration, and sums the measurement iterations.
     *
     * @param iteration which iteration ended
     */
    @TearDown(Level.Iteration)
    public void cost(IterationParams iteration) {
        Throwable failed = load.failure();
        if (failed != null) {
            throw new IllegalStateException("the load generator saw a connection fail", failed);
        }
        long messages = load.completed() - iterationStart;
        long nanos = System.nanoTime() - startNanos;
        long cpu = processCpuNanos() - startCpu - (THREADS.getCurrentThreadCpuTime() - startPollCpu);
        long clientCpu = load.cpuNanos() - startClientCpu;
        System.out.printf("  [%s: %.2f us CPU/msg in the server JVM threads, %.2f us in the load generator, %.2f cores busy]%n",
                server, (cpu - clientCpu) / 1e3 / messages, clientCpu / 1e3 / messages, (double) cpu / nanos);
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measuredMessages += messages;
            measuredServerCpu += cpu - clientCpu;
            measuredClientCpu += clientCpu;
            measuredNanos += nanos;
        }
    }

    /**
     * Stops the load and the server, after printing the measurement iterations' CPU per message.
     *
     * @throws Exception if the server fails to stop
     */
    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        if (measuredMessages > 0) {
            System.out.printf("  [%s over the measurement: %.0f msgs/s, %.2f us server CPU/msg, %.2f us load-generator CPU/msg]%n",
                    server, measuredMessages * 1e9 / measuredNanos, measuredServerCpu / 1e3 / measuredMessages,
                    measuredClientCpu / 1e3 / measuredMessages);
        }
        load.close();
        echo.close();
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * Waits until the load generator has counted the next {@value #BATCH} round trips.
     *
     * @return the count waited for
     */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long echo() {
        long target = next;
        while (load.completed() < target) {
            LockSupport.parkNanos(POLL_NANOS);
            if (load.failure() != null) {
                throw new IllegalStateException("the load generator saw a connection fail", load.failure());
            }
        }
        next = target + BATCH;
        return target;
    }
}
