package ws2.market.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.HistoryEntry;

class JournalTest {
    static final Instant T = Instant.parse("2024-05-01T10:00:00Z");

    @TempDir
    Path dir;

    private Journal journal() {
        return new Journal(dir.resolve("market"), Clock.fixed(T, ZoneOffset.UTC));
    }

    @Test
    void recordsAreAppendedNumberedAndReadBackNewestLast() throws WsaException {
        Journal j = journal();
        assertEquals(List.of(), j.read());
        HistoryEntry added = j.append("add-source", "http://x/index.xml", List.of(), HistoryEntry.OK);
        HistoryEntry installed = j.append("install", "a", List.of(new Change("a", "", "1.0.0"), new Change("b", "", "2.0.0")),
                HistoryEntry.OK);
        j.refused("install", "c", new WsaException(WsaError.WSAEINVAL, "the download of c\tdoes not match\nits index"));
        List<HistoryEntry> all = new Journal(dir.resolve("market"), Clock.systemUTC()).read();
        assertEquals(3, all.size());
        assertEquals(added, all.get(0));
        assertEquals(installed, all.get(1));
        assertEquals(List.of("a none -> 1.0.0", "b none -> 2.0.0"), all.get(1).changes());
        assertEquals(new HistoryEntry(3, T, "install", "c", List.of(),
                "refused WSAEINVAL (10022): the download of c does not match its index"), all.get(2));
        assertFalse(all.get(2).succeeded());
        assertTrue(all.get(1).succeeded());
    }

    @Test
    void aMalformedLineIsWsanoRecoveryNamingIt() throws Exception {
        Journal j = journal();
        j.append("install", "a", List.of(new Change("a", "", "1.0.0")), HistoryEntry.OK);
        Files.writeString(j.path(), "garbage\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        WsaException e = assertThrows(WsaException.class, j::read);
        assertEquals(WsaError.WSANO_RECOVERY, e.error());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void changesRoundTrip() throws WsaException {
        for (Change c : List.of(new Change("a", "", "1.0.0"), new Change("a", "1.0.0", ""), new Change("a", "1.0.0", "1.1.0"))) {
            assertEquals(c, Change.parse(c.toString()));
        }
        assertThrows(WsaException.class, () -> Change.parse("a 1.0.0 1.1.0"));
        assertThrows(IllegalArgumentException.class, () -> new Change("a", "1.0.0", "1.0.0"));
    }

    @Test
    void aRollbackPutsBackTheVersionsBeforeTheEntryIgnoringRefusals() throws WsaException {
        Journal j = journal();
        j.append("install", "a", List.of(new Change("a", "", "1.0.0")), HistoryEntry.OK);              // 1
        j.append("update", "a", List.of(new Change("a", "1.0.0", "1.1.0"), new Change("b", "", "2.0.0")), HistoryEntry.OK); // 2
        j.refused("install", "c", new WsaException(WsaError.WSAEACCES, "unsigned"));                   // 3
        j.append("uninstall", "a", List.of(new Change("a", "1.1.0", "")), HistoryEntry.OK);            // 4
        j.append("update", "b", List.of(new Change("b", "2.0.0", "2.1.0")), HistoryEntry.OK);          // 5
        List<HistoryEntry> all = j.read();

        assertEquals(Map.of("b", "2.0.0"), Journal.before(all, 5));
        Map<String, String> before4 = new LinkedHashMap<>();
        before4.put("a", "1.1.0");
        before4.put("b", "2.0.0");
        assertEquals(before4, Journal.before(all, 4));
        assertEquals(before4, Journal.before(all, 3));
        assertEquals(Map.of("a", "1.0.0", "b", ""), Journal.before(all, 2));
        assertEquals(Map.of("a", "", "b", ""), Journal.before(all, 1));
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> Journal.before(all, 6)).error());
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> Journal.before(all, 0)).error());
    }

    @Test
    void eachRecordWrittenIsPassedToTheListenerAfterTheWriteOutsideTheLock() throws WsaException {
        List<String> told = new java.util.ArrayList<>();
        Journal[] j = new Journal[1];
        j[0] = new Journal(dir.resolve("market"), Clock.fixed(T, ZoneOffset.UTC), number -> {
            try {
                told.add(number + " of " + j[0].read().size() + (Thread.holdsLock(j[0]) ? " locked" : ""));
            } catch (WsaException e) {
                throw new AssertionError(e);
            }
        });
        j[0].append("add-source", "http://x/index.xml", List.of(), HistoryEntry.OK);
        j[0].refused("install", "c", new WsaException(WsaError.WSAEINVAL, "no"));
        assertEquals(List.of("1 of 1", "2 of 2"), told);
    }

    @Test
    void aRecordThatCannotBeWrittenIsNotPassedOn() throws Exception {
        Path blocked = dir.resolve("blocked");
        Files.writeString(blocked, "a file where the folder should be");
        List<Integer> told = new java.util.ArrayList<>();
        Journal j = new Journal(blocked, Clock.systemUTC(), told::add);
        assertThrows(WsaException.class, () -> j.append("install", "a", List.of(), HistoryEntry.OK));
        assertEquals(List.of(), told);
    }
}
