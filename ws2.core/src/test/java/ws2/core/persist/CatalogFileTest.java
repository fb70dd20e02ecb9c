package ws2.core.persist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogEditor;

/** The catalog file: round trip, atomic replacement, and what happens to a bad file. */
class CatalogFileTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private static CatalogData sample() throws WsaException {
        CatalogEditor e = new CatalogEditor(CatalogData.EMPTY);
        UUID guid = UUID.fromString("11111111-2222-3333-4444-555555555555");
        e.installProvider(CatalogView.NATIVE, guid, "file:/x.jar", List.of(ProtocolInfo.builder().triple(2, 1, 6)
                .sockAddrLengths(16, 16).protocolName("name with [brackets], \"quotes\" and ünïcödé").build()));
        e.installProviderAndChains(CatalogView.NATIVE, new UUID(1, 2), "lsp", "LSP", 0, null);
        e.installProvider(CatalogView.COMPAT32, guid, "file:/x32.jar", List.of(ProtocolInfo.builder().triple(23, 2, 17)
                .sockAddrLengths(28, 28).protocolName("v6").build()));
        e.setApplicationCategory("app", "-k svc", 0x80000000);
        return e.toData();
    }

    @Test
    void roundTripsEveryField() throws Exception {
        CatalogFile f = new CatalogFile(dir, CLOCK);
        CatalogData d = sample();
        f.save(d);
        CatalogFile.Loaded loaded = f.load();
        assertNull(loaded.problem());
        assertEquals(d, loaded.data());
        assertTrue(Files.readString(f.path()).startsWith("ws2-catalog 1 sha256="));
        assertTrue(Files.notExists(dir.resolve(CatalogFile.FILE_NAME + ".tmp")), "no temporary file is left behind");
    }

    @Test
    void aMissingFileIsTheEmptyCatalog() throws IOException {
        CatalogFile.Loaded loaded = new CatalogFile(dir, CLOCK).load();
        assertEquals(CatalogData.EMPTY, loaded.data());
        assertNull(loaded.problem());
    }

    @Test
    void aTruncatedFileIsKeptAsideAndTheEmptyCatalogUsed() throws Exception {
        CatalogFile f = new CatalogFile(dir, CLOCK);
        f.save(sample());
        byte[] all = Files.readAllBytes(f.path());
        Files.write(f.path(), java.util.Arrays.copyOf(all, all.length / 2));
        CatalogFile.Loaded loaded = f.load();
        assertEquals(CatalogData.EMPTY, loaded.data());
        assertTrue(loaded.problem().contains("checksum mismatch"), loaded.problem());
        assertNotNull(loaded.keptAside());
        assertEquals("catalog.json.corrupt-20261121T100000.000Z", loaded.keptAside().getFileName().toString());
        assertEquals(all.length / 2, Files.size(loaded.keptAside()), "the bad file is kept as it was");
        assertTrue(Files.notExists(f.path()));
    }

    @Test
    void anAlteredByteIsDetectedEvenWhenTheJsonStillParses() throws Exception {
        CatalogFile f = new CatalogFile(dir, CLOCK);
        f.save(sample());
        String text = Files.readString(f.path());
        String altered = text.replaceFirst("\"nextId\": (\\d+)", "\"nextId\": 9$1");
        assertTrue(!altered.equals(text), "the test must change the file");
        Files.writeString(f.path(), altered);
        assertTrue(f.load().problem().contains("checksum mismatch"));
    }

    @Test
    void aFileWithoutHeaderIsRejected() throws Exception {
        Files.writeString(dir.resolve(CatalogFile.FILE_NAME), "{}");
        CatalogFile.Loaded loaded = new CatalogFile(dir, CLOCK).load();
        assertTrue(loaded.problem().contains("no header line"), loaded.problem());
    }
}
