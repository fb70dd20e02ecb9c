package ws2.market.index;

import java.util.List;

import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/**
 * Reads a resource's {@code osgi.identity}: the same for index resources and for the revisions of
 * installed bundles.
 */
public final class ResourceIdentity {
    private ResourceIdentity() {
    }

    /**
     * Returns the symbolic name.
     *
     * @param resource a resource
     * @return its identity, or the empty string if it declares none
     */
    public static String name(Resource resource) {
        Object name = attribute(resource, IdentityNamespace.IDENTITY_NAMESPACE);
        return name == null ? "" : name.toString();
    }

    /**
     * Returns the version.
     *
     * @param resource a resource
     * @return its version, {@link Version#emptyVersion} if it declares none
     */
    public static Version version(Resource resource) {
        Object version = attribute(resource, IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE);
        return version instanceof Version v ? v : version == null ? Version.emptyVersion : Version.valueOf(version.toString());
    }

    /**
     * Returns an attribute of the identity capability.
     *
     * @param resource a resource
     * @param name the attribute
     * @return its value, or null
     */
    public static Object attribute(Resource resource, String name) {
        List<Capability> identity = resource.getCapabilities(IdentityNamespace.IDENTITY_NAMESPACE);
        return identity.isEmpty() ? null : identity.get(0).getAttributes().get(name);
    }
}
