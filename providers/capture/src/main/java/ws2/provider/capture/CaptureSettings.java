package ws2.provider.capture;

import java.nio.file.Path;

/**
 * A checked configuration of the capture layer (PID {@value CaptureProvider#PID}): where to write
 * and how much of each packet, what a capture filter driver would take from its control panel.
 *
 * @param file the pcapng file, or null when capture is off (the layer only forwards)
 * @param snaplen the most bytes of each packet kept
 */
record CaptureSettings(Path file, int snaplen) {
    /** Capture off. */
    static final CaptureSettings OFF = new CaptureSettings(null, CaptureProvider.DEFAULT_SNAPLEN);

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException naming a snapshot length below 1
     */
    CaptureSettings {
        if (snaplen < 1) {
            throw new IllegalArgumentException("snaplen must be at least 1, not " + snaplen);
        }
    }

    /**
     * Reads the configuration properties.
     *
     * @param file the {@code file} property; blank means capture off
     * @param snaplen the {@code snaplen} property
     * @return the settings
     * @throws IllegalArgumentException naming a bad snapshot length or a path the file system refuses
     */
    static CaptureSettings of(String file, int snaplen) {
        return new CaptureSettings(file.isBlank() ? null : Path.of(file.strip()).toAbsolutePath(), snaplen);
    }

    /**
     * Tells whether these settings capture anything.
     *
     * @return true when a file is set
     */
    boolean capturing() {
        return file != null;
    }

    @Override
    public String toString() {
        return capturing() ? "capturing to " + file + ", snaplen " + snaplen : "capture off";
    }
}
