package ws2.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;

import ws2.api.WsaException;
import ws2.market.index.IndexParser;
import ws2.market.index.RepositoryIndex;

/** The hand-made indexes under {@code src/test/resources/ws2/market}. */
public final class Fixtures {
    private Fixtures() {
    }

    /**
     * The file URL of a fixture.
     *
     * @param name its file name
     * @return a {@code file:} URL
     */
    public static String url(String name) {
        URL u = Fixtures.class.getResource(name);
        if (u == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return u.toURI().toString();
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Parses a fixture.
     *
     * @param name its file name
     * @return the index
     * @throws WsaException if it is malformed
     */
    public static RepositoryIndex index(String name) throws WsaException {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            return new IndexParser().parse(in, url(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
