package ws2.bench;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ws2.api.Winsock;
import ws2.api.WsaException;

/**
 * The cost of creating and closing a TCP socket: {@code socket()} + {@code closesocket()} through
 * ws2 (catalog selection, handle table, provider, adoption) against raw
 * {@code SocketChannel.open()} + {@code close()}. Score: microseconds per pair.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class SocketLifecycleBenchmark {
    private Ws2Felix felix;
    private Winsock ws;

    /** Starts ws2. */
    @Setup
    public void setup() throws Exception {
        felix = Ws2Felix.start();
        ws = felix.factory().open("bench.lifecycle");
        ws.startup(Winsock.VERSION_2_2);
    }

    /** Stops ws2. */
    @TearDown
    public void tearDown() {
        ws.close();
        felix.close();
    }

    /**
     * {@code socket()} and {@code closesocket()} through ws2.
     *
     * @throws WsaException on failure
     */
    @Benchmark
    public void ws2() throws WsaException {
        ws.closeSocket(ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
    }

    /**
     * {@code SocketChannel.open()} and {@code close()}.
     *
     * @throws IOException on failure
     */
    @Benchmark
    public void nio() throws IOException {
        SocketChannel.open(StandardProtocolFamily.INET).close();
    }
}
