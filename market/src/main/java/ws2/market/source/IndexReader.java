package ws2.market.source;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.index.IndexParser;
import ws2.market.index.RepositoryIndex;

/**
 * Reads a repository index from a {@code file:}, {@code http:} or {@code https:} URL; a gzip
 * index ({@code index.xml.gz}) is recognised by its magic bytes, whatever its name.
 *
 * <p>HTTP requests time out after {@value #TIMEOUT_SECONDS} s, to connect and to answer; an index
 * larger than {@value #MAX_BYTES} bytes is refused. Thread-safe.
 */
public final class IndexReader {
    /** Connect and response timeout of HTTP requests, in seconds. */
    public static final int TIMEOUT_SECONDS = 10;
    /** The largest index read, compressed or not, in bytes. */
    public static final int MAX_BYTES = 64 << 20;
    private static final Duration TIMEOUT = Duration.ofSeconds(TIMEOUT_SECONDS);

    private final IndexParser parser = new IndexParser();
    private HttpClient http;

    /**
     * Checks a source URL without reading it.
     *
     * @param url the URL
     * @return it, parsed
     * @throws WsaException {@code WSAEINVAL} if it does not parse or its scheme is not file, http or https
     */
    public static URI check(String url) throws WsaException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new WsaException(WsaError.WSAEINVAL, "the source URL " + url + " is malformed: " + e.getMessage(), e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
            throw new WsaException(WsaError.WSAEINVAL, "the source URL " + url + " is not file:, http: or https:");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw new WsaException(WsaError.WSAEINVAL, "the source URL " + url + " is not an absolute hierarchical URL");
        }
        return uri;
    }

    /**
     * Reads and parses an index.
     *
     * @param url the index URL
     * @return the index
     * @throws WsaException {@code WSAEINVAL} for a bad URL or a malformed index; {@code WSANO_RECOVERY}
     *         naming the URL and the reason when it cannot be read
     */
    public RepositoryIndex read(String url) throws WsaException {
        URI uri = check(url);
        byte[] bytes = "file".equalsIgnoreCase(uri.getScheme()) ? file(uri) : http(uri);
        try (InputStream in = gzip(bytes) ? new GZIPInputStream(new ByteArrayInputStream(bytes))
                : new ByteArrayInputStream(bytes)) {
            return parser.parse(in, url);
        } catch (IOException e) {
            throw new WsaException(WsaError.WSAEINVAL, "the index at " + url + " is not valid gzip: " + e.getMessage(), e);
        }
    }

    private static boolean gzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    private static byte[] file(URI uri) throws WsaException {
        try {
            Path p = Path.of(uri);
            if (Files.size(p) > MAX_BYTES) {
                throw unreadable(uri, "larger than " + MAX_BYTES + " bytes", null);
            }
            return Files.readAllBytes(p);
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(uri, e.toString(), e);
        }
    }

    private byte[] http(URI uri) throws WsaException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unreadable(uri, e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, "reading the index at " + uri + " was interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw unreadable(uri, "HTTP status " + response.statusCode(), null);
            }
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw unreadable(uri, "larger than " + MAX_BYTES + " bytes", null);
            }
            return bytes;
        } catch (IOException e) {
            throw unreadable(uri, e.toString(), e);
        }
    }

    /** The HTTP client, made on first use so a marketplace without HTTP sources starts no thread. */
    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }

    private static WsaException unreadable(URI uri, String reason, Throwable cause) {
        return new WsaException(WsaError.WSANO_RECOVERY, "the index at " + uri + " cannot be read: " + reason, cause);
    }
}
