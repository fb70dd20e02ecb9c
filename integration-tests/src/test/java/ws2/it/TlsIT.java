package ws2.it;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

import ws2.api.IoctlCodes;
import ws2.api.NetworkEvents;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * The ws2 TLS layer in a real Felix, against OpenSSL's {@code s_server} and {@code s_client} and
 * against itself: client and server handshakes, plaintext for the application, and fail-closed
 * removal. Key material is made at run time with the JDK's keytool and OpenSSL.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TlsIT {
    static final String CHAIN = "ws2 TLS over [ws2 Tcpip [TCP/IP]]";
    static final String OPENSSL = TlsKeys.OPENSSL;
    static final String PASSWORD = TlsKeys.PASSWORD;
    static final Duration DEADLINE = TlsKeys.DEADLINE;
    static final SockAddr LOOPBACK = SockAddr.of(InetAddress.getLoopbackAddress(), 0);

    /** The key material. */
    static Path keys;

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    ConfigurationAdmin configAdmin;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.configadmin"),
                Ws2TestSupport.bundleOf("ws2.provider.tls"));
    }

    /** Configures {@code ws2.tls} with the test keys and waits for it and the chain. */
    @Before
    public void configured() throws Exception {
        TlsKeys.configure(configAdmin, context);
        keys = TlsKeys.folder();
        awaitChain("");
    }

    private void awaitChain(String reasonStart) {
        Ws2TestSupport.await("chain '" + CHAIN + "' with reason '" + reasonStart + "...'", DEADLINE, () -> {
            CatalogEntry e = chain();
            return e != null && (reasonStart.isEmpty() ? e.reason().isEmpty() : e.reason().startsWith(reasonStart));
        });
    }

    private CatalogEntry chain() {
        return Ws2TestSupport.entry(catalog, CHAIN);
    }

    private static Process start(Path out, Path err, String... command) throws IOException {
        return new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    }

    /** Waits until a file matches a pattern and returns the match. */
    private static Matcher awaitMatch(Path file, String regex) {
        Pattern pattern = Pattern.compile(regex);
        Matcher[] found = new Matcher[1];
        Ws2TestSupport.await("'" + regex + "' in " + file, DEADLINE, () -> {
            try {
                Matcher m = pattern.matcher(Files.readString(file));
                found[0] = m;
                return m.find();
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
        return found[0];
    }

    private static String text(ByteBuffer b) {
        return new String(b.array(), 0, b.position(), StandardCharsets.UTF_8);
    }

    /** Receives until a newline or the end of the stream. */
    private static String line(Winsock ws, SocketHandle s) throws WsaException {
        ByteBuffer in = ByteBuffer.allocate(256);
        while (in.hasRemaining() && (in.position() == 0 || in.get(in.position() - 1) != '\n')) {
            if (ws.recv(s, in, 0) == 0) {
                break;
            }
        }
        return text(in);
    }

    private Winsock open() throws WsaException {
        Winsock ws = factory.open("tls.it");
        ws.startup(Winsock.VERSION_2_2);
        return ws;
    }

    @Test(timeout = 120_000)
    public void aWs2ClientTalksTls13ToOpensslSServer() throws Exception {
        Path out = Files.createTempFile(keys, "s_server", ".out");
        Process server = start(out, out, OPENSSL, "s_server", "-accept", "127.0.0.1:0", "-cert",
                keys.resolve("server.pem").toString(), "-naccept", "1", "-rev");
        try (Winsock ws = open()) {
            int port = Integer.parseInt(awaitMatch(out, "ACCEPT 127\\.0\\.0\\.1:(\\d+)").group(1));
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertEquals("the socket is on the TLS chain", chain().info().catalogEntryId(), s.catalogEntryId());
            ws.connect(s, SockAddr.of(InetAddress.getLoopbackAddress(), port));
            ws.send(s, ByteBuffer.wrap("hello from ws2\n".getBytes(StandardCharsets.UTF_8)), 0);
            assertEquals("s_server -rev reverses the line", "2sw morf olleh\n", line(ws, s));
            ws.closeSocket(s);
            assertTrue("s_server ends after its one connection", server.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS));
            String log = Files.readString(out);
            assertTrue(log, log.contains("CONNECTION ESTABLISHED") && log.contains("Protocol version: TLSv1.3"));
        } finally {
            server.destroyForcibly();
        }
    }

    @Test(timeout = 120_000)
    public void opensslSClientTalksToAWs2ServerSocket() throws Exception {
        Path out = Files.createTempFile(keys, "s_client", ".out");
        Path err = Files.createTempFile(keys, "s_client", ".err");
        try (Winsock ws = open()) {
            SocketHandle listener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(listener, LOOPBACK);
            ws.listen(listener, 1);
            Process client = start(out, err, OPENSSL, "s_client", "-connect", "127.0.0.1:"
                    + ws.getSockName(listener).port(), "-brief");
            try (OutputStream stdin = client.getOutputStream()) {
                SocketHandle accepted = ws.accept(listener);
                stdin.write("hello from s_client\n".getBytes(StandardCharsets.UTF_8));
                stdin.flush();
                assertEquals("hello from s_client\n", line(ws, accepted));
                ws.send(accepted, ByteBuffer.wrap("hello from ws2\n".getBytes(StandardCharsets.UTF_8)), 0);
                awaitMatch(out, "hello from ws2\n");
                ws.closeSocket(accepted);
                assertTrue("s_client ends at close_notify", client.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS));
                String log = Files.readString(err);
                assertTrue(log, log.contains("Protocol version: TLSv1.3") && log.contains("Peer certificate: CN = localhost"));
            } finally {
                client.destroyForcibly();
                ws.closeSocket(listener);
            }
        }
    }

    @Test(timeout = 120_000)
    public void aMebibyteCrossesBetweenTwoWs2SocketsIntact() throws Exception {
        byte[] data = new byte[1 << 20];
        new Random(2024).nextBytes(data);
        byte[] sum = MessageDigest.getInstance("SHA-256").digest(data);
        try (Winsock ws = open()) {
            SocketHandle listener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(listener, LOOPBACK);
            ws.listen(listener, 1);
            SockAddr address = ws.getSockName(listener);
            CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
                try {
                    SocketHandle c = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
                    ws.connect(c, address);
                    int n = ws.send(c, ByteBuffer.wrap(data), 0);
                    ws.shutdown(c, ShutdownHow.SD_SEND);
                    ByteBuffer end = ByteBuffer.allocate(1);
                    ws.recv(c, end, 0);
                    ws.closeSocket(c);
                    return n;
                } catch (WsaException e) {
                    throw new IllegalStateException(e);
                }
            });
            SocketHandle server = ws.accept(listener);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer in = ByteBuffer.allocate(7000);
            long total = 0;
            for (int n = ws.recv(server, in.clear(), 0); n > 0; n = ws.recv(server, in.clear(), 0)) {
                digest.update(in.array(), 0, n);
                total += n;
            }
            ws.closeSocket(server);
            assertEquals(data.length, sent.get(DEADLINE.toSeconds(), TimeUnit.SECONDS).intValue());
            assertEquals(data.length, total);
            assertArrayEquals("the checksum matches", sum, digest.digest());
            ws.closeSocket(listener);
        }
    }

    @Test(timeout = 120_000)
    public void withoutTheLayerStreamSocketsFailClosedAndDatagramsStillWork() throws Exception {
        Bundle tls = List.of(context.getBundles()).stream().filter(b -> "ws2.provider.tls".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        tls.stop();
        try {
            awaitChain("fail-closed layer");
            try (Winsock ws = open()) {
                try {
                    ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
                    fail("a stream socket without its fail-closed TLS layer");
                } catch (WsaException e) {
                    assertEquals(e.getMessage(), WsaError.WSAEPROVIDERFAILEDINIT, e.error());
                }
                SocketHandle udp = ws.socket(AF_INET, SOCK_DGRAM, IPPROTO_UDP);
                ws.bind(udp, LOOPBACK);
                ws.sendTo(udp, ByteBuffer.wrap("datagram".getBytes(StandardCharsets.UTF_8)), 0, ws.getSockName(udp));
                ByteBuffer in = ByteBuffer.allocate(64);
                ws.recvFrom(udp, in, 0);
                assertEquals("datagram", text(in));
                ws.closeSocket(udp);
            }
        } finally {
            tls.start();
        }
        configured();
        aMebibyteCrossesBetweenTwoWs2SocketsIntact();
    }

    @Test(timeout = 60_000)
    public void unsupportedModesAreRefusedWithASentence() throws Exception {
        try (Winsock ws = open()) {
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            List<WsaException> refused = new ArrayList<>();
            try {
                ws.ioctlSocket(s, IoctlCodes.FIONBIO, 1);
            } catch (WsaException e) {
                refused.add(e);
            }
            try {
                ws.eventSelect(s, ws.createEvent(), NetworkEvents.FD_READ);
            } catch (WsaException e) {
                refused.add(e);
            }
            assertEquals(2, refused.size());
            for (WsaException e : refused) {
                assertEquals(e.getMessage(), WsaError.WSAEOPNOTSUPP, e.error());
                assertTrue(e.getMessage(), e.getMessage().contains("blocking sockets only"));
            }
            ws.closeSocket(s);
        }
    }
}
