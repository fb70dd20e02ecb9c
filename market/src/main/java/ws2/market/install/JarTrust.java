package ws2.market.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Checks that a bundle from a source pinning keys is a jar signed by one of them: every entry
 * outside {@code META-INF/} is read in full (so the JDK checks its digest) and must carry a code
 * signer whose certificate's SHA-256 fingerprint is pinned. Sources without keys accept any jar.
 */
public final class JarTrust {
    private JarTrust() {
    }

    /**
     * Checks a jar.
     *
     * @param bundle the bundle's name and version, for messages
     * @param source the source's URL, for messages
     * @param jar the downloaded jar
     * @param keys the source's pinned fingerprints, as written
     * @return the canonical fingerprint of the accepted signer, or empty when the source pins no key
     * @throws WsaException {@code WSAEACCES} if the jar is unsigned (wholly or in part), signed by
     *         a key not pinned (naming its fingerprint) or tampered with (a digest that does not
     *         match); {@code WSAEINVAL} if it is not a jar
     */
    public static String check(String bundle, String source, Path jar, List<String> keys) throws WsaException {
        if (keys.isEmpty()) {
            return "";
        }
        Set<String> signers = new LinkedHashSet<>();
        String accepted = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = file.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    in.transferTo(OutputStream.nullOutputStream());
                }
                entries.add(entry);
            }
            for (JarEntry entry : entries) {
                if (entry.isDirectory() || entry.getName().toUpperCase(Locale.ROOT).startsWith("META-INF/")) {
                    continue;
                }
                CodeSigner[] codeSigners = entry.getCodeSigners();
                if (codeSigners == null || codeSigners.length == 0) {
                    throw new WsaException(WsaError.WSAEACCES, "bundle " + bundle + " from source " + source
                            + " is not signed" + (signers.isEmpty() ? "" : " in full (" + entry.getName() + " is not)")
                            + ", but the source pins keys " + keys);
                }
                String match = null;
                for (CodeSigner s : codeSigners) {
                    List<? extends Certificate> chain = s.getSignerCertPath().getCertificates();
                    if (chain.isEmpty()) {
                        continue;
                    }
                    String fp = Fingerprints.of(chain.get(0));
                    signers.add(fp);
                    if (Fingerprints.pinned(fp, keys)) {
                        match = fp;
                    }
                }
                if (match == null) {
                    throw new WsaException(WsaError.WSAEACCES, "bundle " + bundle + " from source " + source
                            + " is signed by SHA-256 " + String.join(", ", signers.stream().map(Fingerprints::withColons).toList())
                            + ", not by a key the source pins " + keys);
                }
                accepted = match;
            }
        } catch (WsaException e) {
            throw e;
        } catch (SecurityException e) {
            throw new WsaException(WsaError.WSAEACCES, "bundle " + bundle + " from source " + source
                    + " has a signature that does not verify (tampered with?): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new WsaException(WsaError.WSAEINVAL, "bundle " + bundle + " from source " + source
                    + " is not a readable jar: " + e, e);
        }
        if (accepted == null) {
            throw new WsaException(WsaError.WSAEACCES, "bundle " + bundle + " from source " + source
                    + " is not signed (it has no signed content), but the source pins keys " + keys);
        }
        return accepted;
    }
}
