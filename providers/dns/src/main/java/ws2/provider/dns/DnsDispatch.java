package ws2.provider.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.UUID;
import java.util.function.Supplier;

import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

import ws2.api.QuerySet;
import ws2.api.ServiceClassInfo;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

/**
 * The {@code NSP_ROUTINE} of the ws2 DNS provider for one client context. Its
 * {@code NSPLookupServiceBegin} reads the query set into a {@link Question}, on the calling thread
 * and without network traffic:
 *
 * <ul>
 * <li>{@code SVCID_INET_HOSTADDRBYNAME} or {@code SVCID_HOSTNAME} with a name starting with
 * {@code _}: a {@link ServiceQuestion} (SRV);</li>
 * <li>the same classes with any other name: a {@link HostQuestion} (A and/or AAAA, by the
 * query's address families);</li>
 * <li>{@code SVCID_INET_HOSTADDRBYINETSTRING} with an IPv4 or IPv6 literal: a
 * {@link ReverseQuestion} (PTR).</li>
 * </ul>
 *
 * The query string is not used. The dispatch holds nothing of its own, so {@code NSPCleanup} has
 * nothing to free.
 */
final class DnsDispatch implements NspDispatch {
    private final UUID providerId;
    private final Supplier<DnsClient> client;

    /**
     * Creates the dispatch.
     *
     * @param providerId the GUID it was started as
     * @param client the configuration in force, read once per lookup
     */
    DnsDispatch(UUID providerId, Supplier<DnsClient> client) {
        this.providerId = providerId;
        this.client = client;
    }

    /**
     * {@code NSPLookupServiceBegin}.
     *
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} for another service class, a query without a
     *         name or one for no IP family; {@code WSAEINVAL} for a malformed name or address literal
     */
    @Override
    public NspLookup lookupServiceBegin(QuerySet restrictions, ServiceClassInfo classInfo, int controlFlags)
            throws WsaException {
        return new DnsLookup(question(restrictions), client.get(), restrictions.serviceClassId(), providerId,
                controlFlags);
    }

    private static Question question(QuerySet restrictions) throws WsaException {
        UUID serviceClass = restrictions.serviceClassId();
        String instance = restrictions.instanceName();
        boolean reverse = QuerySet.SVCID_INET_HOSTADDRBYINETSTRING.equals(serviceClass);
        if (!reverse && !QuerySet.SVCID_INET_HOSTADDRBYNAME.equals(serviceClass)
                && !QuerySet.SVCID_HOSTNAME.equals(serviceClass)) {
            throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "NS_DNS answers host, service (SRV) and reverse"
                    + " lookups, not service class " + serviceClass);
        }
        if (instance == null || instance.isBlank()) {
            throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "NS_DNS needs a name to look up; the local host"
                    + " name is another namespace's");
        }
        Families families = Families.of(restrictions.protocols());
        if (reverse) {
            return new ReverseQuestion(address(instance), families);
        }
        Name name = name(instance);
        return ServiceQuestion.isServiceName(instance) ? new ServiceQuestion(name, families)
                : new HostQuestion(name, families);
    }

    private static Name name(String instance) throws WsaException {
        try {
            return Name.fromString(instance);
        } catch (TextParseException e) {
            throw new WsaException(WsaError.WSAEINVAL, "'" + instance + "' is not a DNS name: " + e.getMessage());
        }
    }

    private static InetAddress address(String instance) throws WsaException {
        try {
            return Address.getByAddress(instance);
        } catch (UnknownHostException e) {
            throw new WsaException(WsaError.WSAEINVAL, "a reverse lookup needs an IPv4 or IPv6 literal, not '"
                    + instance + "'");
        }
    }

    /** {@code NSPCleanup}: nothing to free, each lookup is freed by its {@code NSPLookupServiceEnd}. */
    @Override
    public void cleanup() {
    }
}
