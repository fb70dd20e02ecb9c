package ws2.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundles made of a manifest only, built inside the framework under test with the JDK alone. */
final class ManifestBundles {
    private ManifestBundles() {
    }

    /**
     * Builds a bundle jar with the given headers.
     *
     * @param symbolicName its symbolic name
     * @param headers further headers, written as given (malformed ones included)
     * @return the jar's bytes, for {@code BundleContext.installBundle(location, stream)}
     * @throws IOException never, in memory
     */
    static InputStream bundle(String symbolicName, Map<String, String> headers) throws IOException {
        return bundle(symbolicName, headers, new Class<?>[0]);
    }

    /**
     * Builds a bundle jar with the given headers and classes (their class files are copied from
     * the class path, so they must not be inner or anonymous classes).
     *
     * @param symbolicName its symbolic name
     * @param headers further headers
     * @param classes classes to include
     * @return the jar's bytes
     * @throws IOException if a class file cannot be read
     */
    static InputStream bundle(String symbolicName, Map<String, String> headers, Class<?>... classes) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            for (Class<?> c : classes) {
                String entry = c.getName().replace('.', '/') + ".class";
                jar.putNextEntry(new JarEntry(entry));
                try (InputStream in = c.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }

    /**
     * Copies a bundle jar with another {@code Bundle-Version}: the "new release" of a bundle for
     * an update test.
     *
     * @param jar the bundle
     * @param version the new version
     * @return the copy's bytes
     * @throws IOException if the jar cannot be read
     */
    static InputStream withVersion(Path jar, String version) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(jar))) {
            Manifest m = new Manifest(in.getManifest());
            m.getMainAttributes().putValue("Bundle-Version", version);
            try (JarOutputStream copy = new JarOutputStream(out, m)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    copy.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(copy);
                    copy.closeEntry();
                }
            }
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
