package ws2.provider.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.metrics.Counters;

/** The text tables of {@code metrics:show}. */
class CountersTableTest {
    @Test
    void rowsAlignUnderTheHeadingsWithLatenciesInMicroseconds() {
        String table = CountersTable.format("Providers", "Provider", List.of(
                new Counters("ws2 tcpip provider", 4, 2048, 1024, 1, 3, 45_000, 30_500),
                new Counters("ws2 memory provider", 2, 0, 0, 0, 0, 0, 0)));
        assertEquals("Providers\n"
                + "  Provider                  Calls        Sent    Received      Errors      Avg us      Max us\n"
                + "  ws2 tcpip provider            4        2048        1024           1          15          30\n"
                + "  ws2 memory provider           2           0           0           0           -           -\n",
                table);
    }

    @Test
    void anEmptyTableSaysSo() {
        assertEquals("Sockets\n  (none)\n", CountersTable.format("Sockets", "Handle", List.of()));
    }
}
