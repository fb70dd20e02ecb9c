package ws2.provider.capture;

import java.io.IOException;
import java.time.Clock;

/**
 * The capture in force, shared by every client context of the capture layer: the one
 * {@link PcapngWriter} of the configured file, or none while capture is off. It plays the part of
 * the capture driver all the processes an LSP is loaded into would write through.
 *
 * <p>Thread-safe: the data path reads the writer once per call from a volatile field, without a
 * lock; a configuration change runs under the recorder's lock, closes the old writer, opens the
 * new one and publishes it with one write. Packets recorded while the writer is being replaced are
 * dropped.
 */
final class Recorder {
    private final Clock clock;
    private CaptureSettings settings = CaptureSettings.OFF; // guarded by this
    private volatile PcapngWriter writer;

    /**
     * Creates a recorder with capture off.
     *
     * @param clock the source of packet timestamps
     */
    Recorder(Clock clock) {
        this.clock = clock;
    }

    /**
     * Returns the writer in force.
     *
     * @return the writer, or null while capture is off
     */
    PcapngWriter writer() {
        return writer;
    }

    /**
     * Puts settings in force; settings equal to those in force change nothing, so the file is not
     * split into a new section.
     *
     * @param next the settings
     * @throws IOException if the new file cannot be opened; capture is then off
     */
    synchronized void configure(CaptureSettings next) throws IOException {
        if (next.equals(settings)) {
            return;
        }
        stop();
        if (next.capturing()) {
            writer = PcapngWriter.open(next.file(), next.snaplen(), clock);
            settings = next;
        }
    }

    /** Turns capture off, closing the file. */
    synchronized void stop() {
        PcapngWriter old = writer;
        writer = null;
        settings = CaptureSettings.OFF;
        if (old != null) {
            old.close();
        }
    }
}
