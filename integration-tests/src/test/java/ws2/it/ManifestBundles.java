package ws2.it;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.jar.Attributes;
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
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, m)) {
            jar.flush();
        }
        return new ByteArrayInputStream(out.toByteArray());
    }
}
