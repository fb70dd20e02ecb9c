package ws2.market.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;

import ws2.api.WsaError;
import ws2.api.WsaException;

/** Checks a downloaded bundle against the SHA-256 its index gives ({@code osgi.content}). */
public final class ContentCheck {
    private ContentCheck() {
    }

    /**
     * Computes a file's SHA-256.
     *
     * @param file the file
     * @return upper-case hex
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = Fingerprints.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().withUpperCase().formatHex(md.digest());
    }

    /**
     * Checks a file's hash.
     *
     * @param bundle the bundle's name and version, for the message
     * @param file the downloaded file
     * @param expected the index's hash, hex in any case
     * @return the actual hash
     * @throws WsaException {@code WSAEINVAL} naming the bundle, the expected and the actual hash on
     *         a mismatch; {@code WSANO_RECOVERY} if the file cannot be read
     */
    public static String verify(String bundle, Path file, String expected) throws WsaException {
        String actual;
        try {
            actual = sha256(file);
        } catch (IOException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the download of " + bundle + " cannot be read: " + e, e);
        }
        if (!actual.equalsIgnoreCase(expected.strip())) {
            throw new WsaException(WsaError.WSAEINVAL, "the download of " + bundle + " does not match its index: SHA-256 "
                    + actual + " where the index says " + expected.strip().toUpperCase(Locale.ROOT));
        }
        return actual;
    }
}
