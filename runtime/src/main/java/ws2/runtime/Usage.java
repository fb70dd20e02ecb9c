package ws2.runtime;

import java.io.PrintStream;

/**
 * The text {@code --help} prints, also shown on standard error after a usage error.
 */
final class Usage {

    private static final String TEXT = """
            usage: java [-Dws2.home=<folder>] [-D<property>=<value>...] -jar ws2-runtime.jar [options]

            Starts the ws2 runtime: the OSGi framework with ws2 and its providers.

              (no options, standard input is a terminal)
                               interactive Gogo shell; Ctrl-D or 'exit 0' stops the runtime
              (no options, standard input is not a terminal)
                               runs each line of standard input as a Gogo script, then stops
              -c, --command <script>
                               runs the Gogo script, then stops; may be repeated, the scripts
                               run in order; standard input is not read for commands
              -h, --help       prints this text

            Each non-null result is printed on standard output. The first failing command prints
            'error: <message>' on standard error, and the commands after it do not run.

            Exit status: 0 success, 1 a command failed, 2 usage error,
                         3 the runtime did not start (a bundle failed to resolve or start),
                         4 the launcher failed (a bug; see standard error).

            Folders (under ws2.home, default: the current folder; created when missing):
              <home>/deploy              bundle jars dropped here are installed and started,
                                         deleting them uninstalls them
              <home>/data                ws2's data, e.g. the catalog (framework property ws2.data.dir)
              <home>/data/felix-cache    the framework's storage, cleaned at every start
              <home>/data/gosh           Gogo's home (gosh.home) in non-interactive runs

            Every -Dws2.*, -Dfelix.*, -Dorg.osgi.* and -Dgosh.* system property is passed to the
            framework and overrides the launcher's default (e.g. -Dfelix.fileinstall.poll=200).
            The SLF4J simple logger reads -Dorg.slf4j.simpleLogger.* (default: INFO, on standard
            error); java.util.logging logs warnings unless -Djava.util.logging.config.file is given.
            """;

    private Usage() {
    }

    /**
     * Prints the usage text.
     *
     * @param out where to print it
     */
    static void print(PrintStream out) {
        out.print(TEXT);
        out.flush();
    }
}
