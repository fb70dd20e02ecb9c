package ws2.core.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;

/** Reading provider metadata, and refusing malformed metadata with a coded reason (issue 2). */
class TransportMetadataTest {
    private static final String GUID = "967ff64b-ea79-48f1-bd0c-d369a4d23c18";

    private static Map<String, Object> clause(long family, long type, long protocol, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("ws2.transport", GUID);
        m.put("protocolName", name);
        m.put("family", family);
        m.put("type", type);
        m.put("protocol", protocol);
        m.put("protocolMaxOffset", 0L);
        m.put("serviceFlags", 0x20026L);
        m.put("providerFlags", 8L);
        m.put("protocolVersion", 2L);
        m.put("minSockAddr", 16L);
        m.put("maxSockAddr", 16L);
        m.put("byteOrder", 0L);
        m.put("securityScheme", 0L);
        m.put("messageSize", 0xFFFFFFFFL);
        m.put("catalogs", List.of("native", "compat32"));
        return m;
    }

    private static String rejected(Map<String, Object> clause) {
        MetadataException e = assertThrows(MetadataException.class,
                () -> TransportMetadata.read(7, "loc", List.of(clause(2, 1, 6, "ok"), clause)));
        assertEquals(WsaError.WSAEINVALIDPROVIDER, e.error());
        return e.getMessage();
    }

    @Test
    void readsEveryAttributeAndSortsByTriple() throws Exception {
        Map<String, Object> v6only = clause(23, 2, 17, "udp6");
        v6only.put("catalogs", List.of("compat32"));
        Declaration d = TransportMetadata.read(7, "file:/p.jar",
                List.of(clause(23, 1, 6, "tcp6"), clause(2, 2, 17, "udp"), clause(2, 1, 6, "tcp"), v6only));
        Map<CatalogView, List<ProtocolInfo>> byView = d.entries().get(UUID.fromString(GUID));
        assertEquals(List.of("tcp", "udp", "tcp6"), byView.get(CatalogView.NATIVE).stream().map(ProtocolInfo::protocolName).toList());
        assertEquals(List.of("tcp", "udp", "tcp6", "udp6"),
                byView.get(CatalogView.COMPAT32).stream().map(ProtocolInfo::protocolName).toList());
        ProtocolInfo tcp = byView.get(CatalogView.NATIVE).get(0);
        assertEquals(0x20026, tcp.serviceFlags1());
        assertEquals(0xFFFFFFFF, tcp.messageSize());
        assertEquals(8, tcp.providerFlags());
        assertEquals("file:/p.jar", d.location());
    }

    @Test
    void aMissingOrBadGuidIsRejected() {
        Map<String, Object> c = clause(2, 2, 17, "x");
        c.remove("ws2.transport");
        assertTrue(rejected(c).contains("clause 2 has no provider GUID"));
        c.put("ws2.transport", "not-a-guid");
        assertTrue(rejected(c).contains("not a GUID: 'not-a-guid'"));
    }

    @Test
    void anUnknownFamilyIsRejected() {
        assertTrue(rejected(clause(0, 2, 17, "x")).contains("family = 0 is outside 1..65535"));
        assertTrue(rejected(clause(70000, 2, 17, "x")).contains("family = 70000"));
    }

    @Test
    void missingAndMistypedAttributesAreRejected() {
        Map<String, Object> c = clause(2, 2, 17, "x");
        c.remove("maxSockAddr");
        assertTrue(rejected(c).contains("maxSockAddr must be a Long, got nothing"));
        c = clause(2, 2, 17, "x");
        c.put("type", "stream");
        assertTrue(rejected(c).contains("type must be a Long, got String 'stream'"));
        c = clause(2, 2, 17, "x");
        c.put("minSockAddr", 32L);
        assertTrue(rejected(c).contains("minSockAddr 32 exceeds maxSockAddr 16"));
        c = clause(2, 2, 17, "x");
        c.put("catalogs", List.of("native", "wow64"));
        assertTrue(rejected(c).contains("unknown catalog 'wow64'"));
        assertTrue(rejected(clause(2, 2, 17, "")).contains("must have 1..255 characters"));
    }

    @Test
    void twoEntriesWithTheSameTripleAreRejected() {
        assertTrue(rejected(clause(2, 1, 6, "again")).contains("repeats the family, type and protocol"));
    }
}
