package ws2.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.util.List;

/**
 * The main class of {@code ws2-runtime.jar}: starts the ws2 runtime and runs the shell or the given
 * commands.
 *
 * <p>Modes, chosen from the command line ({@link Options}, {@link Usage}):
 * <ul>
 * <li>{@code -c <script>}, repeatable: the scripts run in order, then the runtime stops;</li>
 * <li>no {@code -c} and standard input not a terminal: each line of standard input runs as a script, then
 * the runtime stops at the end of input;</li>
 * <li>otherwise gogo.jline's interactive shell owns the terminal and the launcher waits until the framework
 * stops (Ctrl-D or {@code exit 0} in the shell).</li>
 * </ul>
 * The process exits with an {@link ExitStatus}.
 */
public final class Launcher {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param in  standard input
     * @param out standard output, captured before Gogo replaces {@code System.out} with its own stream
     * @param err standard error, likewise
     */
    Launcher(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs the launcher and exits the JVM with its {@link ExitStatus}.
     *
     * @param args the command line, see {@link Usage}
     */
    public static void main(String[] args) {
        int status;
        try {
            status = new Launcher(System.in, System.out, System.err).run(args);
        } catch (RuntimeException | Error e) {
            // a bug: report it and still end the process, which the framework's threads would keep alive
            e.printStackTrace();
            status = ExitStatus.INTERNAL_ERROR;
        }
        System.exit(status);
    }

    /**
     * Runs the launcher.
     *
     * @param args the command line
     * @return the {@link ExitStatus}
     */
    int run(String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            Usage.print(err);
            return ExitStatus.USAGE;
        }
        if (options.help()) {
            Usage.print(out);
            return ExitStatus.OK;
        }
        try {
            return launch(options.scripts());
        } catch (BootException e) {
            err.println("error: the ws2 runtime did not start");
            e.problems().forEach(problem -> err.println("  " + problem));
            return ExitStatus.BOOT_FAILED;
        }
    }

    private int launch(List<String> scripts) throws BootException {
        boolean interactive = scripts.isEmpty() && Stdin.isTerminal();
        try (Ws2Runtime runtime = boot(interactive)) {
            return interactive ? awaitShellExit(runtime) : runScripts(runtime, scripts);
        }
    }

    private Ws2Runtime boot(boolean interactive) throws BootException {
        RuntimeHome home = RuntimeHome.fromSystemProperties();
        try {
            home.prepare(interactive);
        } catch (IOException e) {
            throw new BootException("cannot create the folders of " + home.home() + ": " + e);
        }
        LibraryDefaults.apply(interactive);
        try (EmbeddedBundles bundles = EmbeddedBundles.open()) {
            return Ws2Runtime.boot(FrameworkProperties.of(home, interactive, System.getProperties()), bundles, err);
        } catch (IOException e) {
            throw new BootException("cannot read the launcher's jar: " + e);
        }
    }

    private static int awaitShellExit(Ws2Runtime runtime) {
        try {
            runtime.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return ExitStatus.OK;
    }

    private int runScripts(Ws2Runtime runtime, List<String> scripts) throws BootException {
        // Scripts read from standard input leave the session an empty input, or a command could eat them.
        InputStream sessionIn = scripts.isEmpty() ? InputStream.nullInputStream() : in;
        try (GogoSession session = GogoSession.open(runtime.context(), sessionIn, out, err)) {
            ScriptRunner runner = new ScriptRunner(session, out, err);
            return scripts.isEmpty() ? runner.run(new BufferedReader(new InputStreamReader(in))) : runner.run(scripts);
        }
    }
}
