package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.LspCategories;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderStatus;

/**
 * Layers deployed as bundles and stacked into protocol chains (issue 5): deterministic stacking,
 * refusals, fail-open removal, categories, {@code ws2:chains}, {@code ws2:explain}, {@code ws2:trace}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ChainsIT {
    static final String FULL = "ws2 Metrics over [ws2 Pass-through C over [ws2 Pass-through B over"
            + " [ws2 Pass-through A over [ws2 Tcpip [TCP/IP]]]]]";

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("ws2.provider.passthrough"),
                Ws2TestSupport.bundleOf("ws2.provider.metrics"));
    }

    @Before
    public void chainReady() {
        awaitChain(FULL, "");
    }

    private CatalogEntry entry(String name) {
        return Ws2TestSupport.entry(catalog, name);
    }

    private void awaitChain(String name, String reasonStart) {
        Ws2TestSupport.await("chain '" + name + "' with reason '" + reasonStart + "...'", Duration.ofSeconds(10), () -> {
            CatalogEntry e = entry(name);
            return e != null && (reasonStart.isEmpty() ? e.reason().isEmpty() : e.reason().startsWith(reasonStart));
        });
    }

    private List<String> chainNames() {
        List<String> out = new ArrayList<>();
        for (CatalogEntry e : catalog.entries(CatalogView.NATIVE)) {
            out.add(e.info().protocolName());
        }
        return out;
    }

    private Bundle bundle(String symbolicName) {
        return Ws2TestSupport.installed(context, symbolicName);
    }

    private Bundle install(String name) throws Exception {
        try (InputStream in = Files.newInputStream(Ws2TestSupport.jar(name))) {
            Bundle b = context.installBundle("test:" + name + System.nanoTime(), in);
            b.start();
            return b;
        }
    }

    /** Connects a client socket to a listener over loopback and echoes one message through both. */
    private static String roundTrip(Winsock ws, SocketHandle client) throws WsaException {
        SocketHandle listener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        try {
            ws.bind(listener, SockAddr.of(java.net.InetAddress.getLoopbackAddress(), 0));
            ws.listen(listener, 1);
            ws.connect(client, ws.getSockName(listener));
            SocketHandle server = ws.accept(listener);
            ws.send(client, ByteBuffer.wrap("through the chain".getBytes(StandardCharsets.UTF_8)), 0);
            ByteBuffer in = ByteBuffer.allocate(64);
            ws.recv(server, in, 0);
            ws.closeSocket(server);
            return new String(in.array(), 0, in.position(), StandardCharsets.UTF_8);
        } finally {
            ws.closeSocket(listener);
        }
    }

    @Test
    public void layersStackByRankWhateverTheOrderTheyAreDeployedIn() throws Exception {
        List<String> first = chainNames();
        assertEquals(FULL, first.get(0));
        bundle("ws2.provider.metrics").uninstall();
        bundle("ws2.provider.passthrough").uninstall();
        catalog.reset();
        assertEquals("ws2:reset leaves only the base entries", 4, catalog.entries(CatalogView.NATIVE).size());
        install("ws2.provider.metrics");
        install("ws2.provider.passthrough");
        awaitChain(FULL, "");
        assertEquals(first, chainNames());
    }

    @Test
    public void socketsRunThroughEveryLayerAndTraceNamesEachBundle() throws Exception {
        try (Winsock ws = factory.open("chains.client")) {
            ws.startup(Winsock.VERSION_2_2);
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertEquals(entry(FULL).info().catalogEntryId(), s.catalogEntryId());
            assertEquals("through the chain", roundTrip(ws, s));
            String trace = Shell.run(shell, "ws2:trace " + s.value());
            String[] lines = trace.split("\n");
            assertEquals(trace, 6, lines.length);
            assertTrue(trace, lines[1].contains("ws2.provider.metrics"));
            assertTrue(trace, lines[2].contains("ws2.provider.passthrough") && lines[4].contains("ws2.provider.passthrough"));
            assertTrue(trace, lines[5].contains("ws2.provider.tcpip") && lines[5].contains("base, entry 1001"));
            String metrics = Shell.run(shell, "metrics:show");
            assertTrue(metrics, metrics.contains(String.valueOf(s.value())));
        }
        String chains = Shell.run(shell, "ws2:chains");
        assertTrue(chains, chains.contains("layer, fail-open, rank 900, categories 0x1"));
    }

    @Test
    public void aFailOpenLayerThatStopsIsBypassedAndTheCatalogSaysSo() throws Exception {
        bundle("ws2.provider.metrics").stop();
        awaitChain(FULL, "bypassing fail-open layer 'ws2 Metrics'");
        assertTrue(entry(FULL).available());
        try (Winsock ws = factory.open("chains.client")) {
            ws.startup(Winsock.VERSION_2_2);
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertEquals("through the chain", roundTrip(ws, s));
            String trace = Shell.run(shell, "ws2:trace " + s.value());
            assertFalse(trace, trace.contains("ws2.provider.metrics"));
            assertEquals(trace, 5, trace.split("\n").length);
        }
        String explain = Shell.run(shell, "ws2:explain inet 1 6");
        assertTrue(explain, explain.contains("bypassed: fail-open layer, absent"));
        bundle("ws2.provider.metrics").start();
        awaitChain(FULL, "");
    }

    @Test
    public void aCategorizedClientGetsOnlyTheLayersItsCategoriesLoad() throws Exception {
        catalog.setApplicationCategory("firewall.only.client", "", LspCategories.LSP_FIREWALL);
        try (Winsock ws = factory.open("firewall.only.client")) {
            ws.startup(Winsock.VERSION_2_2);
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertEquals("through the chain", roundTrip(ws, s));
            String trace = Shell.run(shell, "ws2:trace " + s.value());
            assertEquals("inspector layers do not load into a firewall-only client: " + trace, 2, trace.split("\n").length);
        }
        String explain = Shell.run(shell, "ws2:explain inet 1 6 firewall.only.client");
        assertTrue(explain, explain.contains("CHOSEN") && explain.contains("skipped: the client's categories do not load"));
    }

    private ProviderStatus refused(String name, String capability, WsaError code) throws Exception {
        List<CatalogEntry> before = catalog.entries(CatalogView.NATIVE);
        Bundle bad = context.installBundle("test:" + name, ManifestBundles.bundle(name, Map.of("Provide-Capability", capability)));
        bad.start();
        ProviderStatus status = catalog.providers().stream().filter(p -> p.bundleId() == bad.getBundleId()).findFirst()
                .orElseThrow(() -> new AssertionError("no status for " + name));
        assertEquals(status.reason(), ProviderStatus.State.REJECTED, status.state());
        assertEquals(status.reason(), code, status.error());
        assertEquals("nothing else changed", before, catalog.entries(CatalogView.NATIVE));
        try (Winsock ws = factory.open("chains.client")) {
            ws.startup(Winsock.VERSION_2_2);
            assertEquals("what worked still works", "through the chain", roundTrip(ws, ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP)));
        }
        return status;
    }

    private static String layer(String guid, String name, int rank, String extra) {
        return "ws2.layered;ws2.layered=\"" + guid + "\";protocolName=\"" + name + "\";categories:Long=1;rank:Long=" + rank
                + ";failure=\"open\";catalogs:List<String>=\"native,compat32\"" + extra;
    }

    @Test
    public void layersThatBreakTheRulesAreRefusedWithAReason() throws Exception {
        ProviderStatus filter = refused("bad.filter", layer("7e0c6a4e-0000-4000-8000-000000000001", "Bad filter", 5,
                ";over=\"(family=2\""), WsaError.WSAEINVALIDPROVIDER);
        assertTrue(filter.reason(), filter.reason().contains("is not an LDAP filter"));

        context.installBundle("test:x", ManifestBundles.bundle("layer.x", Map.of("Provide-Capability",
                layer("7e0c6a4e-0000-4000-8000-00000000000a", "X", 5, ";over=\"\";above:List<String>=\"7e0c6a4e-0000-4000-8000-00000000000b\""))))
                .start();
        awaitChain("ws2 Metrics over [ws2 Pass-through C over [ws2 Pass-through B over [ws2 Pass-through A over [X over [ws2 Tcpip [TCP/IP]]]]]]",
                "bypassing fail-open layer 'X'");
        ProviderStatus cycle = refused("layer.y", layer("7e0c6a4e-0000-4000-8000-00000000000b", "Y", 4,
                ";over=\"\";above:List<String>=\"7e0c6a4e-0000-4000-8000-00000000000a\""), WsaError.WSAEINVALIDPROVIDER);
        assertTrue(cycle.reason(), cycle.reason().contains("forms a cycle"));

        context.installBundle("test:z", ManifestBundles.bundle("layer.z", Map.of("Provide-Capability",
                layer("7e0c6a4e-0000-4000-8000-00000000000c", "Z", 3, ";over=\"\"")))).start();
        ProviderStatus tooLong = refused("layer.w", layer("7e0c6a4e-0000-4000-8000-00000000000d", "W", 2, ";over=\"\""),
                WsaError.WSANO_RECOVERY);
        assertTrue(tooLong.reason(), tooLong.reason().contains("would make a chain of 8 entries"));
    }
}
