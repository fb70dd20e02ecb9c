package ws2.core.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;
import static ws2.catalog.CatalogView.COMPAT32;
import static ws2.catalog.CatalogView.NATIVE;
import static ws2.core.catalog.Entries.LSP;
import static ws2.core.catalog.Entries.OTHER;
import static ws2.core.catalog.Entries.TCPIP;
import static ws2.core.catalog.Entries.entry;
import static ws2.core.catalog.Entries.tcpip;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolChain;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.catalog.ProviderInfoType;

/** The WSC rules of issue 2, on the working copy alone. */
class CatalogEditorTest {

    private static CatalogData installed() throws WsaException {
        CatalogEditor e = new CatalogEditor(CatalogData.EMPTY);
        e.installProvider(NATIVE, TCPIP, "tcpip.jar", tcpip());
        return e.toData();
    }

    private static int[] ids(ViewData v) {
        return v.entries().stream().mapToInt(StoredEntry::id).toArray();
    }

    @Test
    void installAssignsIdsFrom1001InOrderAndSetsTheGuid() throws WsaException {
        CatalogData d = installed();
        assertArrayEquals(new int[] {1001, 1002, 1003}, ids(d.nativeView()));
        assertTrue(d.nativeView().entries().stream().allMatch(s -> s.info().providerId().equals(TCPIP)));
        assertEquals("tcpip.jar", d.nativeView().entries().get(0).path());
        assertEquals(0, d.compat32().entries().size(), "the 32-bit view is independent");
    }

