package ws2.runtime;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The built {@code ws2-runtime.jar} run as a child process, the way a user runs it: {@code java
 * -Dws2.home=<home> -jar ws2-runtime.jar ...} with the JVM that runs the tests. Standard output and error go
 * to files; standard input stays open until {@link #awaitExit()}.
 */
final class RuntimeProcess implements AutoCloseable {

    /** How long any one step may take before the test fails; a deadline, not a performance assertion. */
    static final Duration DEADLINE = Duration.ofSeconds(60);

    private static final Path JAR = Path.of(System.getProperty("ws2.runtime.jar", "target/ws2-runtime.jar"));
    private static final Duration POLL = Duration.ofMillis(50);

    private final Process process;
    private final Writer stdin;
    private final Path stdout;
    private final Path stderr;
    private int consumed;
    private int markers;

    private RuntimeProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), Charset.defaultCharset());
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /**
     * Starts the runtime.
     *
     * @param home        the ws2 home folder ({@code -Dws2.home})
     * @param logs        where {@code stdout.txt} and {@code stderr.txt} are written
     * @param javaOptions further JVM options, e.g. {@code -Dfelix.fileinstall.poll=200}
     * @param args        the launcher's arguments
     * @return the running process
     * @throws IOException if it cannot be started
     */
    static RuntimeProcess start(Path home, Path logs, List<String> javaOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-D" + RuntimeHome.HOME_PROPERTY + "=" + home);
        command.addAll(javaOptions);
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        command.addAll(List.of(args));
        Files.createDirectories(logs);
        Path stdout = logs.resolve("stdout.txt");
        Path stderr = logs.resolve("stderr.txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile())
                .start();
        return new RuntimeProcess(process, stdout, stderr);
    }

    /**
     * Runs the runtime to its end.
     *
     * @param home  the ws2 home folder
     * @param logs  where the output files are written
     * @param input the whole standard input; it is closed after it
     * @param args  the launcher's arguments
     * @return how it ended
     * @throws IOException          if it cannot be started
     * @throws InterruptedException if the test is interrupted
     */
    static Outcome run(Path home, Path logs, String input, String... args) throws IOException, InterruptedException {
        try (RuntimeProcess runtime = start(home, logs, List.of(), args)) {
            runtime.stdin.write(input);
            return runtime.awaitExit();
        }
    }

    /**
     * Sends one line on standard input and waits until its output is complete: a marker {@code echo} follows
     * the line, and the output up to the marker is the line's.
     *
     * @param line a Gogo script
     * @return what the line printed on standard output
     * @throws IOException          if the process cannot be written to or read from
     * @throws InterruptedException if the test is interrupted
     */
    String command(String line) throws IOException, InterruptedException {
        String marker = "end-of-command-" + ++markers;
        stdin.write(line + "\necho " + marker + "\n");
        stdin.flush();
        Instant deadline = Instant.now().plus(DEADLINE);
        while (true) {
            String out = Files.readString(stdout);
            int end = out.indexOf(marker, consumed);
            if (end >= 0) {
                String output = out.substring(consumed, end);
                consumed = end + marker.length();
                return output;
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                fail("no output for '" + line + "' (alive: " + process.isAlive() + ")\nstdout:\n" + out
                        + "\nstderr:\n" + Files.readString(stderr));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Closes standard input and waits for the process to end.
     *
     * @return how it ended
     * @throws IOException          if the output cannot be read
     * @throws InterruptedException if the test is interrupted
     */
    Outcome awaitExit() throws IOException, InterruptedException {
        stdin.close();
        if (!process.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the runtime did not stop\nstdout:\n" + Files.readString(stdout) + "\nstderr:\n"
                    + Files.readString(stderr));
        }
        return new Outcome(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /**
     * How a run ended.
     *
     * @param status the exit status
     * @param stdout everything printed on standard output
     * @param stderr everything printed on standard error
     */
    record Outcome(int status, String stdout, String stderr) {

        @Override
        public String toString() {
            return "exit status " + status + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
        }
    }
}
