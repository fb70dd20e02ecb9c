package ws2.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.catalog.LspCategories.LSP_CRYPTO_COMPRESS;
import static ws2.catalog.LspCategories.LSP_FIREWALL;
import static ws2.catalog.LspCategories.LSP_INSPECTOR;
import static ws2.catalog.LspCategories.LSP_SYSTEM;

import org.junit.jupiter.api.Test;

/** Protocol chains, protocol info and the LSP load rule. */
class CatalogValuesTest {

    @Test
    void chainsHoldTwoToSevenDistinctEntries() {
        assertEquals("1015 : 1004", ProtocolChain.of(1015, 1004).toString());
        assertTrue(ProtocolChain.LAYERED.isLayered());
        assertTrue(ProtocolChain.BASE.isBase());
        assertThrows(IllegalArgumentException.class, () -> ProtocolChain.of(1, 2, 3, 4, 5, 6, 7, 8));
        assertThrows(IllegalArgumentException.class, () -> ProtocolChain.of(1001, 1001), "no layer twice");
        assertThrows(IllegalArgumentException.class, () -> new ProtocolChain(1, new int[] {1001}));
        assertThrows(IllegalArgumentException.class, () -> ProtocolChain.of(1001, 0));
    }

    @Test
    void protocolInfoChecksItsFieldsAndRanges() {
        ProtocolInfo raw = ProtocolInfo.builder().triple(2, 3, 0).protocolMaxOffset(255).sockAddrLengths(16, 16)
                .protocolName("raw").build();
        assertTrue(raw.coversProtocol(0) && raw.coversProtocol(255));
        assertFalse(raw.coversProtocol(256));
        assertEquals(ProtocolInfo.GUID_NULL, raw.providerId());
        assertThrows(IllegalArgumentException.class, () -> raw.toBuilder().sockAddrLengths(28, 16).build());
        assertThrows(IllegalArgumentException.class, () -> raw.toBuilder().protocolName("x".repeat(256)).build());
        assertThrows(IllegalArgumentException.class, () -> raw.toBuilder().triple(70000, 1, 6).build());
        assertThrows(IllegalArgumentException.class, () -> raw.toBuilder().networkByteOrder(2).build());
    }

    @Test
    void theLoadRuleMatchesTheWorkedExampleOfTheWindowsDocumentation() {
        int foo = LSP_SYSTEM | LSP_FIREWALL | LSP_CRYPTO_COMPRESS;
        int bar = LSP_FIREWALL | LSP_CRYPTO_COMPRESS;
        int lsp1 = LSP_SYSTEM;
        int lsp2 = 0;
        int lsp3 = LSP_FIREWALL;
        int lsp4 = LSP_SYSTEM | LSP_FIREWALL | LSP_CRYPTO_COMPRESS | LSP_INSPECTOR;
        assertTrue(LspCategories.loads(foo, lsp1));
        assertFalse(LspCategories.loads(foo, lsp2));
        assertFalse(LspCategories.loads(foo, lsp3), "Foo has LSP_SYSTEM, so the layer needs it too");
        assertFalse(LspCategories.loads(foo, lsp4), "LSP_INSPECTOR is not permitted to Foo");
        assertFalse(LspCategories.loads(bar, lsp1));
        assertFalse(LspCategories.loads(bar, lsp2));
        assertTrue(LspCategories.loads(bar, lsp3));
        assertFalse(LspCategories.loads(bar, lsp4));
        assertTrue(LspCategories.loads(null, lsp2), "an uncategorized application loads every layer");
    }
}