    @Test
    void reinstallingAfterDeinstallGivesTheSameIds() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        e.deinstallProvider(NATIVE, TCPIP);
        e.installProvider(NATIVE, OTHER, "other.jar", List.of(entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, "Other")));
        e.installProvider(NATIVE, TCPIP, "tcpip.jar", tcpip());
        assertArrayEquals(new int[] {1004, 1001, 1002, 1003}, ids(e.toData().nativeView()));
    }

    @Test
    void installingAnInstalledGuidIsRefused() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        WsaException x = assertThrows(WsaException.class, () -> e.installProvider(NATIVE, TCPIP, "p", tcpip()));
        assertEquals(WsaError.WSANO_RECOVERY, x.error());
    }

    @Test
    void duplicateEntriesInOneInstallAreRefused() {
        CatalogEditor e = new CatalogEditor(CatalogData.EMPTY);
        ProtocolInfo tcp = entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, "a");
        WsaException x = assertThrows(WsaException.class, () -> e.installProvider(NATIVE, TCPIP, "p", List.of(tcp, tcp)));
        assertEquals(WsaError.WSAEINVAL, x.error());
    }

    @Test
    void installProviderAndChainsPutsChainsFirstAndLayeredEntryLast() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        int layered = e.installProviderAndChains(NATIVE, LSP, "lsp.jar", "Demo LSP", 0, null);
        ViewData v = e.toData().nativeView();
        assertEquals(1004, layered);
        assertEquals(List.of("Demo LSP over [Tcpip [TCP/IP]]", "Demo LSP over [Tcpip [UDP/IP]]",
                "Demo LSP over [Tcpip [TCP/IPv6]]", "Tcpip [TCP/IP]", "Tcpip [UDP/IP]", "Tcpip [TCP/IPv6]", "Demo LSP"),
                v.entries().stream().map(s -> s.info().protocolName()).toList());
        ProtocolInfo firstChain = v.entries().get(0).info();
        assertEquals(ProtocolChain.of(1004, 1001), firstChain.protocolChain());
        assertEquals(LSP, firstChain.providerId());
        ProtocolInfo dummy = v.entries().get(6).info();
        assertTrue(dummy.protocolChain().isLayered());
        assertTrue(dummy.hasProviderFlags(ProviderFlags.PFL_HIDDEN));
    }

    @Test
    void chainsLongerThanSevenAreRefusedAndNothingChanges() throws WsaException {
        CatalogData d = installed();
        List<ProtocolInfo> tcpOnly = List.of(entry(AF_INET, SOCK_STREAM, IPPROTO_TCP, "target"));
        for (int layer = 1; layer <= 6; layer++) {
            CatalogEditor e = new CatalogEditor(d);
            e.installProviderAndChains(NATIVE, new UUID(0, layer), "l" + layer, "L" + layer, 0, tcpOnly);
            d = e.toData();
        }
        assertEquals(7, d.nativeView().entries().get(0).info().protocolChain().length());
        CatalogEditor e = new CatalogEditor(d);
        WsaException x = assertThrows(WsaException.class,
                () -> e.installProviderAndChains(NATIVE, new UUID(0, 7), "l7", "L7", 0, tcpOnly));
        assertEquals(WsaError.WSANO_RECOVERY, x.error());
        assertTrue(x.getMessage().contains("at most 7"), x.getMessage());
    }

    @Test
    void writeProviderOrderNeedsEveryIdExactlyOnce() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        assertEquals(WsaError.WSAEINVAL,
                assertThrows(WsaException.class, () -> e.writeProviderOrder(NATIVE, new int[] {1001, 1001, 1002})).error());
        assertEquals(WsaError.WSAEINVAL,
                assertThrows(WsaException.class, () -> e.writeProviderOrder(NATIVE, new int[] {1001, 1002})).error());
        e.writeProviderOrder(NATIVE, new int[] {1003, 1001, 1002});
        assertArrayEquals(new int[] {1003, 1001, 1002}, ids(e.toData().nativeView()));
    }

    @Test
    void updateKeepsIdsAndPositionsAndAppendsNewEntries() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        e.writeProviderOrder(NATIVE, new int[] {1003, 1002, 1001});
        List<ProtocolInfo> changed = List.of(tcpip().get(0).toBuilder().protocolName("renamed").build(), tcpip().get(2),
                entry(AF_INET, 5, 0, "new"));
        e.updateProvider(NATIVE, TCPIP, "tcpip-2.jar", changed);
        ViewData v = e.toData().nativeView();
        assertArrayEquals(new int[] {1003, 1001, 1004}, ids(v));
        assertEquals("renamed", v.entries().get(1).info().protocolName());
        assertEquals("tcpip-2.jar", v.entries().get(0).path());
    }

    @Test
    void syncDeclaredWithNothingRemovesTheProvidersEntries() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        e.syncDeclared(NATIVE, TCPIP, "tcpip.jar", List.of());
        assertEquals(0, e.toData().nativeView().entries().size());
    }

    @Test
    void viewsAreIndependent() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        e.installProvider(COMPAT32, TCPIP, "tcpip32.jar", tcpip().subList(0, 1));
        e.deinstallProvider(NATIVE, TCPIP);
        CatalogData d = e.toData();
        assertEquals(0, d.nativeView().entries().size());
        assertArrayEquals(new int[] {1001}, ids(d.compat32()), "same key, same stable ID in both views");
    }

    @Test
    void providerInfoAndApplicationCategories() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        e.setProviderInfo(NATIVE, TCPIP, ProviderInfoType.LSP_CATEGORIES, LspCategories.LSP_FIREWALL);
        assertEquals(LspCategories.LSP_FIREWALL, e.toData().nativeView().lspCategories().get(TCPIP));
        assertEquals(WsaError.ERROR_CALL_NOT_IMPLEMENTED, assertThrows(WsaException.class,
                () -> e.setProviderInfo(NATIVE, TCPIP, ProviderInfoType.AUDIT, 1)).error());
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class,
                () -> e.setProviderInfo(COMPAT32, TCPIP, ProviderInfoType.LSP_CATEGORIES, 1)).error());
        assertEquals(0, e.setApplicationCategory("app", "", LspCategories.LSP_SYSTEM));
        assertEquals(LspCategories.LSP_SYSTEM, e.setApplicationCategory("app", "", LspCategories.LSP_FIREWALL),
                "repeated calls OR the categories together");
        assertEquals(LspCategories.LSP_SYSTEM | LspCategories.LSP_FIREWALL,
                e.toData().appCategories().get(CatalogKeys.appKey("app", "")));
    }

    @Test
    void clearKeepsTheIdMap() throws WsaException {
        CatalogEditor e = new CatalogEditor(installed());
        e.clear();
        e.installProvider(NATIVE, TCPIP, "tcpip.jar", tcpip());
        assertArrayEquals(new int[] {1001, 1002, 1003}, ids(e.toData().nativeView()));
    }
}
