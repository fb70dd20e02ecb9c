package ws2.market.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaError;
import ws2.api.WsaException;

/** Jar signatures, checked on jars signed here with the JDK's keytool and jarsigner. */
class JarTrustTest {
    static final String SOURCE = "http://127.0.0.1/index.xml";

    @TempDir
    static Path dir;
    static Path unsigned;
    static Path signed;
    static String publisher;
    static String other;

    @BeforeAll
    static void signAJar() throws Exception {
        unsigned = dir.resolve("unsigned.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().putValue("Bundle-SymbolicName", "ws2.provider.x");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(unsigned), m)) {
            jar.putNextEntry(new JarEntry("ws2/provider/x/Provider.class"));
            jar.write("not really a class, but signed all the same".getBytes(StandardCharsets.US_ASCII));
            jar.closeEntry();
        }
        publisher = keyStore("publisher");
        other = keyStore("other");
        signed = dir.resolve("signed.jar");
        run(tool("jarsigner"), "-keystore", dir.resolve("publisher.p12").toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-signedjar", signed.toString(), unsigned.toString(), "publisher");
    }

    private static Path tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name);
    }

    private static void run(Path tool, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                throw new AssertionError(command + " took longer than 60 s");
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError(command + " failed: " + out);
            }
        } finally {
            p.destroyForcibly();
        }
    }

    /** Makes a PKCS12 key store and returns its certificate's fingerprint. */
    private static String keyStore(String alias) throws Exception {
        Path store = dir.resolve(alias + ".p12");
        run(tool("keytool"), "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit",
                "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=ws2 " + alias);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        return Fingerprints.of(ks.getCertificate(alias));
    }

    @Test
    void aJarSignedByAPinnedKeyIsAccepted() throws WsaException {
        assertEquals(publisher, JarTrust.check("x 1.0.0", SOURCE, signed, List.of("AB12CD34", Fingerprints.withColons(publisher).toLowerCase())));
    }

    @Test
    void aSourceWithoutKeysAcceptsUnsignedJars() throws WsaException {
        assertEquals("", JarTrust.check("x 1.0.0", SOURCE, unsigned, List.of()));
    }

    @Test
    void anUnsignedJarFromAPinningSourceIsWsaeacces() {
        WsaException e = assertThrows(WsaException.class, () -> JarTrust.check("x 1.0.0", SOURCE, unsigned, List.of(publisher)));
        assertEquals(WsaError.WSAEACCES, e.error());
        assertEquals("WSAEACCES (10013): bundle x 1.0.0 from source " + SOURCE + " is not signed, but the source pins keys [" + publisher + "]",
                e.getMessage());
    }

    @Test
    void aJarSignedByAnotherKeyIsWsaeaccesNamingTheSigner() {
        WsaException e = assertThrows(WsaException.class, () -> JarTrust.check("x 1.0.0", SOURCE, signed, List.of(other)));
        assertEquals(WsaError.WSAEACCES, e.error());
        assertTrue(e.getMessage().contains("is signed by SHA-256 " + Fingerprints.withColons(publisher)), e.getMessage());
    }

    @Test
    void aTamperedSignedJarIsWsaeacces() throws Exception {
        Path tampered = dir.resolve("tampered.jar");
        try (JarFile in = new JarFile(signed.toFile(), false);
                OutputStream out = Files.newOutputStream(tampered);
                JarOutputStream jar = new JarOutputStream(out)) {
            for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                jar.putNextEntry(new JarEntry(entry.getName()));
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".class")) {
                    bytes[0] ^= 1;
                }
                jar.write(bytes);
                jar.closeEntry();
            }
        }
        WsaException e = assertThrows(WsaException.class, () -> JarTrust.check("x 1.0.0", SOURCE, tampered, List.of(publisher)));
        assertEquals(WsaError.WSAEACCES, e.error());
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    }
}
