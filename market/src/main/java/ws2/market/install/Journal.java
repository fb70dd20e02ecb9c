package ws2.market.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.HistoryEntry;

/**
 * The marketplace's audit journal: a UTF-8 text file, one record per line, appended and never
 * rewritten. A line is {@code time TAB action TAB subject TAB changes TAB outcome}, the changes
 * separated by {@code "; "}; tabs and line breaks in a field are written as spaces. Records are
 * numbered by their line, from 1. Thread-safe. After each record is written by {@link #append}, and
 * outside the journal's lock, its number is passed to the listener given at construction (the
 * marketplace announces it as a WinEvent), so a listener may read the journal; records of changes
 * announced elsewhere are written by {@link #appendQuietly}, which tells no one.
 */
public final class Journal {
    /** The file's name in the marketplace's folder. */
    public static final String FILE_NAME = "journal.log";

    private final Path file;
    private final Clock clock;
    private final IntConsumer written;

    /**
     * Creates a journal that tells no one of its records.
     *
     * @param folder the folder of the file; created when first written
     * @param clock gives the records' times
     */
    public Journal(Path folder, Clock clock) {
        this(folder, clock, number -> {
        });
    }

    /**
     * Creates the journal.
     *
     * @param folder the folder of the file; created when first written
     * @param clock gives the records' times
     * @param written receives the number of each record written, after the write, on the writer's
     *        thread and outside the journal's lock; it must not throw
     */
    public Journal(Path folder, Clock clock, IntConsumer written) {
        this.file = Objects.requireNonNull(folder, "folder").resolve(FILE_NAME);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.written = Objects.requireNonNull(written, "written");
    }

    /**
     * Returns the file's path.
     *
     * @return {@code <folder>/journal.log}
     */
    public Path path() {
        return file;
    }

    /**
     * Appends a record, then passes its number to the listener.
     *
     * @param action what was done
     * @param subject to what
     * @param changes the bundles changed
     * @param outcome {@value HistoryEntry#OK} or {@code refused <code> (<number>): <sentence>}
     * @return the record as {@link #read} will return it
     * @throws WsaException {@code WSANO_RECOVERY} naming the file if it cannot be written (the
     *         listener is then not called)
     */
    public HistoryEntry append(String action, String subject, List<Change> changes, String outcome)
            throws WsaException {
        HistoryEntry entry = write(action, subject, changes, outcome);
        written.accept(entry.number());
        return entry;
    }

    /**
     * Appends a record without passing its number to the listener: for changes someone else has
     * already announced (the catalog changes ws2.core notifies on the WinEvent bus).
     *
     * @param action what was done
     * @param subject to what
     * @param changes the bundles changed
     * @param outcome {@value HistoryEntry#OK} or {@code refused <code> (<number>): <sentence>}
     * @return the record as {@link #read} will return it
     * @throws WsaException {@code WSANO_RECOVERY} naming the file if it cannot be written
     */
    public HistoryEntry appendQuietly(String action, String subject, List<Change> changes, String outcome)
            throws WsaException {
        return write(action, subject, changes, outcome);
    }

    private synchronized HistoryEntry write(String action, String subject, List<Change> changes, String outcome)
            throws WsaException {
        Instant now = clock.instant();
        String line = String.join("\t", now.toString(), clean(action), clean(subject),
                String.join("; ", changes.stream().map(Change::toString).toList()), clean(outcome)) + "\n";
        int number = read().size() + 1;
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the marketplace journal " + file + " cannot be written: " + e, e);
        }
        return new HistoryEntry(number, now, clean(action), clean(subject),
                changes.stream().map(Change::toString).toList(), clean(outcome));
    }

    /**
     * Appends a refusal.
     *
     * @param action what was attempted
     * @param subject on what
     * @param refusal why it was refused
     * @throws WsaException {@code WSANO_RECOVERY} if the journal cannot be written
     */
    public void refused(String action, String subject, WsaException refusal) throws WsaException {
        append(action, subject, List.of(), outcome(refusal));
    }

    /**
     * Writes the outcome of a refusal.
     *
     * @param refusal the exception
     * @return {@code refused <code> (<number>): <sentence>}
     */
    public static String outcome(WsaException refusal) {
        return "refused " + refusal.getMessage();
    }

    /**
     * Reads every record.
     *
     * @return the records, oldest first
     * @throws WsaException {@code WSANO_RECOVERY} naming the file and line if it cannot be read or is malformed
     */
    public synchronized List<HistoryEntry> read() throws WsaException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the marketplace journal " + file + " cannot be read: " + e, e);
        }
        List<HistoryEntry> out = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 5) {
                    throw new IllegalArgumentException("5 tab-separated fields expected, " + f.length + " found");
                }
                List<String> changes = f[3].isEmpty() ? List.of() : Arrays.asList(f[3].split("; "));
                for (String c : changes) {
                    Change.parse(c);
                }
                out.add(new HistoryEntry(out.size() + 1, Instant.parse(f[0]), f[1], f[2], changes, f[4]));
            } catch (IllegalArgumentException | DateTimeParseException | WsaException e) {
                throw new WsaException(WsaError.WSANO_RECOVERY, "the marketplace journal " + file + " has a malformed line "
                        + (out.size() + 1) + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Computes what a rollback puts back: for each bundle changed by the given entry or a later
     * successful one, its version before the first of them.
     *
     * @param entries the journal
     * @param entry the number of the entry rolled back to (the state before it)
     * @return version by bundle, the empty string standing for "not installed", in journal order
     * @throws WsaException {@code WSAEINVAL} if there is no such entry; {@code WSANO_RECOVERY} for a malformed change
     */
    public static Map<String, String> before(List<HistoryEntry> entries, int entry) throws WsaException {
        if (entry < 1 || entry > entries.size()) {
            throw new WsaException(WsaError.WSAEINVAL, "the marketplace journal has no entry " + entry + " (it has "
                    + entries.size() + ")");
        }
        Map<String, String> target = new LinkedHashMap<>();
        for (HistoryEntry e : entries.subList(entry - 1, entries.size())) {
            if (e.succeeded()) {
                for (String c : e.changes()) {
                    Change change = Change.parse(c);
                    target.putIfAbsent(change.symbolicName(), change.from());
                }
            }
        }
        return target;
    }

    private static String clean(String field) {
        return field.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
