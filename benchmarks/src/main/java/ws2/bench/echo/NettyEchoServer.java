package ws2.bench.echo;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The baseline: a Netty 4.1 echo server as Netty's own example writes it (NIO transport, pooled
 * buffers, write on read, flush on read-complete), with Nagle off.
 *
 * <p>Threads: one acceptor loop plus {@code workers} I/O loops, and the comparison uses 2 I/O loops
 * on its 2-core machine: one per core. An event loop never blocks, so loops beyond the core count
 * only add context switches (Netty's default, 2 x cores = 4 here, is sized for hyper-threads), and
 * one loop would leave a core's worth of server work unused whenever the load generator waits.
 * Measured on that machine, 1 and 2 loops cost the same CPU per message (about 10 to 11 us), so the
 * choice does not flatter either side; it also matches ws2's 2 completion-port workers. The
 * benchmark's {@code serverThreads} parameter changes both. The acceptor loop is busy only while
 * connections are set up.
 */
public final class NettyEchoServer implements EchoServer {
    private final EventLoopGroup boss = new NioEventLoopGroup(1);
    private final EventLoopGroup workers;
    private final Channel channel;
    private final AtomicInteger open = new AtomicInteger();

    /**
     * Binds to an ephemeral port of 127.0.0.1 and starts serving.
     *
     * @param workerThreads how many I/O event loops
     * @throws InterruptedException if interrupted while binding
     */
    public NettyEchoServer(int workerThreads) throws InterruptedException {
        workers = new NioEventLoopGroup(workerThreads);
        Echo echo = new Echo(open);
        channel = new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childHandler(echo)
                .bind(InetAddress.getLoopbackAddress(), 0)
                .sync()
                .channel();
    }

    @Override
    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public int connections() {
        return open.get();
    }

    @Override
    public void close() throws InterruptedException {
        channel.close().sync();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }

    @Override
    public String toString() {
        return "Netty echo server on " + address();
    }

    /** Echoes every buffer read, flushing once per read burst; one instance serves every channel. */
    @Sharable
    private static final class Echo extends ChannelInboundHandlerAdapter {
        private final AtomicInteger open;

        Echo(AtomicInteger open) {
            this.open = open;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            open.incrementAndGet();
            ctx.fireChannelActive();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            open.decrementAndGet();
            ctx.fireChannelInactive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg, ctx.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
