package ws2.core.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_STREAM;
import static ws2.catalog.CatalogView.NATIVE;
import static ws2.catalog.LspCategories.LSP_CRYPTO_COMPRESS;
import static ws2.catalog.LspCategories.LSP_FIREWALL;
import static ws2.catalog.LspCategories.LSP_INSPECTOR;
import static ws2.catalog.LspCategories.LSP_SYSTEM;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogEditor;
import ws2.core.catalog.LayerSpec;
import ws2.core.catalog.StoredEntry;
import ws2.core.provider.ProviderService;
import ws2.core.testing.FakeBundles;
import ws2.core.testing.LoopbackTransport;

/** Layers declared by bundles: deterministic chains, refusals, fail-open/closed and categories (issue 5). */
class LayeredChainsTest {
    private static final UUID BASE = new UUID(0, 0xB);

    private static LayerSpec layer(long n, String name, int rank, boolean failClosed, String over, int categories,
            List<UUID> above) {
        return new LayerSpec(new UUID(1, n), name, categories, over, rank, failClosed, above, List.of(),
                EnumSet.allOf(CatalogView.class), "layer-" + n);
    }

    private static LayerSpec layer(long n, String name, int rank) {
        return layer(n, name, rank, false, "", LSP_INSPECTOR, List.of());
    }

