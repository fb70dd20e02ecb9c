package ws2.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The bundle jars embedded in the launcher's jar under {@value #FOLDER}{@code /<group>/}.
 *
 * <p>Groups are started one after the other in name order ({@code 1-weaving}, {@code 2-libraries}, ...),
 * the bundles of a group in file-name order. The order matters where a bundle must be active before
 * another one's classes load: the SPI Fly weaver before slf4j-api, the logging binding before anything
 * logs. The build decides the groups (see this module's {@code pom.xml}).
 *
 * <p>Run from a jar, the entries are read through a zip file system, which {@link #close()} closes; run
 * from a classes folder (in an IDE), they are plain files.
 */
final class EmbeddedBundles implements Closeable {

    /** The folder of the embedded bundles, relative to the root of the launcher's jar. */
    static final String FOLDER = "bundles";

    private final Path root;
    private final FileSystem jar;

    private EmbeddedBundles(Path root, FileSystem jar) {
        this.root = root;
        this.jar = jar;
    }

    /**
     * Opens the jar (or classes folder) the launcher was loaded from.
     *
     * @return the embedded bundles; close them once they are installed
     * @throws IOException if the jar cannot be opened
     */
    static EmbeddedBundles open() throws IOException {
        Path location;
        try {
            location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the launcher's jar", e);
        }
        if (Files.isDirectory(location)) {
            return new EmbeddedBundles(location, null);
        }
        FileSystem jar = FileSystems.newFileSystem(location);
        return new EmbeddedBundles(jar.getPath("/"), jar);
    }

    /**
     * Lists the groups in start order.
     *
     * @return one list of bundle jars per group, each in start order
     * @throws IOException if the jar cannot be read or has no {@value #FOLDER} folder
     */
    List<List<Path>> groups() throws IOException {
        List<List<Path>> groups = new ArrayList<>();
        for (Path group : sortedEntries(root.resolve(FOLDER), Files::isDirectory)) {
            groups.add(sortedEntries(group, file -> file.getFileName().toString().endsWith(".jar")));
        }
        return groups;
    }

    /**
     * Names an embedded jar as a bundle location.
     *
     * @param jar a jar listed by {@link #groups()}
     * @return {@code embedded:bundles/<group>/<file>}
     */
    String location(Path jar) {
        return "embedded:" + root.relativize(jar).toString().replace('\\', '/');
    }

    private static List<Path> sortedEntries(Path folder, Predicate<Path> filter) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(filter).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException {
        if (jar != null) {
            jar.close();
        }
    }
}
