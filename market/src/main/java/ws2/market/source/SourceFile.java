package ws2.market.source;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.Source;

/**
 * The source list on disk: a properties file with {@code source.<n>.url}, {@code .keys}
 * (comma-separated) and {@code .resources} per source, in the order they were added. Writes go to
 * a temporary file renamed over the old one, so a crash leaves the old list or the new one.
 */
public final class SourceFile {
    /** The file's name in its folder. */
    public static final String FILE_NAME = "sources.properties";

    private final Path file;

    /**
     * Creates the handler.
     *
     * @param folder the folder of the file; created when first written
     */
    public SourceFile(Path folder) {
        this.file = Objects.requireNonNull(folder, "folder").resolve(FILE_NAME);
    }

    /**
     * Returns the file's path.
     *
     * @return {@code <folder>/sources.properties}
     */
    public Path path() {
        return file;
    }

    /**
     * Reads the list.
     *
     * @return the sources, empty when the file does not exist
     * @throws WsaException {@code WSANO_RECOVERY} naming the file if it cannot be read or is malformed
     */
    public List<Source> load() throws WsaException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException | IllegalArgumentException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the source list " + file + " cannot be read: " + e, e);
        }
        List<Source> out = new ArrayList<>();
        for (int i = 0; p.containsKey(key(i, "url")); i++) {
            String keys = p.getProperty(key(i, "keys"), "");
            try {
                out.add(new Source(p.getProperty(key(i, "url")),
                        keys.isEmpty() ? List.of() : Arrays.asList(keys.split(",")),
                        Integer.parseInt(p.getProperty(key(i, "resources"), "0"))));
            } catch (IllegalArgumentException e) {
                throw new WsaException(WsaError.WSANO_RECOVERY, "the source list " + file + " has a bad "
                        + key(i, "resources") + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /**
     * Writes the list, replacing the file atomically.
     *
     * @param sources the sources
     * @throws WsaException {@code WSANO_RECOVERY} naming the file if it cannot be written
     */
    public void save(List<Source> sources) throws WsaException {
        Properties p = new Properties();
        for (int i = 0; i < sources.size(); i++) {
            Source s = sources.get(i);
            p.setProperty(key(i, "url"), s.url());
            p.setProperty(key(i, "keys"), String.join(",", s.keys()));
            p.setProperty(key(i, "resources"), Integer.toString(s.resources()));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "ws2 marketplace sources");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the source list " + file + " cannot be written: " + e, e);
        }
    }

    private static String key(int i, String field) {
        return "source." + i + "." + field;
    }
}
