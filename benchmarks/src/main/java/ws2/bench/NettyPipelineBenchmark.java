package ws2.bench;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;

/**
 * The peer of {@link LayerCallBenchmark}: Netty's pipeline with 0, 1 and 3 pass-through handlers
 * (a {@code ChannelInboundHandlerAdapter} that only forwards), one message fired through it to a
 * last handler that keeps it. Score: nanoseconds per message; (score at 3 − score at 0) / 3 is what
 * one pass-through handler costs, to set beside what one pass-through layer costs in ws2.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class NettyPipelineBenchmark {
    private static final Object MESSAGE = new Object();

    /** How many pass-through handlers: 0, 1 or 3. */
    @Param({"0", "1", "3"})
    public int handlers;

    private EmbeddedChannel channel;
    private Sink sink;

    /** The end of the pipeline: keeps the last message. */
    private static final class Sink extends ChannelInboundHandlerAdapter {
        private Object last;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            last = msg;
        }
    }

    /** Builds the pipeline. */
    @Setup
    public void setup() {
        channel = new EmbeddedChannel();
        for (int i = 0; i < handlers; i++) {
            channel.pipeline().addLast(new ChannelInboundHandlerAdapter());
        }
        sink = new Sink();
        channel.pipeline().addLast(sink);
    }

    /** Closes the channel. */
    @TearDown
    public void tearDown() {
        channel.finishAndReleaseAll();
    }

    /**
     * One message through the pipeline.
     *
     * @return what the last handler got
     */
    @Benchmark
    public Object netty() {
        channel.pipeline().fireChannelRead(MESSAGE);
        return sink.last;
    }
}
