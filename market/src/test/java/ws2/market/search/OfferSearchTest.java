package ws2.market.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.Fixtures;
import ws2.market.Offer;
import ws2.market.index.RepositoryIndex;

/** Searching offers by text and by capability filter (issue 7). */
class OfferSearchTest {
    private final List<RepositoryIndex> indexes = List.of(Fixtures.index("small-index.xml"), Fixtures.index("offered.xml"));

    OfferSearchTest() throws WsaException {
    }

    private List<String> names(String query) throws WsaException {
        return OfferSearch.search(indexes, query).stream().map(o -> o.symbolicName() + " " + o.version()).toList();
    }

    @Test
    void textMatchesNamesDescriptionsAndSummariesIgnoringCase() throws WsaException {
        assertEquals(List.of("ws2.provider.tls 1.2.3.beta", "ws2.provider.tls 1.0.0", "ws2.provider.tls 0.5.0"), names("TLS"));
        assertEquals(List.of("ws2.provider.tls 1.2.3.beta"), names("stream sockets"), "description");
        assertEquals(List.of("ws2.provider.memory 0.1.0"), names("pipe stream]"), "capability summary");
        assertEquals(6, names("").size(), "empty text: every offer");
        assertEquals(List.of(), names("nothing like this"));
    }

    @Test
    void offersCarryContentAndSummaries() throws WsaException {
        Offer tls = OfferSearch.search(indexes, "ws2.provider.tls").get(0);
        assertEquals(Fixtures.url("small-index.xml"), tls.source());
        assertEquals(24376L, tls.size());
        assertEquals(List.of("ws2.layered: ws2 TLS, categories 0x40, over (type=1), rank 100, fail-closed"), tls.capabilities());
        Offer memory = OfferSearch.search(indexes, "memory").get(0);
        assertEquals(List.of("ws2.transport: ws2 Memory [pipe stream], family 1, type 1, protocol 0"), memory.capabilities());
    }

    @Test
    void filtersMatchWs2CapabilityAttributes() throws WsaException {
        assertEquals(List.of("ws2.provider.tls 1.2.3.beta", "ws2.provider.tls 1.0.0"), names("(categories>=64)"));
        assertEquals(List.of("ws2.provider.tls 1.2.3.beta", "ws2.provider.tls 1.0.0"),
                names("(&(categories>=64)(over=*type=1*))"));
        assertEquals(List.of("ws2.provider.memory 0.1.0"), names("(&(family=1)(type=1))"));
        assertEquals(List.of(), names("(osgi.identity=ws2.lib)"), "only ws2.* capabilities are searched");
        assertEquals(List.of("ws2.provider.tls 1.2.3.beta", "ws2.provider.tls 1.0.0"),
                names("(&(categoryNames=LSP_CRYPTO_COMPRESS)(over=*type=1*))"), "a category tested by name, as a bit");
        assertEquals(List.of(), names("(categoryNames=LSP_FIREWALL)"));
    }

    @Test
    void aBadFilterIsWsaeinval() {
        WsaException e = assertThrows(WsaException.class, () -> names("(categories>=64"));
        assertEquals(WsaError.WSAEINVAL, e.error());
    }
}
