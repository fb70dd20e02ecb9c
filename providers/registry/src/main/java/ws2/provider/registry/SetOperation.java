package ws2.provider.registry;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import ws2.api.CsAddrInfo;
import ws2.api.LookupFlags;
import ws2.api.WsaError;

/**
 * {@code WSAESETSERVICEOP}: the three {@code NSPSetService} operations, each applying its rows of
 * the Winsock table to the instance in the registry.
 *
 * <table>
 * <caption>Effect on an existing instance (a missing one: REGISTER creates it, the others fail)</caption>
 * <tr><th>Operation</th><th>0</th><th>{@code SERVICE_MULTIPLE}</th></tr>
 * <tr><td>REGISTER</td><td>overwrite with the given addresses</td><td>add the given addresses</td></tr>
 * <tr><td>DEREGISTER</td><td>remove every address, keep the instance</td><td>remove the given addresses</td></tr>
 * <tr><td>DELETE</td><td>remove the instance</td><td>remove the given addresses, and the instance when none remain</td></tr>
 * </table>
 */
enum SetOperation {
    /** {@code RNRSERVICE_REGISTER}. */
    REGISTER {
        @Override
        ServiceInstance apply(ServiceInstance existing, ServiceInstance given, boolean multiple) {
            if (existing == null || !multiple) {
                return given;
            }
            Set<CsAddrInfo> union = new LinkedHashSet<>(existing.addresses());
            union.addAll(given.addresses());
            return existing.withAddresses(List.copyOf(union));
        }
    },
    /** {@code RNRSERVICE_DEREGISTER}. */
    DEREGISTER {
        @Override
        ServiceInstance apply(ServiceInstance existing, ServiceInstance given, boolean multiple)
                throws RegistryException {
            requireExisting(existing, given);
            return existing.withAddresses(multiple ? without(existing, given) : List.of());
        }
    },
    /** {@code RNRSERVICE_DELETE}. */
    DELETE {
        @Override
        ServiceInstance apply(ServiceInstance existing, ServiceInstance given, boolean multiple)
                throws RegistryException {
            requireExisting(existing, given);
            List<CsAddrInfo> remaining = multiple ? without(existing, given) : List.of();
            return remaining.isEmpty() ? null : existing.withAddresses(remaining);
        }
    };

    /**
     * Applies the operation.
     *
     * @param existing the registered instance, or null
     * @param given the instance of the call
     * @param multiple whether {@code SERVICE_MULTIPLE} was given
     * @return the instance to keep, or null to remove it
     * @throws RegistryException {@code WSASERVICE_NOT_FOUND} when DEREGISTER or DELETE finds nothing
     */
    abstract ServiceInstance apply(ServiceInstance existing, ServiceInstance given, boolean multiple)
            throws RegistryException;

    /**
     * Names the operation of a {@code WSASetService} call.
     *
     * @param operation {@code RNRSERVICE_*}
     * @return the operation
     * @throws RegistryException {@code WSAEINVAL} for another value
     */
    static SetOperation of(int operation) throws RegistryException {
        switch (operation) {
            case LookupFlags.RNRSERVICE_REGISTER: return REGISTER;
            case LookupFlags.RNRSERVICE_DEREGISTER: return DEREGISTER;
            case LookupFlags.RNRSERVICE_DELETE: return DELETE;
            default: throw new RegistryException(WsaError.WSAEINVAL, "unknown set-service operation " + operation);
        }
    }

    private static void requireExisting(ServiceInstance existing, ServiceInstance given) throws RegistryException {
        if (existing == null) {
            throw new RegistryException(WsaError.WSASERVICE_NOT_FOUND, "no instance \"" + given.name()
                    + "\" of service class " + given.serviceClassId() + " is registered");
        }
    }

    private static List<CsAddrInfo> without(ServiceInstance existing, ServiceInstance given) {
        List<CsAddrInfo> remaining = new ArrayList<>(existing.addresses());
        remaining.removeAll(given.addresses());
        return remaining;
    }
}
