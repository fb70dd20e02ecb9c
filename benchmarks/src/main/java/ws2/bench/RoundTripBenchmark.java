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
 * Small-message round trip on loopback: 64 bytes out to an echo thread and back, through ws2 on
 * both ends ({@link #ws2}) against raw java.nio on both ends ({@link #nio}), Nagle off everywhere.
 * Score: microseconds per round trip. Goal (issue 2): ws2 at most 1.05 times raw NIO.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
public class RoundTripBenchmark extends LoopbackPairs {
    private static final int SIZE = 64;

    private final ByteBuffer ws2Out = ByteBuffer.allocateDirect(SIZE);
    private final ByteBuffer ws2In = ByteBuffer.allocateDirect(SIZE);
    private final ByteBuffer nioOut = ByteBuffer.allocateDirect(SIZE);
    private final ByteBuffer nioIn = ByteBuffer.allocateDirect(SIZE);

    /** Starts the echo threads. */
    @Override
    protected void startPeers() {
        Loopback.daemon("ws2-echo", () -> {
            ByteBuffer b = ByteBuffer.allocateDirect(SIZE);
            try {
                while (true) {
                    b.clear();
                    while (b.hasRemaining()) {
                        if (ws.recv(ws2[1], b, 0) == 0) {
                            return;
                        }
                    }
                    b.flip();
                    while (b.hasRemaining()) {
                        ws.send(ws2[1], b, 0);
                    }
                }
            } catch (WsaException e) {
                // closed at tear-down
            }
        });
        Loopback.daemon("nio-echo", () -> {
            ByteBuffer b = ByteBuffer.allocateDirect(SIZE);
            try {
                while (true) {
                    b.clear();
                    while (b.hasRemaining()) {
                        if (nio[1].read(b) < 0) {
                            return;
                        }
                    }
                    b.flip();
                    while (b.hasRemaining()) {
                        nio[1].write(b);
                    }
                }
            } catch (IOException e) {
                // closed at tear-down
            }
        });
    }

    /**
     * One 64-byte round trip through ws2.
     *
     * @return the first byte back
     * @throws WsaException on failure
     */
    @Benchmark
    public byte ws2() throws WsaException {
        ws2Out.clear();
        while (ws2Out.hasRemaining()) {
            ws.send(ws2[0], ws2Out, 0);
        }
        ws2In.clear();
        while (ws2In.hasRemaining()) {
            ws.recv(ws2[0], ws2In, 0);
        }
        return ws2In.get(0);
    }

    /**
     * One 64-byte round trip through raw java.nio.
     *
     * @return the first byte back
     * @throws IOException on failure
     */
    @Benchmark
    public byte nio() throws IOException {
        nioOut.clear();
        while (nioOut.hasRemaining()) {
            nio[0].write(nioOut);
        }
        nioIn.clear();
        while (nioIn.hasRemaining()) {
            nio[0].read(nioIn);
        }
        return nioIn.get(0);
    }
}
