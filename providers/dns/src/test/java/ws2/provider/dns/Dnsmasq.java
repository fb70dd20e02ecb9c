package ws2.provider.dns;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real DNS server for the tests: Debian's dnsmasq on 127.0.0.1 and a free high port, configured
 * entirely by command line (no resolv.conf, no hosts file, no upstream unless given), logging its
 * queries to {@code target/dnsmasq-<port>.log}. Missing dnsmasq fails the test, never skips it.
 */
final class Dnsmasq implements AutoCloseable {
    /** Where Debian installs dnsmasq. */
    static final Path BINARY = Path.of("/usr/sbin/dnsmasq");

    private static final int STARTS = 5;
    private static final Duration READY_WITHIN = Duration.ofSeconds(5);

    private final Process process;
    private final int port;

    private Dnsmasq(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts dnsmasq and waits until it answers.
     *
     * @param options the records and settings, dnsmasq long options
     * @return the running server
     */
    static Dnsmasq start(String... options) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            fail("the ws2 DNS tests need a real DNS server, but " + BINARY + " is missing: install it with"
                    + " 'DEBIAN_FRONTEND=noninteractive apt-get install -y dnsmasq'");
        }
        Path log = null;
        for (int i = 0; i < STARTS; i++) {
            int port = freePort();
            log = Path.of("target", "dnsmasq-" + port + ".log");
            List<String> command = new ArrayList<>(List.of(BINARY.toString(), "--no-daemon", "--port=" + port,
                    "--listen-address=127.0.0.1", "--bind-interfaces", "--no-resolv", "--no-hosts",
                    "--conf-file=/dev/null", "--pid-file", "--log-queries"));
            command.addAll(List.of(options));
            Files.writeString(log, String.join(" ", command) + System.lineSeparator());
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (answers(p, port)) {
                return new Dnsmasq(p, port);
            }
            stop(p);
        }
        fail("dnsmasq did not start in " + STARTS + " attempts; last log " + log + ":\n" + Files.readString(log));
        throw new AssertionError("unreachable");
    }

    private static int freePort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        }
    }

    /** Polls with a query until any answer comes back (REFUSED included), or the process exits. */
    private static boolean answers(Process p, int port) throws IOException, InterruptedException {
        SimpleResolver probe = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        probe.setTimeout(Duration.ofMillis(200));
        Message query = Message.newQuery(Record.newRecord(Name.fromString("ready.probe."), Type.A, DClass.IN));
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                probe.send(query);
                return true;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        return false;
    }

    /**
     * The server's address, as the provider's {@code servers} configuration takes it.
     *
     * @return {@code 127.0.0.1:<port>}
     */
    String server() {
        return "127.0.0.1:" + port;
    }

    /**
     * The server's port.
     *
     * @return the port
     */
    int port() {
        return port;
    }

    /** Stops the server and waits for it to exit. */
    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
