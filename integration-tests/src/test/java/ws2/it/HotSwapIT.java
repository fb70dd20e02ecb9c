package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.service.cm.ConfigurationAdmin;

import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * Hot swap under load (issue 5): 50 clients stream checksummed data through TLS and metrics over
 * tcpip to a JSSE server while the TLS bundle, then the metrics bundle, then the tcpip bundle are
 * updated to a new version and refreshed; every byte arrives, no connection drops, and sockets
 * opened after each update run on the new version.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotSwapIT {
    private static final int CLIENTS = 50;
    private static final int CHUNK = 16 * 1024;

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    CommandProcessor shell;
    @Inject
    ConfigurationAdmin configAdmin;

    static final String CHAIN = "ws2 Metrics over [ws2 TLS over [ws2 Tcpip [TCP/IP]]]";

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.configadmin"),
                Ws2TestSupport.bundleOf("ws2.provider.tls"), Ws2TestSupport.bundleOf("ws2.provider.metrics"));
    }

    private boolean chainReady() {
        return catalog.entries(CatalogView.NATIVE).stream().anyMatch(e -> e.info().protocolName().equals(CHAIN)
                && e.available() && e.reason().isEmpty());
    }

    /**
     * A JSSE sink: reads length-prefixed frames up to an empty one, then answers the total length
     * and CRC-32 of what it read.
     */
    private static void serve(Socket s) {
        try (s) {
            CRC32 crc = new CRC32();
            byte[] b = new byte[CHUNK];
            long total = 0;
            DataInputStream in = new DataInputStream(s.getInputStream());
            for (int n; (n = in.readInt()) > 0;) {
                in.readFully(b, 0, n);
                crc.update(b, 0, n);
                total += n;
            }
            DataOutputStream out = new DataOutputStream(s.getOutputStream());
            out.writeLong(total);
            out.writeLong(crc.getValue());
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Bundle bundle(String name) {
        return Ws2TestSupport.installed(context, name);
    }

    /** Updates a bundle to version 0.2.0 and refreshes only it, as FileInstall does after an update. */
    private void update(String name) throws Exception {
        Bundle b = bundle(name);
        try (InputStream in = ManifestBundles.withVersion(Ws2TestSupport.jar(name), "0.2.0")) {
            b.update(in);
        }
        CompletableFuture<Void> refreshed = new CompletableFuture<>();
        context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> refreshed.complete(null));
        refreshed.get(10, TimeUnit.SECONDS);
        Ws2TestSupport.await(name + " serving again", Duration.ofSeconds(10), this::chainReady);
    }

    private String traceOfANewSocket(Winsock ws) throws Exception {
        SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        try {
            return Shell.run(shell, "ws2:trace " + s.value());
        } finally {
            ws.closeSocket(s);
        }
    }

    @Test
    public void updatesUnderLoadLoseNoByteAndDropNoConnection() throws Exception {
        TlsKeys.configure(configAdmin, context);
        Ws2TestSupport.await("the chain", Duration.ofSeconds(10), this::chainReady);
        ExecutorService pool = Executors.newFixedThreadPool(2 * CLIENTS + 1);
        AtomicLong sent = new AtomicLong();
        try (ServerSocket server = TlsKeys.serverContext().getServerSocketFactory().createServerSocket(0, CLIENTS,
                InetAddress.getLoopbackAddress());
                Winsock ws = factory.open("hotswap.client")) {
            ws.startup(Winsock.VERSION_2_2);
            pool.submit(() -> {
                for (int i = 0; i < CLIENTS; i++) {
                    Socket s = server.accept();
                    pool.submit(() -> serve(s));
                }
                return null;
            });
            SockAddr to = SockAddr.of(InetAddress.getLoopbackAddress(), server.getLocalPort());
            Object phase = new Object();
            int[] stage = {0};
            List<Future<String>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int seed = c;
                clients.add(pool.submit(() -> {
                    SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
                    ws.connect(s, to);
                    Random random = new Random(seed);
                    CRC32 crc = new CRC32();
                    byte[] chunk = new byte[CHUNK];
                    ByteBuffer frame = ByteBuffer.allocate(4 + CHUNK);
                    long total = 0;
                    for (int round = 0; ; round++) {
                        synchronized (phase) {
                            if (stage[0] >= 4 && round > 8) {
                                break;
                            }
                        }
                        random.nextBytes(chunk);
                        crc.update(chunk);
                        frame.clear();
                        frame.putInt(CHUNK).put(chunk).flip();
                        while (frame.hasRemaining()) {
                            ws.send(s, frame, 0);
                        }
                        total += CHUNK;
                        sent.addAndGet(CHUNK);
                        Thread.sleep(5);
                    }
                    ByteBuffer end = ByteBuffer.allocate(4);
                    while (end.hasRemaining()) {
                        ws.send(s, end, 0);
                    }
                    ByteBuffer answer = ByteBuffer.allocate(16);
                    while (answer.hasRemaining() && ws.recv(s, answer, 0) > 0) {
                        // the sink answers after our end of stream
                    }
                    ws.closeSocket(s);
                    answer.flip();
                    long got = answer.getLong();
                    long gotCrc = answer.getLong();
                    return got == total && gotCrc == crc.getValue() ? "ok" : "client " + seed + " sent " + total
                            + " bytes, CRC " + crc.getValue() + "; the server got " + got + ", CRC " + gotCrc;
                }));
            }
            Ws2TestSupport.await("every client streaming", Duration.ofSeconds(20),
                    () -> sent.get() > 4L * CLIENTS * CHUNK);
            for (String name : List.of("ws2.provider.tls", "ws2.provider.metrics", "ws2.provider.tcpip")) {
                long before = sent.get();
                update(name);
                String trace = traceOfANewSocket(ws);
                assertTrue("a new socket runs on the new " + name + ": " + trace, trace.contains(name) && trace
                        .lines().filter(l -> l.contains(name)).allMatch(l -> l.contains("0.2.0")));
                Ws2TestSupport.await("traffic going on after updating " + name, Duration.ofSeconds(10),
                        () -> sent.get() > before + CLIENTS * CHUNK);
                synchronized (phase) {
                    stage[0]++;
                }
            }
            synchronized (phase) {
                stage[0] = 4;
            }
            for (Future<String> f : clients) {
                assertEquals("ok", f.get(60, TimeUnit.SECONDS));
            }
            CatalogEntry chain = catalog.entries(CatalogView.NATIVE).get(0);
            assertEquals(CHAIN, chain.info().protocolName());
        } finally {
            pool.shutdownNow();
        }
    }
}
