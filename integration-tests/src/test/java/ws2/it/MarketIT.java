package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.BundleChange;
import ws2.market.Marketplace;
import ws2.market.Offer;
import ws2.market.Plan;
import ws2.market.Source;

/**
 * The provider marketplace (issue 7): the build's own repository served over HTTP on 127.0.0.1 as
 * a source, searched by text and capability filter, planned with the OSGi resolver, and the
 * {@code market:*} shell commands. Each test serves the repository anew and removes its sources.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MarketIT {
    /** The repository the build publishes; the tests run with integration-tests as working folder. */
    static final Path REPOSITORY = Path.of("../repository/target/repository").toAbsolutePath().normalize();

    @Inject
    Marketplace market;
    @Inject
    CommandProcessor shell;

    private HttpServer server;
    private String index;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.resolver"),
                Ws2TestSupport.bundleOf("ws2.market"));
    }

    @Before
    public void serveTheRepository() throws IOException, WsaException {
        if (!Files.isRegularFile(REPOSITORY.resolve("index.xml"))) {
            fail("no repository index at " + REPOSITORY + ": build it first with mvn -B -q install -pl repository");
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        index = "http://127.0.0.1:" + server.getAddress().getPort() + "/index.xml";
        market.add(index, List.of());
    }

    @After
    public void stopServingAndRemoveSources() throws WsaException {
        for (Source s : market.sources()) {
            market.remove(s.url());
        }
        server.stop(0);
    }

    /** Serves the files of the repository folder, and 404 for anything else. */
    private void serve(HttpExchange exchange) throws IOException {
        Path file = REPOSITORY.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (!file.startsWith(REPOSITORY) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            Files.copy(file, out);
        }
    }

    @Test
    public void aSourceIsListedSearchedAndRemoved() throws WsaException {
        assertEquals(List.of(new Source(index, List.of(), 10)), market.sources());

        List<Offer> tls = market.search("tls");
        assertTrue(tls.toString(), tls.stream().anyMatch(o -> o.symbolicName().equals("ws2.provider.tls")));
        Offer offer = tls.stream().filter(o -> o.symbolicName().equals("ws2.provider.tls")).findFirst().orElseThrow();
        assertEquals(index.replace("index.xml", "ws2.provider.tls.jar"), offer.url());
        assertEquals(64, offer.sha256().length());
        assertTrue(offer.capabilities().toString(),
                offer.capabilities().contains("ws2.layered: ws2 TLS, categories 0x40, over (type=1), rank 100, fail-closed"));

        // filters compare numbers, not bits: pass-through B and C have 0x81 (LSP_LOCAL_CACHE | LSP_INSPECTOR)
        assertEquals(List.of("ws2.provider.passthrough", "ws2.provider.tls"),
                market.search("(categories>=64)").stream().map(Offer::symbolicName).toList());
        // LSP_CRYPTO_COMPRESS = 0x40 alone: only TLS
        assertEquals(List.of("ws2.provider.tls"),
                market.search("(&(categories=64)(over=*type=1*))").stream().map(Offer::symbolicName).toList());

        market.remove(index);
        assertEquals(List.of(), market.sources());
    }

    @Test
    public void planningTlsInstallsItAndDeclaresItsChains() throws WsaException {
        Plan plan = market.plan("ws2.provider.tls");
        assertEquals(1, plan.changes().size());
        BundleChange tls = plan.changes().get(0);
        assertEquals("ws2.provider.tls", tls.symbolicName());
        assertFalse(tls.isUpdate());
        assertEquals(index, tls.source());
        assertEquals(List.of(), plan.pulledIn());
        assertEquals(List.of(), plan.refreshes());
        assertTrue(plan.declarations().toString(), plan.declarations().contains(
                "ws2.provider.tls: ws2.layered: ws2 TLS, categories 0x40, over (type=1), rank 100, fail-closed"));
        assertTrue(plan.declarations().toString(), plan.declarations().contains(
                "ws2.provider.tls: chain ws2 TLS over ws2 Tcpip [TCP/IP] (ws2.provider.tcpip)"));
        assertEquals(0, plan.openSockets());
    }

    @Test
    public void aNameNobodyOffersIsWsaserviceNotFound() {
        try {
            market.plan("ws2.provider.nobody");
            fail("planned a bundle no source offers");
        } catch (WsaException e) {
            assertEquals(WsaError.WSASERVICE_NOT_FOUND, e.error());
        }
    }

    @Test
    public void aSourceThat404sIsRefusedAndTheListKept() {
        String missing = index.replace("index.xml", "missing/index.xml");
        try {
            market.add(missing, List.of());
            fail("added a source that 404s");
        } catch (WsaException e) {
            assertEquals(WsaError.WSANO_RECOVERY, e.error());
            assertTrue(e.getMessage(), e.getMessage().contains(missing + " cannot be read: HTTP status 404"));
        }
        assertEquals(List.of(new Source(index, List.of(), 10)), market.sources());
    }

    @Test
    public void theShellListsSearchesAndPlans() throws Exception {
        String list = Shell.run(shell, "market:list");
        assertTrue(list, list.contains(index) && list.contains("10 resources"));
        String found = Shell.run(shell, "market:search '(categories=64)'");
        assertTrue(found, found.startsWith("ws2.provider.tls ") && found.contains("ws2.layered: ws2 TLS"));
        assertFalse(found, found.contains("ws2.provider.passthrough"));
        String plan = Shell.run(shell, "market:plan ws2.provider.tls");
        assertTrue(plan, plan.contains("ws2.provider.tls new ") && plan.contains("chain ws2 TLS over ws2 Tcpip [TCP/IP]"));
        String added = Shell.run(shell, "market:add " + index + " AB12CD34");
        assertTrue(added, added.contains("10 resources"));
        assertTrue(Shell.run(shell, "market:list").contains("keys AB12CD34"));
        Shell.run(shell, "market:remove " + index);
        assertTrue(Shell.run(shell, "market:list").startsWith("No marketplace source"));
    }
}
