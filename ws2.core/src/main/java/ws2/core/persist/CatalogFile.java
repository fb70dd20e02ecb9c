package ws2.core.persist;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;

import ws2.catalog.CatalogView;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogPersistence;
import ws2.core.catalog.StoredEntry;

/**
 * The catalog file in the runtime's data folder.
 *
 * <p>Layout: a header line {@code ws2-catalog <format> sha256=<hex>} followed by the catalog as
 * JSON. The hash covers the JSON, so a truncated or altered file is always detected, even when the
 * JSON still parses. Writes go to a temporary file in the same folder, are forced to disk, then
 * renamed over the old file atomically, and the folder is forced too: after a crash the old or the
 * new catalog is there, never a broken one.
 *
 * <p>A file that cannot be read is moved aside as {@code catalog.json.corrupt-<UTC time>} for
 * inspection, never deleted.
 */
public final class CatalogFile implements CatalogPersistence {
    /** Name of the file in the data folder. */
    public static final String FILE_NAME = "catalog.json";
    private static final String MAGIC = "ws2-catalog";
    private static final int FORMAT = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path file;
    private final Clock clock;
    private final Gson gson = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create();

    /**
     * Creates the file handler.
     *
     * @param folder the data folder; created when first written
     * @param clock clock for the names of files moved aside
     */
    public CatalogFile(Path folder, Clock clock) {
        this.file = Objects.requireNonNull(folder, "folder").resolve(FILE_NAME);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Returns the file's path.
     *
     * @return {@code <folder>/catalog.json}
     */
    public Path path() {
        return file;
    }

    /**
     * What {@link #load()} found.
     *
     * @param data the catalog to start with
     * @param problem why the file was not used, or null when it was read (or did not exist)
     * @param keptAside where a bad file was moved, or null
     */
    public record Loaded(CatalogData data, String problem, Path keptAside) {
    }

    /**
     * Reads the catalog. A missing file gives the empty catalog; a corrupt or truncated one is moved
     * aside and also gives the empty catalog, with the reason.
     *
     * @return the outcome
     * @throws IOException if a corrupt file could not even be moved aside
     */
    public Loaded load() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Loaded(CatalogData.EMPTY, null, null);
        }
        try {
            return new Loaded(decode(bytes), null, null);
        } catch (CorruptException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + STAMP.format(clock.instant()));
            Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            return new Loaded(CatalogData.EMPTY, e.getMessage(), aside);
        }
    }

    @Override
    public void save(CatalogData data) throws IOException {
        byte[] json = gson.toJson(data).getBytes(StandardCharsets.UTF_8);
        byte[] header = (MAGIC + " " + FORMAT + " sha256=" + sha256(json) + "\n").getBytes(StandardCharsets.US_ASCII);
        Path folder = file.getParent();
        Files.createDirectories(folder);
        Path tmp = folder.resolve(FILE_NAME + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer[] parts = {ByteBuffer.wrap(header), ByteBuffer.wrap(json)};
            long total = header.length + (long) json.length;
            long written = 0;
            while (written < total) {
                written += ch.write(parts);
            }
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException e) {
            // Some file systems cannot open or sync a directory; the rename itself is atomic.
        }
    }

    private CatalogData decode(byte[] bytes) throws CorruptException {
        int nl = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                nl = i;
                break;
            }
        }
        if (nl < 0) {
            throw new CorruptException("no header line (the file is empty or truncated)");
        }
        String header = new String(bytes, 0, nl, StandardCharsets.US_ASCII);
        String expected = MAGIC + " " + FORMAT + " sha256=";
        if (!header.startsWith(expected)) {
            throw new CorruptException("unknown header '" + header + "', expected '" + expected + "<hex>'");
        }
        byte[] json = new byte[bytes.length - nl - 1];
        System.arraycopy(bytes, nl + 1, json, 0, json.length);
        String hash = sha256(json);
        if (!hash.equals(header.substring(expected.length()))) {
            throw new CorruptException("checksum mismatch (the file is truncated or was altered): header says "
                    + header.substring(expected.length()) + ", content hashes to " + hash);
        }
        try {
            CatalogData data = gson.fromJson(new String(json, StandardCharsets.UTF_8), CatalogData.class);
            if (data == null) {
                throw new CorruptException("the file holds no catalog");
            }
            checkConsistent(data);
            return data;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new CorruptException("unreadable catalog: " + e.getMessage());
        }
    }

    private static void checkConsistent(CatalogData data) throws CorruptException {
        for (CatalogView v : CatalogView.values()) {
            Set<Integer> ids = new HashSet<>();
            for (StoredEntry e : data.view(v).entries()) {
                if (!ids.add(e.id()) || e.id() >= data.nextId()) {
                    throw new CorruptException("catalog entry ID " + e.id() + " is duplicated or not below the next ID "
                            + data.nextId());
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** A catalog file that cannot be used. */
    private static final class CorruptException extends Exception {
        private static final long serialVersionUID = 1L;

        CorruptException(String message) {
            super(message);
        }
    }
}
