package ws2.market.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

/** {@link Installed} read from a running framework. */
public final class FrameworkBundles implements Installed {
    private final BundleContext context;

    /**
     * Creates the view.
     *
     * @param context any bundle context of the framework
     */
    public FrameworkBundles(BundleContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    @Override
    public List<Resource> resources() {
        List<Resource> out = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision r = b.adapt(BundleRevision.class);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    @Override
    public Map<Resource, Wiring> wirings() {
        Map<Resource, Wiring> out = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w != null) {
                out.put(w.getRevision(), w);
            }
        }
        return out;
    }

    @Override
    public List<String> refreshedBy(Collection<String> symbolicNames) {
        List<Bundle> updated = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            if (symbolicNames.contains(b.getSymbolicName())) {
                updated.add(b);
            }
        }
        if (updated.isEmpty()) {
            return List.of();
        }
        FrameworkWiring fw = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        return fw.getDependencyClosure(updated).stream().filter(b -> !updated.contains(b))
                .map(Bundle::getSymbolicName).sorted().toList();
    }
}
