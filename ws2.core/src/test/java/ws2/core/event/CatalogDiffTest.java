package ws2.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static winevent.WinEvents.CHILDID_SELF;
import static winevent.WinEvents.EVENT_OBJECT_CREATE;
import static winevent.WinEvents.EVENT_OBJECT_DESTROY;
import static winevent.WinEvents.EVENT_OBJECT_NAMECHANGE;
import static winevent.WinEvents.EVENT_OBJECT_REORDER;
import static winevent.WinEvents.EVENT_OBJECT_STATECHANGE;
import static ws2.catalog.CatalogView.NATIVE;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogEditor;
import ws2.core.catalog.LayerSpec;
import ws2.core.event.Notice.Window;
import ws2.core.provider.ProviderService;
import ws2.core.route.RouteTable;
import ws2.core.testing.FakeBundles;
import ws2.core.testing.LoopbackTransport;

/** The WinEvents a catalog change becomes, in their order (issue 3). */
class CatalogDiffTest {
    private static final UUID P = new UUID(7, 7);
    private static final Map<UUID, ProviderService> LIVE =
            Map.of(P, new ProviderService(P, new LoopbackTransport(), FakeBundles.bundle(3, "p"), 3));

    private static ProtocolInfo entry(int type, String name) {
        return ProtocolInfo.builder().triple(2, type, 0).sockAddrLengths(16, 16).protocolName(name).build();
    }

    private static CatalogData installed() throws WsaException {
        CatalogEditor e = new CatalogEditor(CatalogData.EMPTY);
        e.installProvider(NATIVE, P, "p", List.of(entry(1, "a"), entry(2, "b")));
        return e.toData();
    }

    @Test
    void installingCreatesEachEntryThenAnnouncesTheConfigurationChange() throws WsaException {
        List<Notice> n = CatalogDiff.between(RouteTable.EMPTY, RouteTable.build(installed(), Map.of()));
        assertEquals(List.of(new Notice(EVENT_OBJECT_CREATE, Window.NATIVE_CATALOG, 1001),
                new Notice(EVENT_OBJECT_CREATE, Window.NATIVE_CATALOG, 1002),
                new Notice(0, Window.NATIVE_CATALOG, CHILDID_SELF)), n);
    }

    @Test
    void aProviderArrivingChangesTheStateOfItsEntries() throws WsaException {
        CatalogData d = installed();
        List<Notice> n = CatalogDiff.between(RouteTable.build(d, Map.of()), RouteTable.build(d, LIVE));
        assertEquals(List.of(new Notice(EVENT_OBJECT_STATECHANGE, Window.NATIVE_CATALOG, 1001),
                new Notice(EVENT_OBJECT_STATECHANGE, Window.NATIVE_CATALOG, 1002),
                new Notice(0, Window.NATIVE_CATALOG, CHILDID_SELF)), n);
    }

    @Test
    void aLayerLeavingAnnouncesTheChainItIsBypassedIn() throws WsaException {
        UUID layer = new UUID(8, 8);
        CatalogEditor e = new CatalogEditor(installed());
        e.putLayer(new LayerSpec(layer, "L", LspCategories.LSP_INSPECTOR, "(type=1)", 1, false, List.of(), List.of(),
                EnumSet.of(NATIVE), "l"));
        e.syncLayers();
        CatalogData d = e.toData();
        Map<UUID, ProviderService> both = Map.of(P, LIVE.get(P), layer,
                new ProviderService(layer, new LoopbackTransport(), FakeBundles.bundle(4, "l"), 4));
        int chain = d.nativeView().entries().get(0).id();
        int layered = d.nativeView().entries().get(d.nativeView().entries().size() - 1).id();
        assertEquals(List.of(new Notice(EVENT_OBJECT_STATECHANGE, Window.NATIVE_CATALOG, chain),
                new Notice(EVENT_OBJECT_STATECHANGE, Window.NATIVE_CATALOG, layered),
                new Notice(0, Window.NATIVE_CATALOG, CHILDID_SELF)),
                CatalogDiff.between(RouteTable.build(d, both), RouteTable.build(d, LIVE)),
                "the chain stays available but now bypasses the layer; the layer's own entry becomes unavailable");
    }

    @Test
    void removalReorderAndRenameEachHaveTheirEvent() throws WsaException {
        CatalogData d = installed();
        CatalogEditor e = new CatalogEditor(d);
        e.updateProvider(NATIVE, P, "p", List.of(entry(2, "b renamed"), entry(1, "a")));
        e.writeProviderOrder(NATIVE, new int[] {1002, 1001});
        CatalogData reordered = e.toData();
        assertEquals(List.of(new Notice(EVENT_OBJECT_REORDER, Window.NATIVE_CATALOG, CHILDID_SELF),
                new Notice(EVENT_OBJECT_NAMECHANGE, Window.NATIVE_CATALOG, 1002),
                new Notice(0, Window.NATIVE_CATALOG, CHILDID_SELF)),
                CatalogDiff.between(RouteTable.build(d, LIVE), RouteTable.build(reordered, LIVE)));
        CatalogEditor r = new CatalogEditor(reordered);
        r.deinstallProvider(NATIVE, P);
        assertEquals(List.of(new Notice(EVENT_OBJECT_DESTROY, Window.NATIVE_CATALOG, 1002),
                new Notice(EVENT_OBJECT_DESTROY, Window.NATIVE_CATALOG, 1001),
                new Notice(0, Window.NATIVE_CATALOG, CHILDID_SELF)),
                CatalogDiff.between(RouteTable.build(reordered, LIVE), RouteTable.build(r.toData(), LIVE)));
    }

    @Test
    void nothingChangedAnnouncesNothing() throws WsaException {
        RouteTable t = RouteTable.build(installed(), LIVE);
        assertEquals(List.of(), CatalogDiff.between(t, RouteTable.build(installed(), LIVE)));
    }
}
