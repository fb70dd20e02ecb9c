package ws2.provider.tls;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Makes a self-signed PKCS12 key store and a trust store holding its certificate, with the JDK's keytool. */
final class TestStores {
    static final String PASSWORD = "changeit";

    final Path keyStore;
    final Path trustStore;

    private TestStores(Path keyStore, Path trustStore) {
        this.keyStore = keyStore;
        this.trustStore = trustStore;
    }

    static TestStores make(Path dir) throws IOException, InterruptedException {
        Path ks = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        Path ts = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "server", "-keystore", ks.toString(), "-storepass", PASSWORD, "-file",
                cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", ts.toString(), "-storepass", PASSWORD);
        return new TestStores(ks, ts);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool failed: " + command + "\n" + new String(p.getInputStream().readAllBytes()));
            }
        } finally {
            p.destroyForcibly();
        }
    }
}
