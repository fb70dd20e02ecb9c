package ws2.core.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.AddressFamily.AF_IRDA;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_RAW;
import static ws2.api.SocketType.SOCK_STREAM;
import static ws2.catalog.CatalogView.NATIVE;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.catalog.ProviderInfoType;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogEditor;
import ws2.core.provider.ProviderService;
import ws2.core.testing.FakeBundles;
import ws2.core.testing.LoopbackTransport;

/** Socket selection exactly as Winsock does it (issue 2). */
class RouteTableTest {
    private static final UUID A = new UUID(0, 0xA);
    private static final UUID B = new UUID(0, 0xB);
    private static final UUID LSP = new UUID(0, 0xC);

    private static ProtocolInfo entry(int af, int type, int proto, int offset, boolean zero, String name) {
        return ProtocolInfo.builder().triple(af, type, proto).protocolMaxOffset(offset)
                .providerFlags(zero ? ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO : 0)
                .sockAddrLengths(16, 16).protocolName(name).build();
    }

    private static ProviderService live(UUID id) {
        return new ProviderService(id, new LoopbackTransport(), FakeBundles.bundle(id.getLeastSignificantBits(), "p"), 1);
    }

    /** A: TCP v4 (protocol 0 ok), UDP v4; B: TCP v4 without protocol-zero, RAW v4 with a range 0..255. */
    private static CatalogData catalog() throws WsaException {
        CatalogEditor e = new CatalogEditor(CatalogData.EMPTY);
        e.installProvider(NATIVE, A, "a", List.of(entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, 0, true, "A tcp"),
                entry(AF_INET, SOCK_DGRAM, IPPROTO_UDP, 0, true, "A udp")));
        e.installProvider(NATIVE, B, "b", List.of(entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, 0, false, "B tcp"),
                entry(AF_INET, SOCK_RAW, 0, 255, false, "B raw")));
        return e.toData();
    }

    private static RouteTable table(CatalogData d, UUID... live) {
        Map<UUID, ProviderService> m = new java.util.HashMap<>();
        for (UUID id : live) {
            m.put(id, live(id));
        }
        return RouteTable.build(d, m);
    }

    private static String select(RouteTable t, int af, int type, int proto) throws WsaException {
        return t.select(NATIVE, af, type, proto).info().protocolName();
    }

    private static WsaError refused(RouteTable t, int af, int type, int proto) {
        return assertThrows(WsaException.class, () -> t.select(NATIVE, af, type, proto)).error();
    }

    @Test
    void firstMatchInCatalogOrderWins() throws WsaException {
        RouteTable t = table(catalog(), A, B);
        assertEquals("A tcp", select(t, AF_INET, SOCK_STREAM, IPPROTO_TCP));
        CatalogEditor e = new CatalogEditor(catalog());
        e.writeProviderOrder(NATIVE, new int[] {1003, 1001, 1002, 1004});
        assertEquals("B tcp", select(table(e.toData(), A, B), AF_INET, SOCK_STREAM, IPPROTO_TCP));
    }

    @Test
    void familyAndTypeZeroAreWildcardsButProtocolZeroNeedsTheFlag() throws WsaException {
        RouteTable t = table(catalog(), A, B);
        assertEquals("A tcp", select(t, 0, SOCK_STREAM, IPPROTO_TCP));
        assertEquals("A udp", select(t, AF_INET, 0, IPPROTO_UDP));
        assertEquals("A tcp", select(t, AF_INET, SOCK_STREAM, 0), "PFL_MATCHES_PROTOCOL_ZERO");
        CatalogEditor e = new CatalogEditor(catalog());
        e.deinstallProvider(NATIVE, A);
        RouteTable onlyB = table(e.toData(), B);
        assertEquals(WsaError.WSAEPROTONOSUPPORT, refused(onlyB, AF_INET, SOCK_STREAM, 0),
                "protocol 0 is no wildcard without PFL_MATCHES_PROTOCOL_ZERO");
    }

    @Test
    void protocolRangesMatchWithinTheOffset() throws WsaException {
        RouteTable t = table(catalog(), A, B);
        assertEquals("B raw", select(t, AF_INET, SOCK_RAW, 0));
        assertEquals("B raw", select(t, AF_INET, SOCK_RAW, 255));
        assertEquals(WsaError.WSAEPROTONOSUPPORT, refused(t, AF_INET, SOCK_RAW, 256));
    }

    @Test
    void noMatchGivesTheMostSpecificCodeWhateverTheOrder() throws WsaException {
        for (int[] order : new int[][] {{1001, 1002, 1003, 1004}, {1004, 1003, 1002, 1001}}) {
            CatalogEditor e = new CatalogEditor(catalog());
            e.writeProviderOrder(NATIVE, order);
            RouteTable t = table(e.toData(), A, B);
            assertEquals(WsaError.WSAEAFNOSUPPORT, refused(t, AF_IRDA, SOCK_STREAM, 0));
            assertEquals(WsaError.WSAESOCKTNOSUPPORT, refused(t, AF_INET, 5, 0));
            assertEquals(WsaError.WSAEPROTONOSUPPORT, refused(t, AF_INET, SOCK_DGRAM, IPPROTO_TCP));
            assertEquals(WsaError.WSAEAFNOSUPPORT, refused(t, AF_INET6, SOCK_STREAM, IPPROTO_TCP));
        }
    }

    @Test
    void unavailableEntriesArePassedOverAndOnlyThemGiveProviderFailedInit() throws WsaException {
        RouteTable bOnly = table(catalog(), B);
        assertEquals("B tcp", select(bOnly, AF_INET, SOCK_STREAM, IPPROTO_TCP));
        RouteTable none = table(catalog());
        WsaException x = assertThrows(WsaException.class, () -> none.select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP));
        assertEquals(WsaError.WSAEPROVIDERFAILEDINIT, x.error());
        assertTrue(x.getMessage().contains("entry 1001 'A tcp'"), x.getMessage());
        assertTrue(x.getMessage().contains("no registered service"), x.getMessage());
    }

    @Test
    void layeredEntriesAreNeverChosenAndCategoriesChooseTheLayersOfAPath() throws WsaException {
        CatalogEditor e = new CatalogEditor(catalog());
        e.installProviderAndChains(NATIVE, LSP, "lsp", "Firewall", 0,
                List.of(entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, 0, true, "target")));
        e.setProviderInfo(NATIVE, LSP, ProviderInfoType.LSP_CATEGORIES, LspCategories.LSP_FIREWALL);
        RouteTable t = table(e.toData(), A, B, LSP);
        Route chain = t.select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assertEquals("Firewall over [A tcp]", chain.info().protocolName());
        assertEquals(List.of("Firewall", "A tcp"), names(chain.path(LspCategories.LSP_FIREWALL | LspCategories.LSP_INSPECTOR)));
        assertEquals(List.of("A tcp"), names(chain.path(LspCategories.LSP_INSPECTOR)),
                "a categorized client runs without the layers its categories do not load");
        RouteTable lspGone = table(e.toData(), A, B);
        Route bypass = lspGone.select(NATIVE, AF_INET, SOCK_STREAM, IPPROTO_TCP);
        assertTrue(bypass.available());
        assertTrue(bypass.reason().startsWith("bypassing fail-open layer 'Firewall'"), bypass.reason());
        assertEquals(List.of("A tcp"), names(bypass.path(null)));
    }

    private static List<String> names(List<Route.Member> path) {
        return path.stream().map(m -> m.entry().info().protocolName()).toList();
    }
}
