package ws2.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders of one ws2 installation, all under the home folder.
 *
 * @param home       the home folder: system property {@value #HOME_PROPERTY}, default the current folder
 * @param deploy     {@code <home>/deploy}, watched for bundle jars
 * @param data       {@code <home>/data}, ws2's own data (framework property {@code ws2.data.dir})
 * @param cache      {@code <home>/data/felix-cache}, the framework storage
 * @param batchShell {@code <home>/data/gosh}, the Gogo home of non-interactive runs (see {@link #prepare})
 */
record RuntimeHome(Path home, Path deploy, Path data, Path cache, Path batchShell) {

    /** The system property naming the home folder. */
    static final String HOME_PROPERTY = "ws2.home";

    /**
     * Locates the folders under a home folder.
     *
     * @param home the home folder
     * @return its folders, made absolute; nothing is created
     */
    static RuntimeHome at(Path home) {
        Path absolute = home.toAbsolutePath().normalize();
        Path data = absolute.resolve("data");
        return new RuntimeHome(absolute, absolute.resolve("deploy"), data, data.resolve("felix-cache"),
                data.resolve("gosh"));
    }

    /**
     * Locates the home folder named by system property {@value #HOME_PROPERTY}, or the current folder.
     *
     * @return its folders; nothing is created
     */
    static RuntimeHome fromSystemProperties() {
        return at(Path.of(System.getProperty(HOME_PROPERTY, System.getProperty("user.dir"))));
    }

    /**
     * Creates the deploy and data folders where they are missing and, for a non-interactive run, an empty
     * Gogo login profile under {@link #batchShell()}.
     *
     * <p>gogo.jline always runs a login profile in its own session, even when it starts no shell. Its
     * default profile sets up the line editor, which a non-interactive run does not have, and prints the
     * failure; an empty {@code etc/gosh_profile} under {@code gosh.home} replaces it.
     *
     * @param interactive whether the shell will run on a terminal
     * @throws IOException if a folder or the profile cannot be created
     */
    void prepare(boolean interactive) throws IOException {
        Files.createDirectories(deploy);
        Files.createDirectories(data);
        if (!interactive) {
            Path profile = batchShell.resolve("etc").resolve("gosh_profile");
            if (!Files.exists(profile)) {
                Files.createDirectories(profile.getParent());
                Files.writeString(profile, "# written by the ws2 launcher: non-interactive runs set up no shell\n");
            }
        }
    }
}
