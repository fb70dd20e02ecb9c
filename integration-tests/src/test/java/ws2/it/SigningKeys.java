package ws2.it;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.HexFormat;

/**
 * Publisher keys for the marketplace tests, made with the running JDK's keytool and jarsigner: a
 * PKCS12 key store per publisher, jars signed with it, certificate fingerprints as a source pins
 * them, and the SHA-256 of files as an index records them.
 */
final class SigningKeys {
    private static final String PASSWORD = "changeit";

    private SigningKeys() {
    }

    /**
     * Makes a key store holding one EC key named after its publisher.
     *
     * @param folder where to put it
     * @param alias the publisher
     * @return the key store
     * @throws Exception if keytool fails
     */
    static Path keyStore(Path folder, String alias) throws Exception {
        Path store = folder.resolve(alias + ".p12");
        TlsKeys.run("keytool", tool("keytool"), "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=ws2 " + alias);
        return store;
    }

    /**
     * Signs a copy of a jar with a publisher's key.
     *
     * @param jar the jar
     * @param store the publisher's key store, from {@link #keyStore}
     * @param signed where the signed copy goes
     * @return the signed copy
     * @throws Exception if jarsigner fails
     */
    static Path sign(Path jar, Path store, Path signed) throws Exception {
        String alias = store.getFileName().toString().replace(".p12", "");
        TlsKeys.run("jarsigner", tool("jarsigner"), "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD, "-signedjar", signed.toString(), jar.toString(), alias);
        return signed;
    }

    /**
     * The SHA-256 fingerprint of a key store's certificate.
     *
     * @param store the key store
     * @return upper case with colons
     * @throws Exception if it cannot be read
     */
    static String fingerprint(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        Certificate c = ks.getCertificate(ks.aliases().nextElement());
        return HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
    }

    /**
     * The SHA-256 of a file, as an index's {@code osgi.content} holds it.
     *
     * @param file the file
     * @return upper-case hex
     * @throws Exception if it cannot be read
     */
    static String sha256(Path file) throws Exception {
        return HexFormat.of().withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /**
     * A tool of the running JDK.
     *
     * @param name for example {@code keytool}
     * @return its path
     */
    static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
