package ws2.provider.hosts;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The checked configuration of the ws2 Hosts provider ({@link HostsProvider.Config}).
 *
 * @param file the hosts file
 * @param pollInterval milliseconds between two checks of the file without a lookup
 */
record HostsSettings(Path file, long pollInterval) {
    /** The hosts file when ws2's home has none. */
    static final Path SYSTEM_HOSTS = Path.of("/etc/hosts");
    /** The name of the hosts file in ws2's home folder. */
    static final String HOME_HOSTS = "hosts";
    /** The shortest poll interval accepted, in milliseconds. */
    static final long MIN_POLL_INTERVAL = 10;

    /**
     * Checks a configuration.
     *
     * @param file the configured path; empty for the default: {@code <home>/hosts} if {@code home}
     *        is given and that file exists, else {@code /etc/hosts}
     * @param pollInterval the configured interval in milliseconds
     * @param home ws2's home folder (framework property {@code ws2.home}), or null
     * @return the settings
     * @throws IllegalArgumentException for a path the platform cannot represent or an interval
     *         below {@value #MIN_POLL_INTERVAL}
     */
    static HostsSettings of(String file, long pollInterval, String home) {
        if (pollInterval < MIN_POLL_INTERVAL) {
            throw new IllegalArgumentException("pollInterval " + pollInterval + " is below " + MIN_POLL_INTERVAL
                    + " ms");
        }
        return new HostsSettings(file.isBlank() ? defaultFile(home) : Path.of(file.strip()), pollInterval);
    }

    private static Path defaultFile(String home) {
        if (home != null && !home.isBlank()) {
            Path inHome = Path.of(home, HOME_HOSTS);
            if (Files.isRegularFile(inHome)) {
                return inHome;
            }
        }
        return SYSTEM_HOSTS;
    }

    @Override
    public String toString() {
        return "hosts file " + file + ", checked every " + pollInterval + " ms";
    }
}
