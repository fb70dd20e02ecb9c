package ws2.market;

import java.util.Objects;

/**
 * One bundle a {@link Plan} installs or updates.
 *
 * @param symbolicName the bundle's symbolic name
 * @param fromVersion the installed version it replaces, or the empty string for a new install
 * @param toVersion the version installed
 * @param source the URL of the source it comes from
 */
public record BundleChange(String symbolicName, String fromVersion, String toVersion, String source) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public BundleChange {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(fromVersion, "fromVersion");
        Objects.requireNonNull(toVersion, "toVersion");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Tells an update from a new install.
     *
     * @return true if another version of the bundle is installed
     */
    public boolean isUpdate() {
        return !fromVersion.isEmpty();
    }
}
