package ws2.provider.registry;

import java.util.List;
import java.util.UUID;

import ws2.api.CsAddrInfo;
import ws2.api.QuerySet;
import ws2.api.QuerySet.ServiceVersion;
import ws2.api.WsaError;

/**
 * One registered service instance: what a {@code WSASetService} query set ({@code lpqsRegInfo})
 * put in the registry, and the session that owns it. Immutable; a change makes a new instance.
 *
 * @param name {@code lpszServiceInstanceName}, as last registered
 * @param serviceClassId {@code lpServiceClassId}
 * @param version {@code lpVersion} as {@link ServiceVersion#COMP_EQUAL}, or null
 * @param comment {@code lpszComment}, or null
 * @param addresses {@code lpcsaBuffer}, without duplicates, in registration order
 * @param owner the session that created or last overwrote the instance
 */
record ServiceInstance(String name, UUID serviceClassId, ServiceVersion version, String comment,
        List<CsAddrInfo> addresses, Session owner) {
    /** Wildcard instance name of queries, never registered. */
    static final String ALL_INSTANCES = "*";

    /** Copies the addresses. */
    ServiceInstance {
        addresses = List.copyOf(addresses);
    }

    /**
     * Reads the instance a {@code WSASetService} call names.
     *
     * @param regInfo the query set
     * @param owner the calling session
     * @return the instance, with the query set's addresses without duplicates
     * @throws RegistryException {@code WSAEINVAL} without a service class or an instance name, or
     *         for the wildcard name
     */
    static ServiceInstance of(QuerySet regInfo, Session owner) throws RegistryException {
        String name = regInfo.instanceName();
        if (regInfo.serviceClassId() == null) {
            throw new RegistryException(WsaError.WSAEINVAL, "a service registration needs a service class");
        }
        if (name == null || name.isEmpty() || name.equals(ALL_INSTANCES)) {
            throw new RegistryException(WsaError.WSAEINVAL, "a service registration needs an instance name, got "
                    + (name == null ? "none" : "\"" + name + "\""));
        }
        ServiceVersion version = regInfo.version() == null ? null
                : new ServiceVersion(regInfo.version().version(), ServiceVersion.COMP_EQUAL);
        return new ServiceInstance(name, regInfo.serviceClassId(), version, regInfo.comment(),
                regInfo.addresses().stream().distinct().toList(), owner);
    }

    /**
     * Returns the registry key.
     *
     * @return the class and the folded name
     */
    ServiceKey key() {
        return ServiceKey.of(serviceClassId, name);
    }

    /**
     * Returns this instance with other addresses.
     *
     * @param others the new addresses
     * @return the changed instance, same owner
     */
    ServiceInstance withAddresses(List<CsAddrInfo> others) {
        return new ServiceInstance(name, serviceClassId, version, comment, others, owner);
    }

    /**
     * Makes the {@code WSAQUERYSET2W} result of a lookup.
     *
     * @param selected the addresses the query lets through
     * @return the result, naming this provider and {@link RegistryProvider#NS_REGISTRY}
     */
    QuerySet toResult(List<CsAddrInfo> selected) {
        return QuerySet.builder().instanceName(name).serviceClassId(serviceClassId).version(version)
                .comment(comment).addresses(selected).nameSpace(RegistryProvider.NS_REGISTRY)
                .nsProviderId(RegistryProvider.PROVIDER_ID).build();
    }
}
