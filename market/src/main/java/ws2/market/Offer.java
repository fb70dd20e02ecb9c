package ws2.market;

import java.util.List;
import java.util.Objects;

/**
 * One bundle a source offers, as its index describes it.
 *
 * @param symbolicName the bundle's symbolic name ({@code osgi.identity})
 * @param version its version
 * @param source the URL of the source that offers it
 * @param url where the bundle is downloaded from (absolute; {@code osgi.content} url)
 * @param sha256 the SHA-256 of the bundle, upper-case hex ({@code osgi.content})
 * @param size the bundle's size in bytes
 * @param capabilities one summary per {@code ws2.*} capability, e.g.
 *        {@code ws2.layered: ws2 TLS, categories 0x40, over (type=1), rank 100, fail-closed}
 */
public record Offer(String symbolicName, String version, String source, String url, String sha256, long size,
        List<String> capabilities) {
    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Offer {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(sha256, "sha256");
        capabilities = List.copyOf(capabilities);
    }
}
