package ws2.market.plan;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.service.resolver.ResolutionException;

import ws2.market.index.ResourceIdentity;

/**
 * Explains a resolution failure: each unresolved requirement, and what the installed bundles and
 * the sources do provide under the same name (say, other versions of a package), whatever the rest
 * of the filter says.
 */
final class Unresolved {
    private Unresolved() {
    }

    /**
     * Describes the failure.
     *
     * @param e the resolver's exception
     * @param candidates every installed and offered resource
     * @return a sentence fragment naming the requirements and the versions on offer
     */
    static String explain(ResolutionException e, List<? extends Resource> candidates) {
        List<String> parts = new ArrayList<>();
        for (Requirement r : e.getUnresolvedRequirements()) {
            String filter = r.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
            parts.add("missing " + r.getNamespace() + " " + filter + " of " + ResourceIdentity.name(r.getResource())
                    + ", " + offered(r.getNamespace(), nameIn(r.getNamespace(), filter), candidates));
        }
        parts.add("resolver: " + e.getMessage());
        return String.join("; ", parts);
    }

    /** The value the filter asks of the namespace attribute, e.g. the package name, or null. */
    private static String nameIn(String namespace, String filter) {
        Matcher m = Pattern.compile("\\(" + Pattern.quote(namespace) + "=([^()]*)\\)").matcher(filter);
        return m.find() ? m.group(1) : null;
    }

    private static String offered(String namespace, String name, List<? extends Resource> candidates) {
        if (name == null) {
            return "a requirement without a name to look up among the offers";
        }
        Set<String> found = new LinkedHashSet<>();
        for (Resource res : candidates) {
            for (Capability c : res.getCapabilities(namespace)) {
                if (name.equals(String.valueOf(c.getAttributes().get(namespace)))) {
                    Object v = c.getAttributes().get("version");
                    found.add((v == null ? "unversioned" : "version " + v) + " from " + ResourceIdentity.name(res) + " "
                            + ResourceIdentity.version(res));
                }
            }
        }
        return found.isEmpty() ? "and no installed bundle or source provides " + name
                : "offered for " + name + ": " + String.join(", ", found);
    }
}
