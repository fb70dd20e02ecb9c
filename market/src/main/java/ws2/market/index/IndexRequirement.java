package ws2.market.index;

import org.osgi.resource.Requirement;
import org.osgi.resource.Resource;

/** A requirement of an index resource: immutable. */
public final class IndexRequirement extends Clause implements Requirement {
    IndexRequirement(Resource resource, ClauseData data) {
        super(resource, data);
    }
}
