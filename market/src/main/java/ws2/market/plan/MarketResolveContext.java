package ws2.market.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;
import org.osgi.resource.Namespace;
import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;
import org.osgi.service.resolver.HostedCapability;
import org.osgi.service.resolver.ResolveContext;

/**
 * The resolve context of a plan: one mandatory resource; providers are searched among the
 * installed bundles first, then among the offered resources, in the order given (newest first).
 * Installed bundles keep their wirings.
 *
 * <p>A capability provides for a requirement when the namespaces are equal and the requirement's
 * {@code filter} directive, if any, matches the capability's attributes; {@code mandatory}
 * attributes are not checked. Only {@code effective:=resolve} clauses count.
 */
public final class MarketResolveContext extends ResolveContext {
    private final Resource mandatory;
    private final List<Resource> installed;
    private final List<? extends Resource> offered;
    private final Map<Resource, Wiring> wirings;

    /**
     * Creates the context.
     *
     * @param mandatory the resource to resolve
     * @param installed the installed resources
     * @param wirings the wirings of the installed resources that are resolved
     * @param offered the offered resources, preferred first
     */
    public MarketResolveContext(Resource mandatory, List<Resource> installed, Map<Resource, Wiring> wirings,
            List<? extends Resource> offered) {
        this.mandatory = Objects.requireNonNull(mandatory, "mandatory");
        this.installed = List.copyOf(installed);
        this.wirings = Map.copyOf(wirings);
        this.offered = List.copyOf(offered);
    }

    @Override
    public Collection<Resource> getMandatoryResources() {
        return List.of(mandatory);
    }

    @Override
    public List<Capability> findProviders(Requirement requirement) {
        Predicate<Map<String, Object>> filter = filter(requirement);
        List<Capability> out = new ArrayList<>();
        addMatches(installed, requirement.getNamespace(), filter, out);
        addMatches(offered, requirement.getNamespace(), filter, out);
        return out;
    }

    private void addMatches(List<? extends Resource> resources, String namespace, Predicate<Map<String, Object>> filter,
            List<Capability> out) {
        for (Resource r : resources) {
            for (Capability c : r.getCapabilities(namespace)) {
                if (isEffective(c) && filter.test(c.getAttributes())) {
                    out.add(c);
                }
            }
        }
    }

    /**
     * The requirement's filter as a test of capability attributes.
     *
     * @return always true without a filter, always false for a filter that does not parse
     */
    private static Predicate<Map<String, Object>> filter(Requirement requirement) {
        String text = requirement.getDirectives().get(Namespace.REQUIREMENT_FILTER_DIRECTIVE);
        if (text == null) {
            return attributes -> true;
        }
        try {
            return FrameworkUtil.createFilter(text)::matches;
        } catch (InvalidSyntaxException e) {
            return attributes -> false;
        }
    }

    @Override
    public int insertHostedCapability(List<Capability> capabilities, HostedCapability hostedCapability) {
        capabilities.add(hostedCapability);
        return capabilities.size() - 1;
    }

    @Override
    public boolean isEffective(Requirement requirement) {
        return resolveTime(requirement.getDirectives());
    }

    private static boolean isEffective(Capability capability) {
        return resolveTime(capability.getDirectives());
    }

    private static boolean resolveTime(Map<String, String> directives) {
        String effective = directives.get(Namespace.REQUIREMENT_EFFECTIVE_DIRECTIVE);
        return effective == null || Namespace.EFFECTIVE_RESOLVE.equals(effective);
    }

    @Override
    public Map<Resource, Wiring> getWirings() {
        return Collections.unmodifiableMap(wirings);
    }
}
