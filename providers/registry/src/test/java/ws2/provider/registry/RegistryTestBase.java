package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.LookupFlags;
import ws2.api.QuerySet;
import ws2.api.SockAddr;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** A provider with two client sessions, "bundle A" and "bundle B", and helpers to drive it. */
abstract class RegistryTestBase {
    static final UUID PRINTERS = UUID.fromString("6f1c7a52-0000-4000-8000-000000000001");
    static final UUID SCANNERS = UUID.fromString("6f1c7a52-0000-4000-8000-000000000002");

    final RegistryProvider provider = new RegistryProvider();
    final Object bundleA = provider.startup(RegistryProvider.PROVIDER_ID);
    final Object bundleB = provider.startup(RegistryProvider.PROVIDER_ID);

    static CsAddrInfo tcp4(int port) {
        return new CsAddrInfo(null, SockAddr.of(InetAddress.getLoopbackAddress(), port), SocketType.SOCK_STREAM,
                IpProtocol.IPPROTO_TCP);
    }

    static CsAddrInfo tcp6(int port) throws Exception {
        return new CsAddrInfo(null, SockAddr.of(InetAddress.getByName("::1"), port), SocketType.SOCK_STREAM,
                IpProtocol.IPPROTO_TCP);
    }

    static QuerySet.Builder instance(String name, UUID serviceClass, CsAddrInfo... addresses) {
        return QuerySet.builder().instanceName(name).serviceClassId(serviceClass)
                .nameSpace(RegistryProvider.NS_REGISTRY).addresses(List.of(addresses));
    }

    static QuerySet query(String name, UUID serviceClass) {
        return QuerySet.builder().instanceName(name).serviceClassId(serviceClass)
                .nameSpace(RegistryProvider.NS_REGISTRY).build();
    }

    TestCall<Void> set(Object session, QuerySet regInfo, int operation, int flags) {
        TestCall<Void> call = new TestCall<>();
        provider.setServiceEx(call, RegistryProvider.PROVIDER_ID, regInfo, operation, flags, session);
        return call;
    }

    void register(Object session, QuerySet regInfo) {
        set(session, regInfo, LookupFlags.RNRSERVICE_REGISTER, 0).succeeded();
    }

    Object begin(QuerySet restrictions) throws WsaException {
        return provider.lookupServiceBegin(RegistryProvider.PROVIDER_ID, restrictions, LookupFlags.LUP_RETURN_ALL,
                bundleB);
    }

    TestCall<QuerySet> next(Object lookup) {
        TestCall<QuerySet> call = new TestCall<>();
        provider.lookupServiceNextEx(call, lookup, LookupFlags.LUP_RETURN_ALL);
        return call;
    }

    /** Begin, Next until {@code WSA_E_NO_MORE}, End, from bundle B. */
    List<QuerySet> lookup(QuerySet restrictions) throws WsaException {
        Object lookup = begin(restrictions);
        List<QuerySet> results = new ArrayList<>();
        for (TestCall<QuerySet> call = next(lookup); call.error() != WsaError.WSA_E_NO_MORE; call = next(lookup)) {
            results.add(call.succeeded());
        }
        provider.lookupServiceEnd(lookup);
        return results;
    }

    /** The one result of a lookup. */
    QuerySet lookupOne(QuerySet restrictions) throws WsaException {
        List<QuerySet> results = lookup(restrictions);
        assertEquals(1, results.size(), () -> "results: " + results);
        return results.get(0);
    }

    static List<String> names(List<QuerySet> results) {
        return results.stream().map(QuerySet::instanceName).toList();
    }

    void assertNotFound(QuerySet restrictions) {
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class, () -> begin(restrictions)).error());
    }
}
