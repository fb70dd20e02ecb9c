package ws2.provider.hosts;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import ws2.api.QuerySet;
import ws2.api.ServiceClassInfo;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

/**
 * The {@code NSP_ROUTINE} of the ws2 Hosts provider for one client context: only
 * {@code NSPLookupServiceBegin} does anything; service registration and service classes keep the
 * {@code WSAEOPNOTSUPP} defaults, as a hosts file is edited, not registered into.
 *
 * <p>Thread-safe and stateless apart from the shared {@link HostsSource}; it keeps answering after
 * the component is deactivated, checking the file on its own.
 */
final class HostsDispatch implements NspDispatch {
    private final HostsSource source;

    /**
     * Creates the dispatch.
     *
     * @param source the hosts file it answers from
     */
    HostsDispatch(HostsSource source) {
        this.source = source;
    }

    /**
     * {@code NSPLookupServiceBegin}: finds the host in the table in force and returns a lookup over
     * its precomputed results.
     *
     * <ul>
     * <li>{@code SVCID_INET_HOSTADDRBYNAME}, {@code SVCID_HOSTNAME}: the instance name is a host
     * name, matched without regard to case or a trailing dot;</li>
     * <li>{@code SVCID_INET_HOSTADDRBYINETSTRING}: the instance name is an IPv4 or IPv6 literal,
     * answered with the names the file gives it.</li>
     * </ul>
     * The addresses returned are restricted to the families of {@code restrictions.protocols()}
     * (none: both).
     *
     * @throws WsaException {@code WSAEINVAL} without a service class or instance name, or for a
     *         reverse query whose name is not an address literal; {@code WSASERVICE_NOT_FOUND} for
     *         another service class or a host the file does not list (ws2.core then asks the next
     *         provider); {@code WSANO_DATA} for a listed host without an address of the families asked
     */
    @Override
    public NspLookup lookupServiceBegin(QuerySet restrictions, ServiceClassInfo classInfo, int controlFlags)
            throws WsaException {
        UUID serviceClass = restrictions.serviceClassId();
        String name = restrictions.instanceName();
        if (serviceClass == null || name == null || name.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, "a host lookup needs a service class and an instance name");
        }
        HostQuery query = query(serviceClass, name, Families.of(restrictions.protocols()));
        HostsTable table = source.table();
        HostAnswer answer = query.answer(table);
        if (answer == null) {
            throw new StacklessWsaException(WsaError.WSASERVICE_NOT_FOUND, "'" + name + "' is not in the hosts file");
        }
        List<QuerySet> results = answer.results(query.families());
        if (results.isEmpty()) {
            throw new WsaException(WsaError.WSANO_DATA, "'" + name + "' is in the hosts file without an address of"
                    + " the families asked");
        }
        return new HostsLookup(source, query, results, controlFlags);
    }

    private static HostQuery query(UUID serviceClass, String name, int families) throws WsaException {
        if (QuerySet.SVCID_INET_HOSTADDRBYNAME.equals(serviceClass) || QuerySet.SVCID_HOSTNAME.equals(serviceClass)) {
            return new HostQuery(name, null, families);
        }
        if (!QuerySet.SVCID_INET_HOSTADDRBYINETSTRING.equals(serviceClass)) {
            throw new StacklessWsaException(WsaError.WSASERVICE_NOT_FOUND, "the hosts file serves no service class "
                    + serviceClass);
        }
        InetAddress address = IpLiteral.parse(name);
        if (address == null) {
            throw new WsaException(WsaError.WSAEINVAL, "'" + name + "' is not an IPv4 or IPv6 address literal");
        }
        return new HostQuery(null, address, families);
    }

    /** {@code NSPCleanup}: nothing to free; lookups begun stay usable until they end. */
    @Override
    public void cleanup() {
    }
}
