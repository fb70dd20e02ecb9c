package ws2.market.plan;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

/**
 * What is installed, as the resolver sees it: the framework's bundles (the system bundle
 * included) as resources, their wirings, and which of them a change would refresh.
 */
public interface Installed {
    /**
     * Returns the installed resources.
     *
     * @return the current revision of each installed bundle, the system bundle first
     */
    List<Resource> resources();

    /**
     * Returns the wirings of the resolved resources.
     *
     * @return wiring by resource
     */
    Map<Resource, Wiring> wirings();

    /**
     * Returns the bundles that updating some bundles would refresh.
     *
     * @param symbolicNames the bundles updated
     * @return the symbolic names of the other installed bundles wired to them, directly or not, sorted
     */
    List<String> refreshedBy(Collection<String> symbolicNames);
}
