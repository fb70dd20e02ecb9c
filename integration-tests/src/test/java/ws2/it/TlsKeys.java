package ws2.it;

import static org.junit.Assert.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Key material for TLS tests, made once per test JVM with the JDK's keytool and OpenSSL: a
 * self-signed EC key for {@code CN=localhost} (PKCS12 and PEM) and a trust store holding its
 * certificate; and the {@code ws2.tls} configuration that uses them.
 */
final class TlsKeys {
    static final String TLS_ID = "9b8e2f4a-6c1d-4e7b-a3f0-5d2c8e1b7a44";
    static final String OPENSSL = "/usr/bin/openssl";
    static final String PASSWORD = "changeit";
    static final Duration DEADLINE = Duration.ofSeconds(30);

    private static Path keys;

    private TlsKeys() {
    }

    /**
     * The folder with {@code server.p12}, {@code server.pem}, {@code server.cer} and {@code trust.p12}.
     *
     * @return the folder, made on first use
     * @throws Exception if a tool fails
     */
    static synchronized Path folder() throws Exception {
        String keytool = SigningKeys.tool("keytool");
        if (keys == null) {
            Path dir = Ws2TestSupport.tempDir("ws2-tls-it");
            Path p12 = dir.resolve("server.p12");
            run("keytool", keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                    "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12", "-keystore", p12.toString(),
                    "-storepass", PASSWORD);
            run("keytool", keytool, "-exportcert", "-alias", "server", "-keystore", p12.toString(), "-storepass",
                    PASSWORD, "-file", dir.resolve("server.cer").toString());
            run("keytool", keytool, "-importcert", "-noprompt", "-alias", "server", "-file",
                    dir.resolve("server.cer").toString(), "-storetype", "PKCS12", "-keystore",
                    dir.resolve("trust.p12").toString(), "-storepass", PASSWORD);
            run("openssl", OPENSSL, "pkcs12", "-in", p12.toString(), "-nodes", "-passin", "pass:" + PASSWORD, "-out",
                    dir.resolve("server.pem").toString());
            keys = dir;
        }
        return keys;
    }

    /**
     * Configures {@code ws2.tls} with the key and trust stores and waits until the layer's service
     * carries the configuration (DS updates its properties after {@code @Modified}).
     *
     * @param configAdmin ConfigAdmin
     * @param context a bundle context to look for the service with
     * @throws Exception if it is not in force in time
     */
    static void configure(ConfigurationAdmin configAdmin, BundleContext context) throws Exception {
        Path dir = folder();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("keyStore", dir.resolve("server.p12").toString());
        props.put("keyStorePassword", PASSWORD);
        props.put("trustStore", dir.resolve("trust.p12").toString());
        props.put("trustStorePassword", PASSWORD);
        props.put("protocols", "TLSv1.3,TLSv1.2");
        configAdmin.getConfiguration("ws2.tls", "?").updateIfDifferent(props);
        String filter = "(&(ws2.provider.id=" + TLS_ID + ")(keyStore=" + dir.resolve("server.p12") + "))";
        Ws2TestSupport.await("ws2.tls in force", DEADLINE, () -> {
            try {
                return context.getServiceReferences((String) null, filter) != null;
            } catch (InvalidSyntaxException e) {
                throw new AssertionError(e);
            }
        });
    }

    /**
     * A JSSE server context with the test key, for a plain-Java TLS peer.
     *
     * @return the context
     * @throws Exception if the store cannot be read
     */
    static SSLContext serverContext() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(folder().resolve("server.p12"))) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, PASSWORD.toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    /** Runs a tool to its end within the deadline; fails with its output otherwise. */
    static void run(String what, String... command) throws Exception {
        Path log = Files.createTempFile("ws2-tls-it-" + what, ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(DEADLINE.toSeconds(), TimeUnit.SECONDS) || p.exitValue() != 0) {
                fail(what + " failed: " + List.of(command) + "\n" + Files.readString(log));
            }
        } finally {
            p.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
