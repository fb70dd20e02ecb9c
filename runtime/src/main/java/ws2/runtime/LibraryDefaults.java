package ws2.runtime;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The launcher's defaults for the libraries inside the framework that read JVM-wide settings: the SLF4J
 * simple logger and JLine read system properties, SPI Fly, FileInstall and JLine log through
 * {@code java.util.logging}. The user's own settings ({@code -D...}) win.
 */
final class LibraryDefaults {

    private static final Map<String, String> LOGGING = Map.of(
            "org.slf4j.simpleLogger.defaultLogLevel", "info",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.logFile", "System.err");

    /**
     * JLine's terminal provider: gogo.jline builds a terminal even when it runs no shell; a non-interactive
     * run gives it a dumb one rather than probing the terminal (and warning when there is none).
     */
    private static final String JLINE_PROVIDER = "org.jline.terminal.provider";

    private static final String JUL_CONFIG_FILE = "java.util.logging.config.file";
    private static final String JUL_CONFIG_CLASS = "java.util.logging.config.class";

    private LibraryDefaults() {
    }

    /**
     * Applies each default the user did not set.
     *
     * @param interactive whether the shell will run on a terminal
     */
    static void apply(boolean interactive) {
        LOGGING.forEach(LibraryDefaults::setIfAbsent);
        if (!interactive) {
            setIfAbsent(JLINE_PROVIDER, "dumb");
        }
        if (System.getProperty(JUL_CONFIG_FILE) == null && System.getProperty(JUL_CONFIG_CLASS) == null) {
            // SPI Fly announces every provider it registers at INFO
            Logger.getLogger("").setLevel(Level.WARNING);
        }
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
