package ws2.provider.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.metrics.Counters;

/** How {@link MetricsRegistry} lists open sockets and folds closed ones into provider and chain totals. */
class MetricsRegistryTest {
    private static final String TCPIP = "ws2 tcpip provider";
    private static final String MEMORY = "ws2 memory provider";
    private static final Object CONTEXT_A = new Object();
    private static final Object CONTEXT_B = new Object();

    private final MetricsRegistry registry = new MetricsRegistry();

    private Meter open(Object owner, long handle, String provider, int chain, long sent) {
        Meter m = new Meter();
        m.sent(sent, sent);
        registry.opened(owner, handle, provider, chain, m);
        return m;
    }

    private static List<String> keys(List<Counters> rows) {
        return rows.stream().map(Counters::key).toList();
    }

    @Test
    void openSocketsAreListedInHandleOrder() {
        open(CONTEXT_A, 12, TCPIP, 1001, 1);
        open(CONTEXT_A, 9, TCPIP, 1001, 2);
        open(CONTEXT_B, 100, MEMORY, 1002, 3);
        assertEquals(List.of("9", "12", "100"), keys(registry.sockets()));
        assertEquals(2, registry.sockets().get(0).bytesSent());
    }

    @Test
    void totalsCountOpenSocketsAsTheyGo() {
        Meter m = open(CONTEXT_A, 1, TCPIP, 1001, 10);
        open(CONTEXT_A, 2, TCPIP, 1001, 5);
        m.received(4, 1);
        assertEquals(List.of(new Counters(TCPIP, 3, 15, 4, 0, 3, 16, 10)), registry.providers());
        assertEquals(List.of(new Counters("1001", 3, 15, 4, 0, 3, 16, 10)), registry.chains());
    }

    @Test
    void aClosedSocketLeavesTheTableAndStaysInItsTotals() {
        open(CONTEXT_A, 1, TCPIP, 1001, 10);
        open(CONTEXT_A, 2, MEMORY, 1002, 20);
        registry.closed(1);
        registry.closed(1);
        assertEquals(List.of("2"), keys(registry.sockets()));
        assertEquals(List.of(new Counters(MEMORY, 1, 20, 0, 0, 1, 20, 20), new Counters(TCPIP, 1, 10, 0, 0, 1, 10, 10)),
                registry.providers());
        open(CONTEXT_A, 3, TCPIP, 1001, 30);
        registry.closed(3);
        assertEquals(new Counters("1001", 2, 40, 0, 0, 2, 40, 30), registry.chains().get(0));
    }

    @Test
    void cleanupFoldsOnlyTheSocketsOfThatContext() {
        open(CONTEXT_A, 1, TCPIP, 1001, 10);
        open(CONTEXT_B, 2, TCPIP, 1001, 20);
        open(CONTEXT_A, 3, TCPIP, 1001, 30);
        registry.cleanup(CONTEXT_A);
        assertEquals(List.of("2"), keys(registry.sockets()));
        assertEquals(60, registry.providers().get(0).bytesSent());
    }

    @Test
    void chainsAreOrderedByCatalogEntryIdNotAsText() {
        open(CONTEXT_A, 1, TCPIP, 1001, 1);
        open(CONTEXT_A, 2, TCPIP, 999, 1);
        registry.closed(2);
        assertEquals(List.of("999", "1001"), keys(registry.chains()));
    }

    @Test
    void snapshotsAreImmutableAndDetached() {
        Meter m = open(CONTEXT_A, 1, TCPIP, 1001, 10);
        List<Counters> before = registry.sockets();
        m.sent(5, 1);
        assertEquals(10, before.get(0).bytesSent());
        assertThrows(UnsupportedOperationException.class, () -> before.add(before.get(0)));
    }
}
