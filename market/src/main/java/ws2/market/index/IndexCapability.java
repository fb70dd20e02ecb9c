package ws2.market.index;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;

/** A capability of an index resource: immutable. */
public final class IndexCapability extends Clause implements Capability {
    IndexCapability(Resource resource, ClauseData data) {
        super(resource, data);
    }
}
