package ws2.market.install;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.Objects;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;

import org.osgi.framework.Bundle;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * The jars the marketplace keeps for rollbacks, {@code kept/<name>-<version>.jar}: the jar of every
 * bundle it installed, and of every bundle it replaced or uninstalled, taken just before. A bundle's
 * jar is rebuilt from its entries (its own, not its fragments'), manifest first, so it is kept
 * whatever its location.
 */
public final class Kept {
    private final Path folder;

    /**
     * Creates the store.
     *
     * @param folder the {@code kept} folder; created when first written
     */
    public Kept(Path folder) {
        this.folder = Objects.requireNonNull(folder, "folder");
    }

    /**
     * Returns where a version's jar is kept.
     *
     * @param symbolicName the bundle
     * @param version its version
     * @return the path, whether the jar exists or not
     */
    public Path path(String symbolicName, String version) {
        return folder.resolve((symbolicName + "-" + version).replaceAll("[^A-Za-z0-9._-]", "_") + ".jar");
    }

    /**
     * Keeps a downloaded jar of a version.
     *
     * @param symbolicName the bundle
     * @param version its version
     * @param jar the jar
     * @throws WsaException {@code WSANO_RECOVERY} if it cannot be copied
     */
    public void keep(String symbolicName, String version, Path jar) throws WsaException {
        Path to = path(symbolicName, version);
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "keep", ".tmp");
            Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the jar of " + symbolicName + " " + version
                    + " cannot be kept in " + to + ": " + e, e);
        }
    }

    /**
     * Keeps the jar of an installed bundle, rebuilt from its entries.
     *
     * @param bundle the bundle
     * @return the kept jar
     * @throws WsaException {@code WSANO_RECOVERY} naming the bundle if it cannot be read or written
     */
    public Path keep(Bundle bundle) throws WsaException {
        Path to = path(bundle.getSymbolicName(), bundle.getVersion().toString());
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, "keep", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(out)) {
                URL manifest = bundle.getEntry(JarFile.MANIFEST_NAME);
                if (manifest == null) {
                    throw new IOException("it has no " + JarFile.MANIFEST_NAME);
                }
                copy(manifest, JarFile.MANIFEST_NAME, jar);
                Deque<String> folders = new ArrayDeque<>();
                folders.add("/");
                while (!folders.isEmpty()) {
                    Enumeration<String> paths = bundle.getEntryPaths(folders.pop());
                    while (paths != null && paths.hasMoreElements()) {
                        String p = paths.nextElement();
                        if (p.endsWith("/")) {
                            jar.putNextEntry(new JarEntry(p));
                            jar.closeEntry();
                            folders.add(p);
                        } else if (!p.equals(JarFile.MANIFEST_NAME)) {
                            copy(bundle.getEntry(p), p, jar);
                        }
                    }
                }
            }
            Files.move(tmp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return to;
        } catch (IOException | IllegalStateException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the jar of " + bundle.getSymbolicName() + " "
                    + bundle.getVersion() + " cannot be kept in " + to + ", so the change could not be rolled back: " + e, e);
        }
    }

    private static void copy(URL entry, String name, JarOutputStream jar) throws IOException {
        if (entry == null) {
            throw new IOException("entry " + name + " vanished");
        }
        jar.putNextEntry(new JarEntry(name));
        try (InputStream in = entry.openStream()) {
            in.transferTo(jar);
        }
        jar.closeEntry();
    }
}
