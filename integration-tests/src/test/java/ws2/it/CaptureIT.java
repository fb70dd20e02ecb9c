package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HexFormat;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.inject.Inject;

import org.junit.After;
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
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.cm.ConfigurationAdmin;

import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;
import ws2.spi.transport.TransportProvider;

/**
 * The ws2 Capture layer in a framework: the sockets of a client context run through it over the
 * tcpip provider, and tshark reads the pcapng file it writes back into the same TCP conversations
 * and UDP datagrams. Needs tshark at {@value #TSHARK} (Debian package {@code tshark}) and fails
 * without it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CaptureIT {
    static final String TSHARK = "/usr/bin/tshark";
    static final String CAPTURE_ID = "e4d1c7b2-9a3f-4b6e-8c5d-2f1a0b9e8d77";
    static final List<String> CHAINS = List.of("ws2 Capture over [ws2 Tcpip [TCP/IP]]",
            "ws2 Capture over [ws2 Tcpip [UDP/IP]]", "ws2 Capture over [ws2 Tcpip [TCP/IPv6]]",
            "ws2 Capture over [ws2 Tcpip [UDP/IPv6]]");
    static final String HELLO = "hello from the client through ws2";
    static final String REPLY = "and back from the server";
    static final String OUTBOUND = "0x00000002";
    static final String INBOUND = "0x00000001";

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    ConfigurationAdmin configs;

    private Path file;
    private Winsock ws;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.configadmin"),
                Ws2TestSupport.bundleOf("ws2.provider.capture"));
    }

    @Before
    public void capturing() throws Exception {
        assertTrue("tshark is missing at " + TSHARK + ": install the Debian package tshark"
                + " (DEBIAN_FRONTEND=noninteractive apt-get install -y tshark)", Files.isExecutable(Path.of(TSHARK)));
        Ws2TestSupport.await("the four capture chains available", Duration.ofSeconds(10), () -> CHAINS.stream()
                .allMatch(name -> catalog.entries(CatalogView.NATIVE).stream()
                        .anyMatch(e -> e.available() && e.info().protocolName().equals(name))));
        file = Ws2TestSupport.tempDir("ws2-capture").resolve("capture.pcapng");
        capture(file.toString());
        ws = factory.open("capture.client");
        ws.startup(Winsock.VERSION_2_2);
    }

    /** Closes the client context, turns capture off and deletes the capture's folder, as far as {@link #capturing} got. */
    @After
    public void stop() throws Exception {
        if (ws != null) {
            ws.close();
        }
        if (file == null) {
            return;
        }
        capture("");
        Path dir = file.getParent();
        Ws2TestSupport.emptyFolder(dir);
        Files.delete(dir);
    }

    /** Configures the capture file and waits until the layer has it in force. */
    private void capture(String path) throws Exception {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("file", path);
        configs.getConfiguration("ws2.capture", "?").update(p);
        Ws2TestSupport.await("capture file '" + path + "' in force", Duration.ofSeconds(10),
                () -> path.equals(layerProperty("file")));
    }

    private Object layerProperty(String key) {
        try {
            return context.getServiceReferences(TransportProvider.class, "(ws2.provider.id=" + CAPTURE_ID + ")").stream()
                    .findFirst().map((ServiceReference<TransportProvider> r) -> r.getProperty(key)).orElse(null);
        } catch (InvalidSyntaxException e) {
            throw new AssertionError(e);
        }
    }

    private Bundle bundle(String symbolicName) {
        return Ws2TestSupport.installed(context, symbolicName);
    }

    /** Runs tshark and returns its standard output lines. */
    private List<String> tshark(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TSHARK));
        command.addAll(List.of(args));
        Path errors = file.resolveSibling("tshark.err");
        Process p = new ProcessBuilder(command).redirectError(errors.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("tshark did not finish", p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(command + " failed: " + Files.readString(errors), 0, p.exitValue());
        return out.isEmpty() ? List.of() : List.of(out.split("\n"));
    }

    private void send(SocketHandle s, String text) throws WsaException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            ws.send(s, b, 0);
        }
    }

    private String receive(SocketHandle s, int length) throws WsaException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            assertTrue("the peer closed early", ws.recv(s, b, 0) > 0);
        }
        return new String(b.array(), StandardCharsets.UTF_8);
    }

    /**
     * One TCP conversation, both ends through the layer: connect, a message each way, the client
     * shuts down sending, the server reads the end and closes, the client reads the end and closes.
     *
     * @return the client's and the server's ports
     */
    private int[] converse(int af, InetAddress ip) throws WsaException {
        SocketHandle listener = ws.socket(af, SOCK_STREAM, IPPROTO_TCP);
        ws.bind(listener, SockAddr.of(ip, 0));
        ws.listen(listener, 1);
        SocketHandle client = ws.socket(af, SOCK_STREAM, IPPROTO_TCP);
        ws.connect(client, ws.getSockName(listener));
        SocketHandle server = ws.accept(listener);
        int[] ports = {ws.getSockName(client).port(), ws.getSockName(server).port()};
        send(client, HELLO);
        assertEquals(HELLO, receive(server, HELLO.length()));
        send(server, REPLY);
        assertEquals(REPLY, receive(client, REPLY.length()));
        ws.shutdown(client, ShutdownHow.SD_SEND);
        assertEquals(0, ws.recv(server, ByteBuffer.allocate(8), 0));
        ws.closeSocket(server);
        assertEquals(0, ws.recv(client, ByteBuffer.allocate(8), 0));
        ws.closeSocket(client);
        ws.closeSocket(listener);
        return ports;
    }

    /**
     * Checks the capture of {@link #converse}: each socket's own view (what it sent and what it
     * received) is a complete, consistent TCP connection to tshark, and the reassembled stream
     * carries exactly the bytes sent each way.
     */
    private void assertConversationDecodes(int[] ports) throws Exception {
        for (int port : ports) {
            Path view = file.resolveSibling("view-" + port + ".pcapng");
            tshark("-r", file.toString(), "-w", view.toString(), "-Y", "(frame.packet_flags_direction == 2 && tcp.srcport == "
                    + port + ") || (frame.packet_flags_direction == 1 && tcp.dstport == " + port + ")");
            List<String> flags = tshark("-r", view.toString(), "-T", "fields", "-e", "tcp.flags");
            String what = "TCP flags seen by the socket on port " + port + ": " + flags;
            assertEquals(what, List.of("0x0002", "0x0012", "0x0010"), flags.subList(0, 3));
            assertEquals(what, List.of("0x0011", "0x0011"), flags.subList(flags.size() - 2, flags.size()));
            assertTrue(what, flags.subList(3, flags.size() - 2).stream().allMatch("0x0018"::equals));
            assertEquals("tshark's TCP analysis finds nothing wrong from port " + port, List.of(),
                    tshark("-r", view.toString(), "-Y", "tcp.analysis.flags"));
        }
        List<String> follow = tshark("-r", file.toString(), "-q", "-z", "follow,tcp,raw,0");
        StringBuilder toServer = new StringBuilder();
        StringBuilder toClient = new StringBuilder();
        for (String line : follow.subList(follow.indexOf(follow.stream().filter(l -> l.startsWith("Node 1:"))
                .findFirst().orElseThrow()) + 1, follow.size() - 1)) {
            (line.startsWith("\t") ? toClient : toServer).append(line.strip());
        }
        assertEquals(follow.toString(), hex(HELLO), toServer.toString());
        assertEquals(follow.toString(), hex(REPLY), toClient.toString());
    }

    private static String hex(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void theLayerIsDeclaredOverEveryIpv4AndIpv6EntryAtRank800FailOpen() {
        List<BundleCapability> layered = bundle("ws2.provider.capture").adapt(BundleWiring.class)
                .getCapabilities("ws2.layered");
        assertEquals(1, layered.size());
        Map<String, Object> a = layered.get(0).getAttributes();
        assertEquals(CAPTURE_ID, a.get("ws2.layered"));
        assertEquals("ws2 Capture", a.get("protocolName"));
        assertEquals("(|(family=2)(family=23))", a.get("over"));
        assertEquals("open", a.get("failure"));
        assertEquals(800L, a.get("rank"));
        assertEquals("LSP_INSPECTOR", 1L, a.get("categories"));
        for (String name : CHAINS) {
            CatalogEntry e = catalog.entries(CatalogView.NATIVE).stream().filter(x -> x.info().protocolName().equals(name))
                    .findFirst().orElseThrow();
            assertEquals(name, 2, e.info().protocolChain().length());
        }
    }

    @Test
    public void aTcpConversationOverIpv4DecodesAsOneStreamWithItsHandshakeAndEnd() throws Exception {
        assertConversationDecodes(converse(AF_INET, InetAddress.getByName("127.0.0.1")));
    }

    @Test
    public void aTcpConversationOverIpv6DecodesAsOneStreamWithItsHandshakeAndEnd() throws Exception {
        assertConversationDecodes(converse(AF_INET6, InetAddress.getByName("::1")));
    }

    @Test
    public void eachDatagramIsOnePacketSeenLeavingOneSocketAndReachingTheOther() throws Exception {
        List<String> expected = new ArrayList<>();
        for (InetAddress ip : List.of(InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"))) {
            int af = ip.getAddress().length == 4 ? AF_INET : AF_INET6;
            SocketHandle a = ws.socket(af, SOCK_DGRAM, IPPROTO_UDP);
            SocketHandle b = ws.socket(af, SOCK_DGRAM, IPPROTO_UDP);
            ws.bind(a, SockAddr.of(ip, 0));
            ws.bind(b, SockAddr.of(ip, 0));
            ws.sendTo(a, ByteBuffer.wrap("ping".getBytes(StandardCharsets.UTF_8)), 0, ws.getSockName(b));
            Received r = ws.recvFrom(b, ByteBuffer.allocate(16), 0);
            ws.sendTo(b, ByteBuffer.wrap("pong!".getBytes(StandardCharsets.UTF_8)), 0, r.from());
            assertEquals(5, ws.recvFrom(a, ByteBuffer.allocate(16), 0).bytes());
            int pa = ws.getSockName(a).port();
            int pb = ws.getSockName(b).port();
            String host = af == AF_INET ? "127.0.0.1\t" : "\t::1";
            expected.add(String.join("\t", OUTBOUND, host, "" + pa, "" + pb, "12", hex("ping")));
            expected.add(String.join("\t", INBOUND, host, "" + pa, "" + pb, "12", hex("ping")));
            expected.add(String.join("\t", OUTBOUND, host, "" + pb, "" + pa, "13", hex("pong!")));
            expected.add(String.join("\t", INBOUND, host, "" + pb, "" + pa, "13", hex("pong!")));
            ws.closeSocket(a);
            ws.closeSocket(b);
        }
        assertEquals(expected, tshark("-r", file.toString(), "-o", "udp.check_checksum:TRUE", "-Y",
                "udp && udp.checksum.status == 1", "-T", "fields", "-e", "frame.packet_flags_direction", "-e", "ip.src",
                "-e", "ipv6.src", "-e", "udp.srcport", "-e", "udp.dstport", "-e", "udp.length", "-e", "udp.payload"));
    }

    @Test
    public void withoutAFileTheLayerOnlyForwards() throws Exception {
        capture("");
        long before = Files.size(file);
        converse(AF_INET, InetAddress.getByName("127.0.0.1"));
        assertEquals("nothing written while capture is off", before, Files.size(file));
    }
}
