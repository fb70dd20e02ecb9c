package ws2.provider.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
    @TempDir
    Path dir;

    private final Recorder recorder = new Recorder(PcapngWriterTest.CLOCK);

    @Test
    void captureIsOffUntilAFileIsConfigured() throws IOException {
        assertNull(recorder.writer());
        recorder.configure(CaptureSettings.OFF);
        assertNull(recorder.writer());
    }

    @Test
    void theSameSettingsKeepTheWriterAndNewOnesReplaceIt() throws IOException {
        Path file = dir.resolve("a.pcapng");
        recorder.configure(CaptureSettings.of(file.toString(), 65535));
        PcapngWriter first = recorder.writer();
        assertNotNull(first);
        recorder.configure(CaptureSettings.of(file.toString(), 65535));
        assertSame(first, recorder.writer());
        recorder.configure(CaptureSettings.of(file.toString(), 128));
        assertNotSame(first, recorder.writer());
        recorder.stop();
        assertNull(recorder.writer());
        assertEquals(4, PcapngFile.blocks(file).size(), "two sections of two blocks");
    }

    @Test
    void aFileThatCannotBeOpenedLeavesCaptureOff() throws IOException {
        recorder.configure(CaptureSettings.of(dir.resolve("a.pcapng").toString(), 65535));
        assertThrows(IOException.class,
                () -> recorder.configure(CaptureSettings.of(dir.resolve("missing/b.pcapng").toString(), 65535)));
        assertNull(recorder.writer());
    }
}
