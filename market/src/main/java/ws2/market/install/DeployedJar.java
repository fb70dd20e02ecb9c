package ws2.market.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.osgi.framework.Constants;
import org.osgi.framework.Version;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProviderNamespaces;

/**
 * What the marketplace reads of a jar dropped in the deploy folder, from its manifest and without
 * installing it: the bundle's name and version, and whether it is a ws2 provider (it provides a
 * capability in {@code ws2.transport}, {@code ws2.layered} or {@code ws2.namespace}).
 *
 * @param symbolicName the bundle's symbolic name, without directives
 * @param version its version
 */
public record DeployedJar(String symbolicName, Version version) {
    private static final Set<String> PROVIDER_NAMESPACES = Set.of(ProviderNamespaces.TRANSPORT_NAMESPACE,
            ProviderNamespaces.LAYERED_NAMESPACE, ProviderNamespaces.NAMESPACE_NAMESPACE);

    /**
     * Tells whether a file is a jar whose manifest provides a ws2 provider capability.
     *
     * @param file the file
     * @return true for a readable {@code *.jar} provider bundle; false otherwise, a half-written or
     *         unreadable file included
     */
    public static boolean isProvider(Path file) {
        if (!file.getFileName().toString().endsWith(".jar") || !Files.isRegularFile(file)) {
            return false;
        }
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            Manifest m = jar.getManifest();
            String header = m == null ? null : m.getMainAttributes().getValue(Constants.PROVIDE_CAPABILITY);
            return header != null && namespaces(header).stream().anyMatch(PROVIDER_NAMESPACES::contains);
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    /**
     * Reads a jar's bundle identity.
     *
     * @param file the jar
     * @return its name and version
     * @throws WsaException {@code WSAEINVAL} naming the file if it is not a readable bundle jar
     */
    public static DeployedJar read(Path file) throws WsaException {
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            Manifest m = jar.getManifest();
            Attributes main = m == null ? new Attributes() : m.getMainAttributes();
            String name = main.getValue(Constants.BUNDLE_SYMBOLICNAME);
            if (name == null || name.isBlank()) {
                throw new WsaException(WsaError.WSAEINVAL, file + " has no " + Constants.BUNDLE_SYMBOLICNAME);
            }
            int semicolon = name.indexOf(';');
            String version = main.getValue(Constants.BUNDLE_VERSION);
            return new DeployedJar((semicolon < 0 ? name : name.substring(0, semicolon)).strip(),
                    version == null ? Version.emptyVersion : Version.parseVersion(version.strip()));
        } catch (IOException | SecurityException | IllegalArgumentException e) {
            throw new WsaException(WsaError.WSAEINVAL, file + " is not a readable bundle jar: " + e, e);
        }
    }

    /** The namespace of each clause of a {@code Provide-Capability} header (commas in quotes are not separators). */
    static List<String> namespaces(String header) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        boolean inName = true;
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                out.add(name.toString().strip());
                name.setLength(0);
                inName = true;
                continue;
            } else if (!quoted && c == ';') {
                inName = false;
            }
            if (inName) {
                name.append(c);
            }
        }
        out.add(name.toString().strip());
        return out;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
