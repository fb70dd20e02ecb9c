package ws2.bench;

import java.io.IOException;
import java.net.SocketAddress;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import ws2.api.SockAddr;
import ws2.api.WsaException;

/**
 * What one pass-through layer adds to a call: {@code getsockname} on a connected socket through
 * 0, 1 and 3 pass-through layers (run with {@code -p layers=0,1,3}), a call the base provider
 * answers from memory,
 * so the difference between the three is the chain itself. Raw java.nio's
 * {@code getLocalAddress} is the floor. Score: nanoseconds per call. Goal (issue 5): at most 30 ns
 * per layer, that is (score at 3 − score at 0) / 3.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class LayerCallBenchmark extends LoopbackPairs {
    @Override
    protected void startPeers() {
        // no traffic: the call never reaches the network
    }

    /**
     * {@code getsockname} through ws2 and the chain.
     *
     * @return the address
     * @throws WsaException on failure
     */
    @Benchmark
    public SockAddr ws2() throws WsaException {
        return ws.getSockName(ws2[0]);
    }

    /**
     * {@code getLocalAddress} of a raw channel.
     *
     * @return the address
     * @throws IOException on failure
     */
    @Benchmark
    public SocketAddress nio() throws IOException {
        return nio[0].getLocalAddress();
    }
}