    private static CatalogEditor base() throws WsaException {
        CatalogEditor e = new CatalogEditor(CatalogData.EMPTY);
        for (CatalogView v : CatalogView.values()) {
            e.installProvider(v, BASE, "base", List.of(
                    ProtocolInfo.builder().triple(AF_INET, SOCK_STREAM, IPPROTO_TCP).sockAddrLengths(16, 16)
                            .serviceFlags1(0x20000).providerFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO)
                            .protocolName("tcp").build(),
                    ProtocolInfo.builder().triple(AF_INET, SOCK_DGRAM, IPPROTO_UDP).sockAddrLengths(16, 16)
                            .protocolName("udp").build()));
        }
        return e;
    }

    private static CatalogData with(LayerSpec... layers) throws WsaException {
        CatalogEditor e = base();
        for (LayerSpec l : layers) {
            e.putLayer(l);
            e.syncLayers();
        }
        return e.toData();
    }

    /** Entry names in catalog order (IDs are assigned in arrival order, as on Windows). */
    private static List<String> names(CatalogData d) {
        List<String> out = new ArrayList<>();
        for (StoredEntry e : d.nativeView().entries()) {
            out.add(e.info().protocolName());
        }
        return out;
    }

    private static RouteTable table(CatalogData d, UUID... live) {
        Map<UUID, ProviderService> m = new HashMap<>();
        for (UUID id : live) {
            m.put(id, new ProviderService(id, new LoopbackTransport(), FakeBundles.bundle(id.getLeastSignificantBits(), "p"), 1));
        }
        return RouteTable.build(d, m);
    }

    private static List<String> path(Route r, Integer categories) throws WsaException {
        return r.path(categories).stream().map(m -> m.entry().info().protocolName()).toList();
    }

    @Test
    void layersStackByRankWhateverOrderTheyArriveIn() throws WsaException {
        LayerSpec tls = layer(1, "TLS", 100);
        LayerSpec metrics = layer(2, "Metrics", 900);
        LayerSpec capture = layer(3, "Capture", 500);
        CatalogData one = with(tls, metrics, capture);
        CatalogData other = with(capture, metrics, tls);
        assertEquals(names(one), names(other), "the same layers give the same entries in the same places");
        RouteTable t1 = table(one, BASE, tls.id(), metrics.id(), capture.id());
        RouteTable t2 = table(other, BASE, tls.id(), metrics.id(), capture.id());
        Route chain = t1.select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assertEquals("Metrics over [Capture over [TLS over [tcp]]]", chain.info().protocolName());
        assertEquals(List.of("Metrics", "Capture", "TLS", "tcp"), path(chain, null));
        assertEquals(List.of("Metrics", "Capture", "TLS", "tcp"), path(t2.select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP), null),
                "the same set of layers gives the same chain");
        assertEquals(0, chain.info().serviceFlags1() & 0x20000, "a chain of non-IFS layers is not IFS");
        List<StoredEntry> entries = one.nativeView().entries();
        assertEquals(chain.info().catalogEntryId(), entries.get(0).id(), "the chain goes just ahead of the base entry it covers");
    }

    @Test
    void theOverFilterChoosesTheBaseEntries() throws WsaException {
        LayerSpec streams = layer(1, "Streams", 100, false, "(&(family=2)(type=1))", LSP_INSPECTOR, List.of());
        RouteTable t = table(with(streams), BASE, streams.id());
        assertEquals("Streams over [tcp]", t.select(NATIVE, AF_INET, SOCK_STREAM, 0).info().protocolName());
        assertEquals("udp", t.select(NATIVE, AF_INET, SOCK_DGRAM, IPPROTO_UDP).info().protocolName());
    }

    @Test
    void aChainLongerThanSevenIsRefusedAndNothingChanges() throws WsaException {
        CatalogEditor e = base();
        for (int i = 1; i <= 6; i++) {
            e.putLayer(layer(i, "L" + i, i));
        }
        e.syncLayers();
        CatalogData before = e.toData();
        WsaException x = assertThrows(WsaException.class, () -> e.putLayer(layer(7, "L7", 7)));
        assertEquals(WsaError.WSANO_RECOVERY, x.error());
        assertTrue(x.getMessage().contains("layer 'L7'") && x.getMessage().contains("chain of 8 entries"), x.getMessage());
        e.syncLayers();
        assertEquals(before, e.toData());
    }

    @Test
    void aCycleOrABrokenConstraintIsRefused() throws WsaException {
        LayerSpec a = layer(1, "A", 100, false, "", LSP_INSPECTOR, List.of(new UUID(1, 2)));
        LayerSpec b = layer(2, "B", 900, false, "", LSP_INSPECTOR, List.of(new UUID(1, 1)));
        CatalogEditor e = base();
        e.putLayer(a);
        WsaException cycle = assertThrows(WsaException.class, () -> e.putLayer(b));
        assertEquals(WsaError.WSAEINVALIDPROVIDER, cycle.error());
        assertTrue(cycle.getMessage().contains("forms a cycle"), cycle.getMessage());

        CatalogEditor f = base();
        f.putLayer(layer(2, "B", 900));
        WsaException broken = assertThrows(WsaException.class, () -> f.putLayer(a));
        assertTrue(broken.getMessage().contains("breaks a declared constraint: 'A' (rank 100) must sit above 'B' (rank 900)"),
                broken.getMessage());
    }

    @Test
    void anAbsentFailClosedLayerFailsSocketsAndAnAbsentFailOpenLayerIsBypassed() throws WsaException {
        LayerSpec firewall = layer(1, "Firewall", 1000, true, "", LSP_FIREWALL, List.of());
        LayerSpec metrics = layer(2, "Metrics", 900);
        CatalogData d = with(firewall, metrics);
        Route all = table(d, BASE, firewall.id(), metrics.id()).select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assertEquals(List.of("Firewall", "Metrics", "tcp"), path(all, null));

        Route noMetrics = table(d, BASE, firewall.id()).select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assertTrue(noMetrics.available());
        assertEquals(List.of("Firewall", "tcp"), path(noMetrics, null));
        assertTrue(noMetrics.reason().startsWith("bypassing fail-open layer 'Metrics'"), noMetrics.reason());

        Route noFirewall = table(d, BASE, metrics.id()).select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assertTrue(!noFirewall.available() && noFirewall.reason().startsWith("fail-closed layer 'Firewall'"),
                noFirewall.reason());
        WsaException x = assertThrows(WsaException.class, () -> noFirewall.path(null));
        assertEquals(WsaError.WSAEPROVIDERFAILEDINIT, x.error());
        assertEquals(List.of("Metrics", "tcp"), path(noFirewall, LSP_INSPECTOR),
                "a client whose categories do not load the firewall does not depend on it");
    }

    /** The worked example of "Categorizing Layered Service Providers and Applications". */
    @Test
    void theWindowsCategoryExampleLoadsWhatTheDocumentationSays() throws WsaException {
        LayerSpec lsp1 = layer(1, "LSP1", 400, false, "", LSP_SYSTEM, List.of());
        LayerSpec lsp2 = layer(2, "LSP2", 300, false, "", 0, List.of());
        LayerSpec lsp3 = layer(3, "LSP3", 200, false, "", LSP_FIREWALL, List.of());
        LayerSpec lsp4 = layer(4, "LSP4", 100, false, "",
                LSP_SYSTEM | LSP_FIREWALL | LSP_CRYPTO_COMPRESS | LSP_INSPECTOR, List.of());
        Route r = table(with(lsp1, lsp2, lsp3, lsp4), BASE, lsp1.id(), lsp2.id(), lsp3.id(), lsp4.id())
                .select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        int foo = LSP_SYSTEM | LSP_FIREWALL | LSP_CRYPTO_COMPRESS;
        int bar = LSP_FIREWALL | LSP_CRYPTO_COMPRESS;
        assertEquals(List.of("LSP1", "tcp"), path(r, foo), "Foo.exe loads only LSP1");
        assertEquals(List.of("LSP3", "tcp"), path(r, bar), "Bar.exe loads only LSP3");
        assertEquals(List.of("LSP1", "LSP2", "LSP3", "LSP4", "tcp"), path(r, null), "an uncategorized client loads all");
    }

    @Test
    void removingALayerFromTheCatalogRebuildsTheChainsWithoutIt() throws WsaException {
        LayerSpec low = layer(1, "Low", 100);
        LayerSpec high = layer(2, "High", 900);
        CatalogEditor e = new CatalogEditor(with(low, high));
        e.deinstallProvider(NATIVE, low.id());
        e.syncLayers();
        RouteTable t = table(e.toData(), BASE, high.id());
        assertEquals("High over [tcp]", t.select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP).info().protocolName());
        assertTrue(e.toData().compat32().entries().stream()
                .anyMatch(x -> x.info().protocolName().equals("High over [Low over [tcp]]")), "the other view keeps it");
    }
}
