package ws2.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import ws2.api.WsaException;

/**
 * TCP bulk throughput on loopback, 64 KiB per blocking write: through the ws2 client API, core and
 * tcpip provider ({@link #ws2}) against raw java.nio ({@link #nio}), in the same JVM and run. The
 * receiving side drains with the same API as the sending side. Score: 64 KiB writes per second.
 * Goal (issue 2): ws2 at least 0.97 of raw NIO.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class TcpBulkBenchmark extends LoopbackPairs {
    private static final int WRITE = 64 * 1024;

    private final ByteBuffer ws2Payload = ByteBuffer.allocateDirect(WRITE);
    private final ByteBuffer nioPayload = ByteBuffer.allocateDirect(WRITE);

    /** Starts the drains. */
    @Override
    protected void startPeers() {
        Loopback.daemon("ws2-drain", () -> {
            ByteBuffer b = ByteBuffer.allocateDirect(WRITE);
            try {
                while (ws.recv(ws2[1], b.clear(), 0) > 0) {
                    // drain
                }
            } catch (WsaException e) {
                // closed at tear-down
            }
        });
        Loopback.daemon("nio-drain", () -> {
            ByteBuffer b = ByteBuffer.allocateDirect(WRITE);
            try {
                while (nio[1].read(b.clear()) > 0) {
                    // drain
                }
            } catch (IOException e) {
                // closed at tear-down
            }
        });
    }

    /**
     * One 64 KiB blocking write through ws2.
     *
     * @return bytes written
     * @throws WsaException on failure
     */
    @Benchmark
    public int ws2() throws WsaException {
        ws2Payload.clear();
        int n = 0;
        while (ws2Payload.hasRemaining()) {
            n += ws.send(ws2[0], ws2Payload, 0);
        }
        return n;
    }

    /**
     * One 64 KiB blocking write through raw java.nio.
     *
     * @return bytes written
     * @throws IOException on failure
     */
    @Benchmark
    public int nio() throws IOException {
        nioPayload.clear();
        int n = 0;
        while (nioPayload.hasRemaining()) {
            n += nio[0].write(nioPayload);
        }
        return n;
    }
}
