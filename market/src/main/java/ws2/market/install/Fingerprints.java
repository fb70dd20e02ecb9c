package ws2.market.install;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * SHA-256 fingerprints of publisher certificates, as sources pin them: hex, colons optional, any
 * case. The canonical form is 64 upper-case hex digits without colons.
 */
public final class Fingerprints {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();
    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    /**
     * Reads a pinned fingerprint.
     *
     * @param text the fingerprint as written, e.g. {@code ab:cd:...} or {@code ABCD...}
     * @return its canonical form, or empty if it is not 32 bytes of hex
     */
    public static Optional<String> parse(String text) {
        String hex = text.strip().replace(":", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(hex);
    }

    /**
     * Computes a certificate's fingerprint.
     *
     * @param certificate the certificate
     * @return the SHA-256 of its DER encoding, canonical form
     * @throws IllegalArgumentException if it cannot be encoded
     */
    public static String of(Certificate certificate) {
        try {
            return HEX.formatHex(sha256().digest(certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("a certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /**
     * Tells whether a fingerprint is among the pinned ones.
     *
     * @param canonical a fingerprint in canonical form
     * @param pinned the pinned fingerprints, as written; those that do not parse match nothing
     * @return true if one of them is the same fingerprint
     */
    public static boolean pinned(String canonical, List<String> pinned) {
        return pinned.stream().map(Fingerprints::parse).flatMap(Optional::stream).anyMatch(canonical::equals);
    }

    /**
     * Writes a canonical fingerprint with colons, as keytool prints it.
     *
     * @param canonical 64 hex digits
     * @return {@code AB:CD:...}
     */
    public static String withColons(String canonical) {
        return COLONS.formatHex(HEX.parseHex(canonical));
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
