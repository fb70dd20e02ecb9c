package ws2.market.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.Fixtures;

/** Reading indexes from URLs (issue 7); HTTP is covered in-framework by MarketIT. */
class IndexReaderTest {
    @TempDir
    Path dir;

    private final IndexReader reader = new IndexReader();

    @Test
    void readsPlainAndGzipFiles() throws Exception {
        assertEquals(2, reader.read(Fixtures.url("small-index.xml")).resources().size());
        Path gz = dir.resolve("index.xml.gz");
        try (InputStream in = Fixtures.class.getResourceAsStream("small-index.xml");
                OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            in.transferTo(out);
        }
        assertEquals(2, reader.read(gz.toUri().toString()).resources().size());
    }

    @Test
    void aMissingFileIsWsanoRecoveryNamingTheUrl() {
        String url = dir.resolve("missing.xml").toUri().toString();
        WsaException e = assertThrows(WsaException.class, () -> reader.read(url));
        assertEquals(WsaError.WSANO_RECOVERY, e.error());
        assertTrue(e.getMessage().contains(url + " cannot be read"), e.getMessage());
    }

    @Test
    void badUrlsAreWsaeinval() {
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> reader.read("ftp://host/index.xml")).error());
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> reader.read("index.xml")).error());
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> reader.read("http://bad host/")).error());
    }

    @Test
    void brokenGzipIsWsaeinval() throws IOException {
        Path gz = dir.resolve("index.xml.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 1, 2, 3});
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> reader.read(gz.toUri().toString())).error());
    }
}
