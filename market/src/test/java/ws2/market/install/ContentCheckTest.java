package ws2.market.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaError;
import ws2.api.WsaException;

class ContentCheckTest {
    /** SHA-256 of "abc" (FIPS 180-2 test vector). */
    static final String ABC = "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD";

    @TempDir
    Path dir;

    @Test
    void theHashOfTheIndexIsAcceptedInAnyCase() throws Exception {
        Path f = Files.writeString(dir.resolve("a.jar"), "abc", StandardCharsets.US_ASCII);
        assertEquals(ABC, ContentCheck.sha256(f));
        assertEquals(ABC, ContentCheck.verify("x 1.0.0", f, ABC.toLowerCase()));
    }

    @Test
    void aMismatchNamesTheBundleAndBothHashes() throws Exception {
        Path f = Files.writeString(dir.resolve("a.jar"), "abd", StandardCharsets.US_ASCII);
        WsaException e = assertThrows(WsaException.class, () -> ContentCheck.verify("ws2.provider.x 1.0.0", f, ABC));
        assertEquals(WsaError.WSAEINVAL, e.error());
        assertTrue(e.getMessage().contains("ws2.provider.x 1.0.0"), e.getMessage());
        assertTrue(e.getMessage().contains(ABC), e.getMessage());
        assertTrue(e.getMessage().contains(ContentCheck.sha256(f)), e.getMessage());
    }

    @Test
    void aDownloadReportsProgressAndMustHaveTheIndexSize() throws Exception {
        Path from = Files.write(dir.resolve("from.jar"), new byte[100_000]);
        List<String> lines = new ArrayList<>();
        new Download().fetch("ws2.provider.x", from.toUri().toString(), 100_000, dir.resolve("to.jar"), lines::add);
        assertEquals(List.of("downloading ws2.provider.x 32 KiB / 98 KiB", "downloading ws2.provider.x 64 KiB / 98 KiB",
                "downloading ws2.provider.x 96 KiB / 98 KiB", "downloading ws2.provider.x 98 KiB / 98 KiB"), lines);
        assertEquals(100_000, Files.size(dir.resolve("to.jar")));

        WsaException longer = assertThrows(WsaException.class, () -> new Download().fetch("ws2.provider.x",
                from.toUri().toString(), 99_999, dir.resolve("to2.jar"), l -> { }));
        assertEquals(WsaError.WSAEINVAL, longer.error());
        WsaException shorter = assertThrows(WsaException.class, () -> new Download().fetch("ws2.provider.x",
                from.toUri().toString(), 100_001, dir.resolve("to3.jar"), l -> { }));
        assertEquals(WsaError.WSAEINVAL, shorter.error());
        WsaException missing = assertThrows(WsaException.class, () -> new Download().fetch("ws2.provider.x",
                dir.resolve("nothing.jar").toUri().toString(), 1, dir.resolve("to4.jar"), l -> { }));
        assertEquals(WsaError.WSANO_RECOVERY, missing.error());
    }
}
