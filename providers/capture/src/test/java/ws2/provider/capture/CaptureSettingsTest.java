package ws2.provider.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

class CaptureSettingsTest {
    @Test
    void aBlankFileMeansCaptureOff() {
        CaptureSettings s = CaptureSettings.of("  ", 100);
        assertFalse(s.capturing());
        assertEquals("capture off", s.toString());
    }

    @Test
    void aFileIsMadeAbsolute() {
        CaptureSettings s = CaptureSettings.of(" ws2.pcapng ", 100);
        assertTrue(s.capturing());
        assertEquals(Path.of("ws2.pcapng").toAbsolutePath(), s.file());
        assertEquals("capturing to " + s.file() + ", snaplen 100", s.toString());
    }

    @Test
    void aSnapshotLengthBelowOneIsRefusedByValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CaptureSettings.of("x", 0));
        assertEquals("snaplen must be at least 1, not 0", e.getMessage());
    }
}
