package ws2.market.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Version;

import ws2.api.WsaError;
import ws2.api.WsaException;

class DeployedJarTest {
    @TempDir
    Path dir;

    private Path jar(String name, String symbolicName, String capabilities) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (symbolicName != null) {
            a.putValue("Bundle-SymbolicName", symbolicName);
            a.putValue("Bundle-Version", "1.2.3");
        }
        if (capabilities != null) {
            a.putValue("Provide-Capability", capabilities);
        }
        Path p = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(p); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        return p;
    }

    @Test
    void clauseNamespacesIgnoreCommasAndSemicolonsInQuotes() {
        assertEquals(List.of("osgi.service", "ws2.layered", "x"), DeployedJar.namespaces(
                "osgi.service;objectClass:List<String>=\"a,b;c\", ws2.layered;ws2.layered=\"g\";over=\"1,2\",x"));
    }

    @Test
    void aProviderIsAJarProvidingAWs2ProviderCapability() throws IOException {
        assertTrue(DeployedJar.isProvider(jar("p.jar", "p", "osgi.service;objectClass=\"x,y\",ws2.transport;ws2.transport=\"g\"")));
        assertTrue(DeployedJar.isProvider(jar("n.jar", "n", "ws2.namespace;ws2.namespace=\"g\"")));
        assertFalse(DeployedJar.isProvider(jar("plain.jar", "plain", "osgi.service;objectClass=\"ws2.transport\"")));
        assertFalse(DeployedJar.isProvider(jar("none.jar", "none", null)));
        assertFalse(DeployedJar.isProvider(jar("p.zip", "p", "ws2.transport;ws2.transport=\"g\"")));
        Path garbage = Files.write(dir.resolve("garbage.jar"), new byte[] {1, 2, 3});
        assertFalse(DeployedJar.isProvider(garbage));
    }

    @Test
    void readsTheIdentityWithoutDirectives() throws Exception {
        DeployedJar d = DeployedJar.read(jar("a.jar", "ws2.provider.a;singleton:=true", null));
        assertEquals("ws2.provider.a", d.symbolicName());
        assertEquals(new Version(1, 2, 3), d.version());
        WsaException e = assertThrows(WsaException.class, () -> DeployedJar.read(jar("b.jar", null, null)));
        assertEquals(WsaError.WSAEINVAL, e.error());
    }
}
