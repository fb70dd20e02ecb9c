package ws2.runtime;

import java.io.PrintStream;

import org.apache.felix.framework.Logger;

/**
 * Felix's own log, written to standard error instead of Felix's default, standard output, which carries
 * the results of commands.
 */
final class StderrLogger extends Logger {

    private static final String[] LEVELS = {"", "ERROR", "WARNING", "INFO", "DEBUG"};

    private final PrintStream err;

    /**
     * @param err the process's standard error
     */
    StderrLogger(PrintStream err) {
        this.err = err;
    }

    @Override
    protected void doLogOut(int level, String message, Throwable throwable) {
        String name = level > 0 && level < LEVELS.length ? LEVELS[level] : String.valueOf(level);
        err.println("felix " + name + ": " + message + (throwable == null ? "" : " (" + throwable + ")"));
    }
}
