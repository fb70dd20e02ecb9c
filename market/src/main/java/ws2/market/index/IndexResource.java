package ws2.market.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.osgi.framework.Version;
import org.osgi.framework.namespace.IdentityNamespace;
import org.osgi.resource.Capability;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/**
 * One resource of a repository index: immutable, with its identity and content read once.
 *
 * <p>Its content URL is absolute: a relative {@code osgi.content} URL is resolved against the
 * index URL when the index is parsed.
 */
public final class IndexResource implements Resource {
    /** The content namespace of the R5 repository specification. */
    public static final String CONTENT_NAMESPACE = "osgi.content";
    /** Content attribute: the download URL. */
    public static final String CONTENT_URL = "url";
    /** Content attribute: the size in bytes. */
    public static final String CONTENT_SIZE = "size";

    private final String source;
    private final List<Capability> capabilities;
    private final List<Requirement> requirements;
    private final String symbolicName;
    private final Version version;
    private final String url;
    private final String sha256;
    private final long size;

    /**
     * Creates a resource.
     *
     * @param source the URL of the index it comes from
     * @param capabilities its capabilities; the content capability's url must be absolute
     * @param requirements its requirements
     * @throws IllegalArgumentException if it has no identity, no version or no content
     */
    public IndexResource(String source, List<ClauseData> capabilities, List<ClauseData> requirements) {
        this.source = Objects.requireNonNull(source, "source");
        List<Capability> caps = new ArrayList<>();
        capabilities.forEach(c -> caps.add(new IndexCapability(this, c)));
        List<Requirement> reqs = new ArrayList<>();
        requirements.forEach(r -> reqs.add(new IndexRequirement(this, r)));
        this.capabilities = List.copyOf(caps);
        this.requirements = List.copyOf(reqs);
        this.symbolicName = ResourceIdentity.name(this);
        if (symbolicName.isEmpty()) {
            throw new IllegalArgumentException("a resource has no " + IdentityNamespace.IDENTITY_NAMESPACE + " capability");
        }
        if (!(ResourceIdentity.attribute(this, IdentityNamespace.CAPABILITY_VERSION_ATTRIBUTE) instanceof Version v)) {
            throw new IllegalArgumentException("resource " + symbolicName + " has no version of type Version");
        }
        this.version = v;
        Capability content = content(this);
        this.url = text(content, CONTENT_URL);
        this.sha256 = text(content, CONTENT_NAMESPACE);
        if (!(content.getAttributes().get(CONTENT_SIZE) instanceof Long s)) {
            throw new IllegalArgumentException("resource " + symbolicName + " has no content size of type Long");
        }
        this.size = s;
    }

    private static Capability content(IndexResource r) {
        List<Capability> content = r.getCapabilities(CONTENT_NAMESPACE);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("resource " + r.symbolicName + " has no " + CONTENT_NAMESPACE + " capability");
        }
        return content.get(0);
    }

    private String text(Capability content, String attribute) {
        Object value = content.getAttributes().get(attribute);
        if (value == null || value.toString().isEmpty()) {
            throw new IllegalArgumentException("resource " + symbolicName + " has no content " + attribute);
        }
        return value.toString();
    }

    @Override
    public List<Capability> getCapabilities(String namespace) {
        return namespace == null ? capabilities
                : capabilities.stream().filter(c -> c.getNamespace().equals(namespace)).toList();
    }

    @Override
    public List<Requirement> getRequirements(String namespace) {
        return namespace == null ? requirements
                : requirements.stream().filter(r -> r.getNamespace().equals(namespace)).toList();
    }

    /**
     * Returns the URL of the index that offers it.
     *
     * @return the source URL
     */
    public String source() {
        return source;
    }

    /**
     * Returns the symbolic name.
     *
     * @return the {@code osgi.identity}
     */
    public String symbolicName() {
        return symbolicName;
    }

    /**
     * Returns the version.
     *
     * @return the identity's version
     */
    public Version version() {
        return version;
    }

    /**
     * Returns the description.
     *
     * @return the identity's description, or the empty string
     */
    public String description() {
        Object d = ResourceIdentity.attribute(this, "description");
        return d == null ? "" : d.toString();
    }

    /**
     * Returns where the bundle is downloaded from.
     *
     * @return an absolute URL
     */
    public String url() {
        return url;
    }

    /**
     * Returns the content hash.
     *
     * @return the SHA-256, hex, as the index writes it
     */
    public String sha256() {
        return sha256;
    }

    /**
     * Returns the content size.
     *
     * @return bytes
     */
    public long size() {
        return size;
    }

    @Override
    public String toString() {
        return symbolicName + " " + version;
    }
}
