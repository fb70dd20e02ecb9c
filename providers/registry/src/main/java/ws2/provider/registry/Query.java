package ws2.provider.registry;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.CsAddrInfo;
import ws2.api.QuerySet;
import ws2.api.QuerySet.ServiceVersion;

/**
 * The restrictions of an {@code NSPv2LookupServiceBegin} as the registry applies them: a service
 * class (null: every class), an instance name (null: every instance), an optional version and the
 * families and protocols the addresses must have. Immutable.
 *
 * @param serviceClassId the class, or null
 * @param foldedName the folded instance name, or null
 * @param version the version restriction, or null
 * @param protocols the address restrictions; empty lets every address through
 */
record Query(UUID serviceClassId, String foldedName, ServiceVersion version, List<AfProtocols> protocols) {
    /** Copies the protocols. */
    Query {
        protocols = List.copyOf(protocols);
    }

    /**
     * Reads the restrictions of a query set: a missing or empty instance name, or
     * {@code "*"}, matches every instance.
     *
     * @param restrictions the query set
     * @return the query
     */
    static Query of(QuerySet restrictions) {
        String name = restrictions.instanceName();
        boolean all = name == null || name.isEmpty() || name.equals(ServiceInstance.ALL_INSTANCES);
        return new Query(restrictions.serviceClassId(), all ? null : ServiceKey.fold(name), restrictions.version(),
                restrictions.protocols());
    }

    /**
     * Answers the query from the registered instances.
     *
     * @param instances the instances, in registry order
     * @return one result per instance that matches, immutable
     */
    List<QuerySet> results(Collection<ServiceInstance> instances) {
        return instances.stream().map(this::select).filter(Objects::nonNull).toList();
    }

    /** Names the query for messages, for example {@code instance "lobby" of service class 6f1c...}. */
    @Override
    public String toString() {
        return (foldedName == null ? "every instance" : "instance \"" + foldedName + "\"")
                + (serviceClassId == null ? " of any service class" : " of service class " + serviceClassId)
                + (version == null ? "" : " with " + version) + (protocols.isEmpty() ? "" : " on " + protocols);
    }

    private QuerySet select(ServiceInstance instance) {
        ServiceKey key = instance.key();
        if (serviceClassId != null && !serviceClassId.equals(key.serviceClassId())
                || foldedName != null && !foldedName.equals(key.foldedName())
                || version != null && (instance.version() == null || !version.accepts(instance.version().version()))) {
            return null;
        }
        if (protocols.isEmpty()) {
            return instance.toResult(instance.addresses());
        }
        List<CsAddrInfo> selected = instance.addresses().stream().filter(this::admits).toList();
        return selected.isEmpty() ? null : instance.toResult(selected);
    }

    private boolean admits(CsAddrInfo address) {
        return protocols.stream().anyMatch(p -> (p.family() == AddressFamily.AF_UNSPEC
                || p.family() == address.remoteAddr().family()) && (p.protocol() == 0 || p.protocol() == address.protocol()));
    }
}
