package ws2.provider.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import ws2.api.AfProtocols;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

/** What the tests share: a configuration, queries, and a Begin-Next-End loop as ws2.core runs it. */
final class Lookups {
    private Lookups() {
    }

    static HostsProvider.Config config(String file, long pollInterval) {
        return new HostsProvider.Config() {
            @Override
            public String file() {
                return file;
            }

            @Override
            public long pollInterval() {
                return pollInterval;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return HostsProvider.Config.class;
            }
        };
    }

    static QuerySet query(java.util.UUID serviceClass, String name, AfProtocols... protocols) {
        return QuerySet.builder().serviceClassId(serviceClass).instanceName(name).protocols(List.of(protocols))
                .build();
    }

    /** Runs Begin, Next until {@code WSA_E_NO_MORE}, End. */
    static List<QuerySet> all(NspDispatch dispatch, QuerySet query, int flags) throws WsaException {
        NspLookup lookup = dispatch.lookupServiceBegin(query, null, flags);
        List<QuerySet> results = new ArrayList<>();
        try {
            while (true) {
                results.add(lookup.next(flags));
                if (results.size() > 100) {
                    throw new AssertionError("no WSA_E_NO_MORE after 100 results");
                }
            }
        } catch (WsaException e) {
            assertEquals(WsaError.WSA_E_NO_MORE, e.error(), e::getMessage);
        } finally {
            lookup.end();
        }
        return results;
    }

    static WsaError beginFails(NspDispatch dispatch, QuerySet query) {
        return assertThrows(WsaException.class, () -> dispatch.lookupServiceBegin(query, null, 0)).error();
    }
}
