package ws2.market.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.source.IndexReader;

/**
 * Downloads a bundle from a {@code file:}, {@code http:} or {@code https:} URL to a file,
 * reporting progress as {@code downloading <name> <n> KiB / <size> KiB} every
 * {@value #REPORT_EVERY_KIB} KiB and at the end. A download longer than the index's size is cut
 * off and refused. HTTP requests time out after {@value IndexReader#TIMEOUT_SECONDS} s to connect
 * and to answer. Thread-safe.
 */
public final class Download {
    /** How often progress is reported, in KiB. */
    public static final int REPORT_EVERY_KIB = 32;
    private static final Duration TIMEOUT = Duration.ofSeconds(IndexReader.TIMEOUT_SECONDS);

    private HttpClient http;

    /**
     * Downloads a bundle.
     *
     * @param name the bundle's symbolic name, for progress and messages
     * @param url where from
     * @param size the size the index gives, in bytes
     * @param to the file written
     * @param progress receives the progress lines
     * @throws WsaException {@code WSAEINVAL} for a bad URL or a download longer or shorter than
     *         {@code size}; {@code WSANO_RECOVERY} naming the URL when it cannot be read
     */
    public void fetch(String name, String url, long size, Path to, Consumer<String> progress) throws WsaException {
        URI uri = IndexReader.check(url);
        try (InputStream in = "file".equalsIgnoreCase(uri.getScheme()) ? Files.newInputStream(Path.of(uri)) : http(uri);
                OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[8192];
            long done = 0;
            long reported = 0;
            for (int n; (n = in.read(buffer)) >= 0;) {
                done += n;
                if (done > size) {
                    throw new WsaException(WsaError.WSAEINVAL, "the download of " + name + " from " + url
                            + " is longer than the " + size + " bytes its index gives");
                }
                out.write(buffer, 0, n);
                if (done - reported >= REPORT_EVERY_KIB * 1024L) {
                    progress.accept(line(name, done, size));
                    reported = done;
                }
            }
            if (done != size) {
                throw new WsaException(WsaError.WSAEINVAL, "the download of " + name + " from " + url + " has " + done
                        + " bytes where its index gives " + size);
            }
            if (reported != done || done == 0) {
                progress.accept(line(name, done, size));
            }
        } catch (WsaException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the download of " + name + " from " + url + " failed: " + e, e);
        }
    }

    private static String line(String name, long done, long size) {
        return "downloading " + name + " " + kib(done) + " KiB / " + kib(size) + " KiB";
    }

    private static long kib(long bytes) {
        return (bytes + 1023) / 1024;
    }

    private InputStream http(URI uri) throws IOException, WsaException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, "the download from " + uri + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("HTTP status " + response.statusCode());
        }
        return response.body();
    }

    /** The HTTP client, made on first use. */
    private synchronized HttpClient client() {
        if (http == null) {
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return http;
    }
}
