package ws2.provider.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ws2.api.AfProtocols;
import ws2.api.LookupFlags;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

/**
 * Drives the provider as ws2.core does, without a framework: configuration, {@code NSPStartup},
 * Begin, Next until {@code WSA_E_NO_MORE}, End.
 */
final class Nsp {
    /** The provider GUID. */
    static final UUID ID = UUID.fromString(DnsProvider.ID);
    /** What a getaddrinfo-like caller asks for. */
    static final int RETURN = LookupFlags.LUP_RETURN_NAME | LookupFlags.LUP_RETURN_TYPE | LookupFlags.LUP_RETURN_ADDR;

    private Nsp() {
    }

    /**
     * A configuration.
     *
     * @param servers the servers value
     * @param timeoutMillis the timeout
     * @param retries the retries
     * @param searchDomains the search domains
     * @return the configuration as DS would pass it
     */
    static DnsProvider.Config config(String servers, int timeoutMillis, int retries, String... searchDomains) {
        return new DnsProvider.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DnsProvider.Config.class;
            }

            @Override
            public String[] servers() {
                return servers == null ? new String[0] : new String[] {servers};
            }

            @Override
            public int timeoutMillis() {
                return timeoutMillis;
            }

            @Override
            public int retries() {
                return retries;
            }

            @Override
            public String[] searchDomains() {
                return searchDomains.clone();
            }
        };
    }

    /**
     * Starts a provider on a configuration, as DS and ws2.core would.
     *
     * @param config the configuration
     * @return its dispatch for one client context
     */
    static NspDispatch dispatch(DnsProvider.Config config) {
        return new DnsProvider(config).startup(ID);
    }

    /**
     * A query set.
     *
     * @param name the instance name
     * @param serviceClass the class
     * @param protocols the family restrictions
     * @return the query
     */
    static QuerySet query(String name, UUID serviceClass, AfProtocols... protocols) {
        return QuerySet.builder().instanceName(name).serviceClassId(serviceClass).nameSpace(NameSpaces.NS_DNS)
                .protocols(List.of(protocols)).build();
    }

    /**
     * Runs a lookup to its end.
     *
     * @param dispatch the dispatch
     * @param query the query
     * @param flags the flags of Begin and Next
     * @return every result
     * @throws WsaException the failure of Begin or Next
     */
    static List<QuerySet> lookup(NspDispatch dispatch, QuerySet query, int flags) throws WsaException {
        NspLookup lookup = dispatch.lookupServiceBegin(query, null, flags);
        try {
            List<QuerySet> results = new ArrayList<>();
            while (true) {
                try {
                    results.add(lookup.next(flags));
                } catch (WsaException e) {
                    if (e.error() != WsaError.WSA_E_NO_MORE) {
                        throw e;
                    }
                    return results;
                }
            }
        } finally {
            lookup.end();
        }
    }

    /**
     * Runs a lookup that must fail.
     *
     * @param dispatch the dispatch
     * @param query the query
     * @param expected the code
     * @return the failure, to check its message
     */
    static WsaException failure(NspDispatch dispatch, QuerySet query, WsaError expected) {
        WsaException e = assertThrows(WsaException.class, () -> lookup(dispatch, query, RETURN));
        assertEquals(expected, e.error(), e.getMessage());
        return e;
    }
}
