package ws2.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds throw-away bundles for the tests.
 */
final class TestBundles {

    private TestBundles() {
    }

    /**
     * Writes a bundle that holds nothing but its manifest.
     *
     * @param file         the jar to write
     * @param symbolicName its {@code Bundle-SymbolicName}
     * @return {@code file}
     * @throws IOException if the jar cannot be written
     */
    static Path empty(Path file, String symbolicName) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.finish();
        }
        return file;
    }
}
