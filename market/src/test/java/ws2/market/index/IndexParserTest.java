package ws2.market.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.resource.Capability;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProviderNamespaces;
import ws2.market.Fixtures;

/** Parsing repository indexes (issue 7). */
class IndexParserTest {

    @Test
    void resourcesAreReadWithTypedAttributes() throws WsaException {
        RepositoryIndex index = Fixtures.index("small-index.xml");
        assertEquals("small", index.name());
        assertEquals(2, index.resources().size(), "the referral is skipped");
        IndexResource tls = index.resources().get(0);
        assertEquals("ws2.provider.tls", tls.symbolicName());
        assertEquals(new Version(1, 2, 3, "beta"), tls.version());
        assertEquals("Layered provider: TLS on stream sockets.", tls.description());
        assertEquals(24376L, tls.size());
        assertTrue(tls.url().startsWith("file:") && tls.url().endsWith("/ws2/market/jars/ws2.provider.tls.jar"), tls.url());
        assertEquals("04DB9BADECABA6BCE2B17707515D4C42ABD099DAC4957B8A9E9DA664791AE084", tls.sha256());

        Capability layer = tls.getCapabilities(ProviderNamespaces.LAYERED_NAMESPACE).get(0);
        assertSame(tls, layer.getResource());
        Map<String, Object> a = layer.getAttributes();
        assertEquals((long) LspCategories.LSP_CRYPTO_COMPRESS, a.get(ProviderNamespaces.ATTR_CATEGORIES));
        assertEquals(100L, a.get(ProviderNamespaces.ATTR_RANK));
        assertEquals("(type=1)", a.get(ProviderNamespaces.ATTR_OVER));
        assertEquals(List.of("native", "compat32"), a.get(ProviderNamespaces.ATTR_CATALOGS));
        assertEquals(List.of(), a.get(ProviderNamespaces.ATTR_ABOVE));
        assertEquals(List.of(0.5, 1.5), a.get("weights"));
        assertEquals(List.of("a,b", "c\\d"), a.get("note"));
        assertEquals(Map.of("uses", "ws2.spi.layer"), layer.getDirectives());
        assertEquals(1, tls.getRequirements("osgi.wiring.package").size());
        assertEquals(4, tls.getCapabilities(null).size() + tls.getRequirements(null).size());

        IndexResource memory = index.resources().get(1);
        assertEquals("https://example.org/ws2.provider.memory.jar", memory.url(), "absolute URLs are kept");
        Map<String, Object> t = memory.getCapabilities(ProviderNamespaces.TRANSPORT_NAMESPACE).get(0).getAttributes();
        assertEquals(List.of(new Version(1, 0, 0), new Version(2, 0, 1)), t.get("versions"));
        assertEquals(List.of(1L, 2L), t.get("sizes"));
    }

    @Test
    void malformedIndexesAreRefusedWithWsaeinval() {
        assertMalformed("not xml at all", "malformed");
        assertMalformed("<repository/>", "not a http://www.osgi.org/xmlns/repository/v1.0.0 repository");
        assertMalformed(index("<resource><capability namespace='osgi.identity'>"
                + "<attribute name='osgi.identity' value='x'/><attribute name='version' value='1' type='Version'/>"
                + "</capability></resource>"), "resource x has no osgi.content capability");
        assertMalformed(index("<resource><capability namespace='a'><attribute name='n' value='one' type='Long'/>"
                + "</capability></resource>"), "\"one\" is not a Long");
        assertMalformed(index("<resource><capability><attribute name='n' value='1'/></capability></resource>"),
                "<capability> has no namespace");
        assertMalformed("<!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><r>&x;</r>", "malformed");
    }

    private static String index(String body) {
        return "<repository xmlns='http://www.osgi.org/xmlns/repository/v1.0.0'>" + body + "</repository>";
    }

    private static void assertMalformed(String xml, String expected) {
        WsaException e = assertThrows(WsaException.class, () -> new IndexParser()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "http://host/index.xml"));
        assertEquals(WsaError.WSAEINVAL, e.error());
        assertTrue(e.getMessage().contains("the index at http://host/index.xml is malformed"), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
