package ws2.market;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One record of the marketplace's audit journal.
 *
 * @param number its number, from 1, in the order written
 * @param time when it was written
 * @param action {@code add-source}, {@code remove-source}, {@code install}, {@code update},
 *        {@code uninstall}, {@code rollback}, {@code deploy}, or {@code catalog} for a catalog change
 *        ws2.core announced on the WinEvent bus
 * @param subject the bundle's symbolic name, the source URL, {@code entry <n>} for a rollback, or
 *        for a catalog change the view, the entry and what happened, e.g.
 *        {@code native entry 1007 'ws2 Metrics over [ws2 Tcpip [TCP/IP]]' created} or
 *        {@code native catalog reordered: 1002, 1001}
 * @param changes the bundles changed, each {@code <name> <from> -> <to>} where {@code none}
 *        stands for not installed, e.g. {@code ws2.provider.metrics none -> 0.1.0}; empty for
 *        source changes and refusals
 * @param outcome {@code ok}, or {@code refused <WSAE code> (<number>): <sentence>}, e.g.
 *        {@code refused WSAEACCES (10013): bundle ... is not signed, ...}
 * @since 1.1
 */
public record HistoryEntry(int number, Instant time, String action, String subject, List<String> changes,
        String outcome) {
    /** The outcome of a change that was made. */
    public static final String OK = "ok";

    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code number} is below 1
     */
    public HistoryEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(outcome, "outcome");
        changes = List.copyOf(changes);
        if (number < 1) {
            throw new IllegalArgumentException("journal entries are numbered from 1: " + number);
        }
    }

    /**
     * Tells a change made from a refused attempt.
     *
     * @return true if the outcome is {@value #OK}
     */
    public boolean succeeded() {
        return OK.equals(outcome);
    }
}
