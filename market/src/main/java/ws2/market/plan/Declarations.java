package ws2.market.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

import ws2.catalog.ProviderNamespaces;
import ws2.market.index.ResourceIdentity;
import ws2.market.search.CapabilitySummary;

/**
 * What planned bundles declare to the catalog: each {@code ws2.*} capability, and for each layer
 * the chains it would form, one per base entry (installed or planned) its {@code over} filter
 * matches, the attributes a filter sees being those ws2.core gives it (the transport attributes,
 * plus {@code providerId}).
 */
final class Declarations {
    private static final String PROVIDER_ID = "providerId";

    private Declarations() {
    }

    /**
     * Lists the declarations.
     *
     * @param planned the bundles to be installed or updated
     * @param installed the installed bundles
     * @return one line per entry and per chain, each starting with the declaring bundle's name
     */
    static List<String> of(List<? extends Resource> planned, List<Resource> installed) {
        List<Capability> bases = new ArrayList<>();
        installed.forEach(r -> bases.addAll(r.getCapabilities(ProviderNamespaces.TRANSPORT_NAMESPACE)));
        planned.forEach(r -> bases.addAll(r.getCapabilities(ProviderNamespaces.TRANSPORT_NAMESPACE)));
        List<String> out = new ArrayList<>();
        for (Resource r : planned) {
            String name = ResourceIdentity.name(r);
            CapabilitySummary.of(r).forEach(s -> out.add(name + ": " + s));
            for (Capability layer : r.getCapabilities(ProviderNamespaces.LAYERED_NAMESPACE)) {
                out.addAll(chains(name, layer, bases));
            }
        }
        return out;
    }

    private static List<String> chains(String name, Capability layer, List<Capability> bases) {
        Object layerName = layer.getAttributes().get(ProviderNamespaces.ATTR_PROTOCOL_NAME);
        Object over = layer.getAttributes().get(ProviderNamespaces.ATTR_OVER);
        Filter filter;
        try {
            filter = over == null || over.toString().isBlank() ? null : FrameworkUtil.createFilter(over.toString());
        } catch (InvalidSyntaxException e) {
            return List.of(name + ": " + layerName + " has an over filter that does not parse, " + over
                    + "; ws2.core will refuse it");
        }
        List<String> out = new ArrayList<>();
        for (Capability base : bases) {
            Map<String, Object> attributes = new HashMap<>(base.getAttributes());
            attributes.put(PROVIDER_ID, base.getAttributes().get(ProviderNamespaces.TRANSPORT_NAMESPACE));
            if (filter == null || filter.matches(attributes)) {
                out.add(name + ": chain " + layerName + " over " + attributes.get(ProviderNamespaces.ATTR_PROTOCOL_NAME)
                        + " (" + ResourceIdentity.name(base.getResource()) + ")");
            }
        }
        if (out.isEmpty()) {
            out.add(name + ": no chain yet: " + layerName + " goes over no base entry installed or planned");
        }
        return out;
    }
}
