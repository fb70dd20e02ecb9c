package ws2.runtime;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.runtime.RuntimeProcess.Outcome;

/**
 * The runtime jar's command line, modes and exit statuses, run as a user runs them.
 */
class RuntimeIT {

    private static final List<String> PRODUCT_BUNDLES =
            List.of("ws2.api", "ws2.core", "ws2.provider.tcpip", "org.apache.felix.scr");

    @TempDir
    Path temp;

    private Path home;

    @BeforeEach
    void locateHome() {
        home = temp.resolve("home");
    }

    @Test
    void commandListsEveryBundleActiveAndExitsZero() throws Exception {
        Outcome outcome = run("", "-c", "lb -s");

        Map<String, String> states = BundleList.states(outcome.stdout());
        assertEquals(0, outcome.status(), outcome::toString);
        assertAll(PRODUCT_BUNDLES.stream().map(name -> () -> assertEquals("Active", states.get(name), name)));
        assertTrue(states.values().stream().allMatch("Active"::equals), states::toString);
        assertFalse(outcome.stderr().contains("No SLF4J providers"), outcome::toString);
    }

    @Test
    void commandCreatesTheDeployAndDataFolders() throws Exception {
        Outcome outcome = run("", "-c", "lb");

        assertEquals(0, outcome.status(), outcome::toString);
        assertTrue(Files.isDirectory(home.resolve("deploy")), "deploy");
        assertTrue(Files.isDirectory(home.resolve("data")), "data");
    }

    @Test
    void unknownCommandExitsOneWithAnError() throws Exception {
        Outcome outcome = run("", "-c", "nosuchcommand");

        assertEquals(1, outcome.status(), outcome::toString);
        assertTrue(outcome.stderr().contains("error: ") && outcome.stderr().contains("nosuchcommand"),
                outcome::toString);
    }

    @Test
    void commandsRunInTheirOrder() throws Exception {
        Outcome outcome = run("", "-c", "echo first", "-c", "echo second");

        assertEquals(0, outcome.status(), outcome::toString);
        int first = outcome.stdout().indexOf("first");
        assertTrue(first >= 0 && first < outcome.stdout().indexOf("second"), outcome::toString);
    }

    @Test
    void commandsStopAtTheFirstFailure() throws Exception {
        Outcome outcome = run("", "-c", "echo first", "-c", "nosuchcommand", "-c", "echo third");

        assertEquals(1, outcome.status(), outcome::toString);
        assertTrue(outcome.stdout().contains("first"), outcome::toString);
        assertFalse(outcome.stdout().contains("third"), outcome::toString);
    }

    @Test
    void pipedStandardInputRunsEachLineAndExitsZero() throws Exception {
        Outcome outcome = run("echo hello\nlb -s\n");

        assertEquals(0, outcome.status(), outcome::toString);
        assertTrue(outcome.stdout().contains("hello"), outcome::toString);
        assertEquals("Active", BundleList.states(outcome.stdout()).get("ws2.core"), outcome::toString);
    }

    @Test
    void pipedStandardInputStopsAtTheFirstFailingLine() throws Exception {
        Outcome outcome = run("echo before\nnosuchcommand\necho after\n");

        assertEquals(1, outcome.status(), outcome::toString);
        assertTrue(outcome.stdout().contains("before"), outcome::toString);
        assertFalse(outcome.stdout().contains("after"), outcome::toString);
        assertTrue(outcome.stderr().contains("error: "), outcome::toString);
    }

    @Test
    void helpPrintsUsageAndExitsZero() throws Exception {
        Outcome outcome = run("", "--help");

        assertEquals(0, outcome.status(), outcome::toString);
        assertTrue(outcome.stdout().contains("usage:") && outcome.stdout().contains("ws2.home"), outcome::toString);
    }

    @Test
    void unknownOptionPrintsUsageAndExitsTwo() throws Exception {
        Outcome outcome = run("", "--no-such-option");

        assertEquals(2, outcome.status(), outcome::toString);
        assertTrue(outcome.stderr().contains("--no-such-option") && outcome.stderr().contains("usage:"),
                outcome::toString);
    }

    @Test
    void bundleThatCannotResolveStopsTheRuntimeWithExitThree() throws Exception {
        // -Dorg.osgi.* overrides the framework's defaults; without org.osgi.framework exported nothing resolves
        try (RuntimeProcess runtime = RuntimeProcess.start(home, temp,
                List.of("-Dorg.osgi.framework.system.packages=java.lang"), "-c", "lb")) {
            Outcome outcome = runtime.awaitExit();

            assertEquals(3, outcome.status(), outcome::toString);
            assertTrue(outcome.stderr().contains("did not start") && outcome.stderr().contains("bundle "),
                    outcome::toString);
            assertFalse(outcome.stdout().contains("START LEVEL"), outcome::toString);
        }
    }

    private Outcome run(String input, String... args) throws IOException, InterruptedException {
        return RuntimeProcess.run(home, temp, input, args);
    }
}
