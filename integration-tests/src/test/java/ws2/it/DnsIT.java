package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.AfterClass;
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
import org.osgi.service.cm.ConfigurationAdmin;

import ws2.api.AddressFamily;
import ws2.api.CsAddrInfo;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProviderCatalog;

/**
 * The DNS provider against a real DNS server (Debian's dnsmasq, started by the test on 127.0.0.1)
 * beside the hosts provider, in a real Felix (issue 6): the namespace order decides whose answer
 * comes first, getaddrinfo finds DNS-only names, NXDOMAIN is WSAHOST_NOT_FOUND, and removing the
 * DNS bundle during a lookup gives a coded error.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DnsIT {
    static final UUID HOSTS = UUID.fromString("a1c4e2f0-6b3d-4f59-8e27-0d9c5b7a3e11");
    static final UUID DNS = UUID.fromString("d2b7f1a9-3c5e-4d86-9f04-7e1a2c6b8d35");
    static final Path DNSMASQ = Path.of("/usr/sbin/dnsmasq");
    private static Process server;
    private static int port;

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    ConfigurationAdmin configs;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), frameworkProperty("ws2.ns.cache.ttl").value("0"),
                Ws2TestSupport.bundleOf("org.apache.felix.configadmin"), Ws2TestSupport.bundleOf("ws2.provider.hosts"),
                Ws2TestSupport.bundleOf("ws2.provider.dns"));
    }

    private static synchronized void startServer() throws IOException, InterruptedException {
        if (server != null) {
            return;
        }
        if (!Files.isExecutable(DNSMASQ)) {
            fail("DnsIT needs a real DNS server, but " + DNSMASQ + " is missing: install the Debian package"
                    + " dnsmasq-base (.ci/run does)");
        }
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        server = new ProcessBuilder(DNSMASQ.toString(), "--no-daemon", "--port=" + port, "--listen-address=127.0.0.1",
                "--bind-interfaces", "--no-resolv", "--no-hosts", "--conf-file=/dev/null", "--pid-file",
                "--local=/example.test/", "--host-record=db.example.test,192.0.2.10",
                "--host-record=www.example.test,192.0.2.20").redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("dnsmasq", ".log").toFile()).start();
    }

    /** Pax Exam runs each test method as a class of its own: the server is started again by the next. */
    @AfterClass
    public static synchronized void stopServer() {
        if (server != null) {
            server.destroy();
            server = null;
        }
    }

    @Before
    public void configured() throws Exception {
        startServer();
        Path hosts = Ws2TestSupport.tempDir("ws2-dns-it").resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 db.example.test\n");
        update("ws2.hosts", "file", hosts.toString());
        update("ws2.dns", "servers", new String[] {"127.0.0.1:" + port});
        Ws2TestSupport.await("both providers answering", Duration.ofSeconds(15),
                () -> answers("db.example.test").size() == 2);
    }

    private void update(String pid, String key, Object value) throws IOException {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(key, value);
        configs.getConfiguration(pid, "?").updateIfDifferent(p);
    }

    private List<String> answers(String name) {
        return answers(name, NameSpaces.NS_DNS);
    }

    private List<String> answers(String name, int nameSpace) {
        List<String> out = new ArrayList<>();
        try (Winsock ws = factory.open("dns.client")) {
            ws.startup(Winsock.VERSION_2_2);
            int flags = LookupFlags.LUP_RETURN_ADDR | LookupFlags.LUP_RETURN_NAME;
            LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery(name, nameSpace), flags);
            try {
                while (true) {
                    QuerySet r = ws.lookupServiceNext(h, flags);
                    for (CsAddrInfo a : r.addresses()) {
                        out.add((r.nsProviderId().equals(HOSTS) ? "hosts " : "dns ") + a.remoteAddr().host());
                    }
                }
            } catch (WsaException e) {
                if (e.error() != WsaError.WSA_E_NO_MORE) {
                    out.add(e.error().name());
                }
            } finally {
                ws.lookupServiceEnd(h);
            }
        } catch (WsaException e) {
            out.add(e.error().name());
        }
        return out;
    }

    @Test
    public void namespaceOrderDecidesWhoseAnswerComesFirst() throws Exception {
        assertEquals(List.of("hosts 127.0.0.1", "dns 192.0.2.10"), answers("db.example.test"));
        assertEquals("NS_ALL merges the same way", List.of("hosts 127.0.0.1", "dns 192.0.2.10"),
                answers("db.example.test", NameSpaces.NS_ALL));
        catalog.writeNameSpaceOrder(DNS, HOSTS);
        try {
            assertEquals(List.of("dns 192.0.2.10", "hosts 127.0.0.1"), answers("db.example.test"));
        } finally {
            catalog.writeNameSpaceOrder(HOSTS, DNS);
        }
    }

    @Test
    public void getAddrInfoFindsDnsOnlyNamesAndNxdomainIsHostNotFound() throws Exception {
        try (Winsock ws = factory.open("dns.client2")) {
            ws.startup(Winsock.VERSION_2_2);
            assertEquals("192.0.2.20", ws.getAddrInfo("www.example.test", "443", AddressFamily.AF_INET, 1).get(0)
                    .address().host());
            WsaException x = assertThrows(WsaException.class,
                    () -> ws.getAddrInfo("missing.example.test", "443", AddressFamily.AF_UNSPEC, 1));
            assertEquals(x.getMessage(), WsaError.WSAHOST_NOT_FOUND, x.error());
        }
    }

    @Test
    public void removingTheDnsBundleLeavesTheHostsAnswersAndACodeForTheRest() throws Exception {
        Bundle dns = Ws2TestSupport.installed(context, "ws2.provider.dns");
        dns.stop();
        try {
            assertEquals(List.of("hosts 127.0.0.1"), answers("db.example.test"));
            assertTrue(answers("www.example.test").contains("WSASERVICE_NOT_FOUND"));
        } finally {
            dns.start();
        }
        Ws2TestSupport.await("DNS answering again", Duration.ofSeconds(15), () -> answers("www.example.test")
                .equals(List.of("dns 192.0.2.20")));
    }
}
