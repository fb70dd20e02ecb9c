package ws2.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * Runs Gogo scripts one after the other, non-interactively, until the first one fails.
 *
 * <p>Each non-null result is printed on standard output as Gogo's shell prints it. A failure prints
 * {@code error: <message>} on standard error and ends the run.
 */
final class ScriptRunner {

    private final GogoSession session;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param session the session the scripts run in
     * @param out     where results go
     * @param err     where the failure goes
     */
    ScriptRunner(GogoSession session, PrintStream out, PrintStream err) {
        this.session = session;
        this.out = out;
        this.err = err;
    }

    /**
     * Runs scripts given on the command line.
     *
     * @param scripts the scripts, in order
     * @return {@link ExitStatus#OK}, or {@link ExitStatus#COMMAND_FAILED} at the first failure
     */
    int run(List<String> scripts) {
        for (String script : scripts) {
            if (!runOne(script)) {
                return ExitStatus.COMMAND_FAILED;
            }
        }
        return ExitStatus.OK;
    }

    /**
     * Runs each line read as one script, until the end of input.
     *
     * @param lines the input, e.g. standard input
     * @return {@link ExitStatus#OK}, or {@link ExitStatus#COMMAND_FAILED} at the first failure (the lines
     *         after it are not read) or when the input cannot be read
     */
    int run(BufferedReader lines) {
        try {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!runOne(line)) {
                    return ExitStatus.COMMAND_FAILED;
                }
            }
            return ExitStatus.OK;
        } catch (IOException e) {
            return fail("cannot read the commands: " + e.getMessage());
        }
    }

    private boolean runOne(String script) {
        try {
            Object result = session.execute(script);
            if (result != null) {
                out.println(session.format(result));
            }
            out.flush();
            return true;
        } catch (Throwable e) {
            // A command is other bundles' code: whatever it throws fails the run, not the launcher.
            fail(e.getMessage() == null ? e.toString() : e.getMessage());
            return false;
        }
    }

    private int fail(String message) {
        out.flush();
        err.println("error: " + message);
        err.flush();
        return ExitStatus.COMMAND_FAILED;
    }
}
