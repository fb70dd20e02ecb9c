package ws2.it;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * What every in-framework test of ws2 shares: Felix with SCR, SLF4J, Gogo's runtime and the bundles
 * of this build, taken from {@code target/bundles} (copied there by the build, so a clean checkout
 * tests the jars it just made, never stale ones from a local repository).
 */
public final class Ws2TestSupport {
    /** Where the build copied the bundles under test. */
    public static final Path BUNDLES = Path.of(System.getProperty("ws2.bundles", "target/bundles"));
    /** The tcpip provider's GUID. */
    public static final String TCPIP_ID = "967ff64b-ea79-48f1-bd0c-d369a4d23c18";
    /** The memory provider's GUID. */
    public static final String MEMORY_ID = "eb174abd-4f24-420d-8918-ee851f38de84";

    private Ws2TestSupport() {
    }

    /**
     * A bundle copied by the build.
     *
     * @param name its artifact ID
     * @return the option installing it
     */
    public static Option bundleOf(String name) {
        return bundle(jar(name).toUri().toString());
    }

    /**
     * The jar of a bundle copied by the build.
     *
     * @param name its artifact ID
     * @return its path
     */
    public static Path jar(String name) {
        Path p = BUNDLES.resolve(name + ".jar");
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("bundle " + p + " is missing; run the tests through Maven");
        }
        return p;
    }

    /**
     * A logging bundle, started at level 1: SLF4J picks its provider on first use and never again,
     * so SPI Fly and slf4j-simple must be running before any bundle logs.
     */
    private static Option logging(String name) {
        return bundle(jar(name).toUri().toString()).startLevel(1);
    }

    /**
     * Felix, its services and the ws2 API and core, with the catalog in a fresh folder.
     *
     * @return the options
     */
    public static Option core() {
        return composite(
                frameworkProperty("felix.bootdelegation.implicit").value("false"),
                frameworkProperty("ws2.data.dir").value(tempDir("ws2-it-data").toString()),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"),
                systemProperty("org.slf4j.simpleLogger.logFile").value("System.out"),
                logging("slf4j-api"),
                logging("asm"), logging("asm-tree"), logging("asm-analysis"), logging("asm-commons"), logging("asm-util"),
                logging("org.apache.aries.spifly.dynamic.bundle"),
                logging("slf4j-simple"),
                bundleOf("org.osgi.util.function"), bundleOf("org.osgi.util.promise"),
                bundleOf("org.osgi.service.component"), bundleOf("org.apache.felix.scr"),
                bundleOf("org.apache.felix.gogo.runtime"),
                bundleOf("gson"),
                bundleOf("ws2.api"), bundleOf("winevent.bus"), bundleOf("ws2.core"),
                junitBundles(),
                cleanCaches(true));
    }

    /**
     * {@link #core()} plus the tcpip provider.
     *
     * @return the options
     */
    public static Option coreWithTcpip() {
        return composite(core(), bundleOf("ws2.provider.tcpip"));
    }

    /**
     * {@link #core()} plus the memory provider (non-IFS, in-process pipes).
     *
     * @return the options
     */
    public static Option coreWithMemory() {
        return composite(core(), bundleOf("ws2.provider.memory"));
    }

    /**
     * Felix FileInstall watching a new temporary deploy folder every 50 ms, starting what it
     * installs.
     *
     * @param prefix the folder's name prefix
     * @return the options
     */
    public static Option deployFolder(String prefix) {
        return composite(frameworkProperty("felix.fileinstall.dir").value(tempDir(prefix).toString()),
                frameworkProperty("felix.fileinstall.poll").value("50"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.bundles.new.start").value("true"),
                bundleOf("org.apache.felix.fileinstall"));
    }

    /**
     * Returns the folder of {@link #deployFolder(String)}.
     *
     * @param context any bundle context of the framework
     * @return the folder
     */
    public static Path deployFolder(BundleContext context) {
        return Path.of(context.getProperty("felix.fileinstall.dir"));
    }

    /**
     * Deletes the files of a folder (not its subfolders).
     *
     * @param folder the folder
     * @throws IOException if a file cannot be deleted
     */
    public static void emptyFolder(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
    }

    /**
     * Waits until the memory provider's entry of the native catalog is available.
     *
     * @param catalog the catalog service
     */
    public static void awaitMemoryAvailable(ProviderCatalog catalog) {
        await("the memory entry available", Duration.ofSeconds(10), () -> catalog.entries(CatalogView.NATIVE).stream()
                .anyMatch(e -> e.available() && e.info().providerId().toString().equals(MEMORY_ID)));
    }

    /**
     * Waits until the four tcpip entries of the native catalog are available.
     *
     * @param catalog the catalog service
     */
    public static void awaitTcpipAvailable(ProviderCatalog catalog) {
        await("the tcpip entries available", Duration.ofSeconds(10),
                () -> catalog.entries(CatalogView.NATIVE).stream().filter(CatalogEntry::available).count() == 4);
    }

    /**
     * Finds an installed bundle by symbolic name.
     *
     * @param context a bundle context
     * @param symbolicName the name
     * @return the bundle
     * @throws AssertionError if none is installed
     */
    public static Bundle installed(BundleContext context, String symbolicName) {
        Bundle b = find(context, symbolicName);
        if (b == null) {
            throw new AssertionError("no bundle " + symbolicName + " is installed");
        }
        return b;
    }

    /**
     * Finds an installed bundle by symbolic name, if there is one.
     *
     * @param context a bundle context
     * @param symbolicName the name
     * @return the bundle, or null
     */
    public static Bundle find(BundleContext context, String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    /**
     * Finds a native catalog entry by name.
     *
     * @param catalog the catalog service
     * @param name the entry's protocol name
     * @return the entry, or null if the catalog has none of that name
     */
    public static CatalogEntry entry(ProviderCatalog catalog, String name) {
        return catalog.entries(CatalogView.NATIVE).stream().filter(e -> e.info().protocolName().equals(name))
                .findFirst().orElse(null);
    }

    /**
     * A new temporary folder.
     *
     * @param prefix its name prefix
     * @return the folder
     */
    public static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until a condition holds, polling; fails with the message after the deadline.
     *
     * @param what what is awaited, for the failure message
     * @param deadline how long at most
     * @param condition the condition
     */
    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline + " waiting for " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }
}
