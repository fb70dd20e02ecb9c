package ws2.market;

import java.util.List;
import java.util.Objects;

/**
 * A dry run of installing one bundle: what {@link Marketplace#plan} found the OSGi resolver would
 * need, computed without installing, updating or refreshing anything.
 *
 * @param symbolicName the bundle planned
 * @param changes the bundle itself, installed or updated; empty when that version is already installed
 * @param pulledIn the further bundles the resolver pulls in from the sources to satisfy it
 * @param refreshes the installed bundles an update would refresh (wired, directly or not, to an
 *        updated bundle), by symbolic name; empty for new installs only
 * @param declarations the catalog entries the planned bundles declare (their {@code ws2.*}
 *        capabilities, summarised) and the protocol chains their layers would form over the base
 *        entries installed or planned
 * @param openSockets the sockets open now through the providers of the bundles the change would
 *        update (their old version serves them until they close)
 */
public record Plan(String symbolicName, List<BundleChange> changes, List<BundleChange> pulledIn, List<String> refreshes,
        List<String> declarations, int openSockets) {
    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if {@code openSockets} is negative
     */
    public Plan {
        Objects.requireNonNull(symbolicName, "symbolicName");
        changes = List.copyOf(changes);
        pulledIn = List.copyOf(pulledIn);
        refreshes = List.copyOf(refreshes);
        declarations = List.copyOf(declarations);
        if (openSockets < 0) {
            throw new IllegalArgumentException("negative socket count: " + openSockets);
        }
    }
}
