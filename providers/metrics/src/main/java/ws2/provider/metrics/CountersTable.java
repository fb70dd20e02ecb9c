package ws2.provider.metrics;

import java.util.List;

import ws2.metrics.Counters;

/**
 * Formats rows of {@link Counters} as a titled text table for the shell, the way
 * {@code netstat -e} prints interface statistics: one row per key, latencies in microseconds.
 */
final class CountersTable {
    private static final String[] HEADINGS = {"Calls", "Sent", "Received", "Errors", "Avg us", "Max us"};
    private static final int NUMBER_WIDTH = 12;

    private CountersTable() {
    }

    /**
     * Formats one table.
     *
     * @param title the table's title
     * @param heading the heading of the key column
     * @param rows the rows, in the order to print
     * @return the title, the headings and one line per row, or "(none)"
     */
    static String format(String title, String heading, List<Counters> rows) {
        int keyWidth = heading.length();
        for (Counters c : rows) {
            keyWidth = Math.max(keyWidth, c.key().length());
        }
        StringBuilder sb = new StringBuilder(title).append('\n');
        if (rows.isEmpty()) {
            return sb.append("  (none)\n").toString();
        }
        line(sb, keyWidth, heading, (Object[]) HEADINGS);
        for (Counters c : rows) {
            line(sb, keyWidth, c.key(), c.calls(), c.bytesSent(), c.bytesReceived(), c.errors(),
                    micros(c, c.meanLatencyNanos()), micros(c, c.latencyMaxNanos()));
        }
        return sb.toString();
    }

    private static String micros(Counters c, long nanos) {
        return c.latencyCount() == 0 ? "-" : Long.toString(nanos / 1_000);
    }

    private static void line(StringBuilder sb, int keyWidth, String key, Object... cells) {
        sb.append("  ").append(key).append(" ".repeat(keyWidth - key.length()));
        for (Object cell : cells) {
            String text = cell.toString();
            sb.append(" ".repeat(Math.max(1, NUMBER_WIDTH - text.length()))).append(text);
        }
        sb.append('\n');
    }
}
