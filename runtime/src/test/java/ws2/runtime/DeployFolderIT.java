package ws2.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.runtime.RuntimeProcess.Outcome;

/**
 * The {@code <home>/deploy} folder, watched by FileInstall while the runtime runs.
 */
class DeployFolderIT {

    private static final String BUNDLE = "ws2.it.dropin";

    @TempDir
    Path temp;

    @Test
    void droppedBundleIsStartedAndDeletedBundleIsRemoved() throws Exception {
        Path home = temp.resolve("home");
        try (RuntimeProcess runtime = RuntimeProcess.start(home, temp.resolve("logs"), List.of())) {
            runtime.command("lb"); // the runtime is up and reads standard input

            Path built = TestBundles.empty(temp.resolve(BUNDLE + ".jar"), BUNDLE);
            Path dropped = Files.move(built, home.resolve("deploy").resolve(built.getFileName()),
                    StandardCopyOption.ATOMIC_MOVE);
            awaitState(runtime, "Active"::equals);

            Files.delete(dropped);
            awaitState(runtime, state -> state == null);

            Outcome outcome = runtime.awaitExit();
            assertEquals(0, outcome.status(), outcome::toString);
        }
    }

    @Test
    void bundleAlreadyInDeployIsActiveForTheFirstCommand() throws Exception {
        Path home = temp.resolve("home");
        Files.createDirectories(home.resolve("deploy"));
        TestBundles.empty(home.resolve("deploy").resolve(BUNDLE + ".jar"), BUNDLE);

        Outcome outcome = RuntimeProcess.run(home, temp.resolve("logs"), "", "-c", "lb -s");

        assertEquals(0, outcome.status(), outcome::toString);
        assertEquals("Active", BundleList.states(outcome.stdout()).get(BUNDLE), outcome::toString);
    }

    /** Lists the bundles until the test bundle's state (null: not installed) is the expected one. */
    private static void awaitState(RuntimeProcess runtime, Predicate<String> expected) throws Exception {
        Instant deadline = Instant.now().plus(RuntimeProcess.DEADLINE);
        String output = "";
        while (Instant.now().isBefore(deadline)) {
            output = runtime.command("lb -s");
            if (expected.test(BundleList.states(output).get(BUNDLE))) {
                return;
            }
            Thread.sleep(200);
        }
        fail("FileInstall did not act on " + BUNDLE + " in time; last list:\n" + output);
    }
}
