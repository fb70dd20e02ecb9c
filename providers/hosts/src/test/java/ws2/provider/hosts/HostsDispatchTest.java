package ws2.provider.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ws2.api.LookupFlags.LUP_RETURN_ADDR;
import static ws2.api.LookupFlags.LUP_RETURN_ALIASES;
import static ws2.api.LookupFlags.LUP_RETURN_ALL;
import static ws2.api.LookupFlags.LUP_RETURN_NAME;
import static ws2.api.LookupFlags.RESULT_IS_ALIAS;
import static ws2.api.QuerySet.SVCID_HOSTNAME;
import static ws2.api.QuerySet.SVCID_INET_HOSTADDRBYINETSTRING;
import static ws2.api.QuerySet.SVCID_INET_HOSTADDRBYNAME;
import static ws2.provider.hosts.Lookups.all;
import static ws2.provider.hosts.Lookups.beginFails;
import static ws2.provider.hosts.Lookups.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

class HostsDispatchTest {
    private static final UUID ID = UUID.fromString(HostsProvider.ID);
    private static final int NAME_AND_ADDR = LUP_RETURN_NAME | LUP_RETURN_ADDR;
    private static final AfProtocols INET = new AfProtocols(AddressFamily.AF_INET, IpProtocol.IPPROTO_TCP);
    private static final AfProtocols INET6 = new AfProtocols(AddressFamily.AF_INET6, IpProtocol.IPPROTO_TCP);
    private static final AfProtocols UNSPEC = new AfProtocols(AddressFamily.AF_UNSPEC, 0);

    private HostsProvider provider;
    private NspDispatch dispatch;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException, WsaException {
        Path hosts = Files.writeString(dir.resolve("hosts"), """
                127.0.0.1 localhost
                ::1       localhost ip6-localhost   # loopback
                10.0.0.5  db.example.com db
                10.0.0.6  Web.Example.com www
                10.0.0.6  web-alt
                fd00::6   web.example.com
                """);
        provider = new HostsProvider(Lookups.config(hosts.toString(), HostsProvider.DEFAULT_POLL_INTERVAL), null);
        dispatch = provider.startup(ID);
    }

    @AfterEach
    void stop() throws WsaException {
        dispatch.cleanup();
        provider.deactivate();
    }

    private static List<String> hosts(QuerySet result) {
        return result.addresses().stream().map(a -> a.remoteAddr().host()).toList();
    }

    private static List<String> names(List<QuerySet> results) {
        return results.stream().map(QuerySet::instanceName).toList();
    }

    @Test
    void forwardLookupReturnsTheHostWithAllItsAddressesInOneResult() throws WsaException {
        List<QuerySet> results = all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "localhost"), NAME_AND_ADDR);
        assertEquals(1, results.size());
        QuerySet host = results.get(0);
        assertEquals("localhost", host.instanceName());
        assertEquals(List.of("127.0.0.1", "::1"), hosts(host));
        assertEquals(NameSpaces.NS_DNS, host.nameSpace());
        assertEquals(ID, host.nsProviderId());
        assertEquals(0, host.outputFlags());
        CsAddrInfo first = host.addresses().get(0);
        assertEquals(null, first.localAddr());
        assertEquals(0, first.remoteAddr().port());
        assertEquals(SocketType.SOCK_STREAM, first.socketType());
        assertEquals(IpProtocol.IPPROTO_TCP, first.protocol());
        assertEquals(AddressFamily.AF_INET6, host.addresses().get(1).remoteAddr().family());
    }

    @Test
    void hostNameClassAnswersLikeHostAddressByName() throws WsaException {
        assertEquals(all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "db"), NAME_AND_ADDR),
                all(dispatch, query(SVCID_HOSTNAME, "db"), NAME_AND_ADDR));
    }

    @Test
    void namesMatchWithoutCaseOrTrailingDotAndTheCanonicalNameKeepsItsCase() throws WsaException {
        for (String name : List.of("web.example.com", "WEB.EXAMPLE.COM", "Web.Example.Com.")) {
            List<QuerySet> results = all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, name), NAME_AND_ADDR);
            assertEquals(List.of("Web.Example.com"), names(results), name);
            assertEquals(List.of("10.0.0.6", "fd00::6"), hosts(results.get(0)), name);
        }
        List<QuerySet> alias = all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "WwW"), NAME_AND_ADDR);
        assertEquals(List.of("Web.Example.com"), names(alias));
        assertEquals(List.of("10.0.0.6"), hosts(alias.get(0)), "an alias has the addresses of the lines naming it");
    }

    @Test
    void aliasesFollowTheHostOnlyWhenAsked() throws WsaException {
        List<QuerySet> results = all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "db"), LUP_RETURN_ALL);
        assertEquals(List.of("db.example.com", "db"), names(results));
        assertEquals(List.of(0, RESULT_IS_ALIAS), results.stream().map(QuerySet::outputFlags).toList());
        assertEquals(List.of("10.0.0.5"), hosts(results.get(0)));
        assertEquals(List.of(), results.get(1).addresses());

        assertEquals(List.of("db.example.com"),
                names(all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "db"), NAME_AND_ADDR)));
    }

    @Test
    void addressesAreFilteredByTheFamiliesOfTheQuery() throws WsaException {
        assertEquals(List.of("127.0.0.1"),
                hosts(all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "localhost", INET), NAME_AND_ADDR).get(0)));
        assertEquals(List.of("::1"),
                hosts(all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "localhost", INET6), NAME_AND_ADDR).get(0)));
        assertEquals(List.of("127.0.0.1", "::1"),
                hosts(all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "localhost", UNSPEC), NAME_AND_ADDR).get(0)));
        assertEquals(List.of("127.0.0.1", "::1"), hosts(all(dispatch,
                query(SVCID_INET_HOSTADDRBYNAME, "localhost", INET6, INET), NAME_AND_ADDR).get(0)));
        assertEquals(WsaError.WSANO_DATA, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "db", INET6)));
        assertEquals(WsaError.WSANO_DATA, beginFails(dispatch,
                query(SVCID_INET_HOSTADDRBYNAME, "db", new AfProtocols(AddressFamily.AF_UNIX, 0))));
    }

    @Test
    void reverseLookupAnswersAnAddressWithTheNamesOfItsLines() throws WsaException {
        List<QuerySet> results = all(dispatch, query(SVCID_INET_HOSTADDRBYINETSTRING, "10.0.0.6"), LUP_RETURN_ALL);
        assertEquals(List.of("Web.Example.com", "www", "web-alt"), names(results));
        assertEquals(List.of("10.0.0.6"), hosts(results.get(0)));
        assertEquals(List.of("localhost", "ip6-localhost"),
                names(all(dispatch, query(SVCID_INET_HOSTADDRBYINETSTRING, "0:0::1"), LUP_RETURN_ALL)));
        assertEquals(WsaError.WSANO_DATA, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYINETSTRING, "::1", INET)));
    }

    @Test
    void whatTheFileDoesNotListIsLeftToTheNextProvider() {
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "nowhere")));
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "db.example")));
        assertEquals(WsaError.WSASERVICE_NOT_FOUND,
                beginFails(dispatch, query(SVCID_INET_HOSTADDRBYINETSTRING, "10.9.9.9")));
        assertEquals(WsaError.WSASERVICE_NOT_FOUND,
                beginFails(dispatch, query(UUID.fromString("0002a810-0000-0000-c000-000000000046"), "localhost")));
    }

    @Test
    void aQueryWithoutClassOrNameOrWithANonLiteralReverseNameIsInvalid() {
        assertEquals(WsaError.WSAEINVAL, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, null)));
        assertEquals(WsaError.WSAEINVAL, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "")));
        assertEquals(WsaError.WSAEINVAL, beginFails(dispatch, query(null, "localhost")));
        assertEquals(WsaError.WSAEINVAL, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYINETSTRING, "localhost")));
    }

    @Test
    void returnFlagsOfNextCanOnlyNarrowThoseOfBegin() throws WsaException {
        QuerySet db = query(SVCID_INET_HOSTADDRBYNAME, "db");
        QuerySet nameOnly = all(dispatch, db, LUP_RETURN_NAME).get(0);
        assertEquals("db.example.com", nameOnly.instanceName());
        assertEquals(List.of(), nameOnly.addresses());

        NspLookup lookup = dispatch.lookupServiceBegin(db, null, LUP_RETURN_ADDR);
        QuerySet addressOnly = lookup.next(LUP_RETURN_ALL);
        assertEquals(null, addressOnly.instanceName());
        assertEquals(List.of("10.0.0.5"), hosts(addressOnly));
        assertEquals(WsaError.WSA_E_NO_MORE, assertThrows(WsaException.class, () -> lookup.next(LUP_RETURN_ALL)).error());
        lookup.end();

        NspLookup narrowed = dispatch.lookupServiceBegin(db, null, LUP_RETURN_ALL);
        assertEquals("db.example.com", narrowed.next(NAME_AND_ADDR).instanceName());
        assertEquals(WsaError.WSA_E_NO_MORE, assertThrows(WsaException.class, () -> narrowed.next(LUP_RETURN_NAME))
                .error(), "the alias is not returned when Next leaves out LUP_RETURN_ALIASES");
        narrowed.end();
    }

    @Test
    void resultsArePrecomputedNotBuiltPerLookup() throws WsaException {
        QuerySet web = query(SVCID_INET_HOSTADDRBYNAME, "web-alt");
        assertSame(all(dispatch, web, NAME_AND_ADDR).get(0), all(dispatch, web, NAME_AND_ADDR).get(0));
    }

    @Test
    void nextAfterEndIsCancelled() throws WsaException {
        NspLookup lookup = dispatch.lookupServiceBegin(query(SVCID_INET_HOSTADDRBYNAME, "db"), null, LUP_RETURN_ALL);
        lookup.end();
        assertEquals(WsaError.WSA_E_CANCELLED, assertThrows(WsaException.class, () -> lookup.next(LUP_RETURN_ALL)).error());
        assertEquals(WsaError.WSA_E_CANCELLED, assertThrows(WsaException.class, () -> lookup.notifyChange(() -> { }))
                .error());
    }

    @Test
    void startupRefusesAnotherProviderId() {
        assertEquals(WsaError.WSAEINVALIDPROVIDER,
                assertThrows(WsaException.class, () -> provider.startup(UUID.randomUUID())).error());
    }

    @Test
    void aliasResultsAreOfferedAfterTheHostOnlyWithReturnAliases() throws WsaException {
        List<QuerySet> results = all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "localhost"),
                NAME_AND_ADDR | LUP_RETURN_ALIASES);
        assertEquals(List.of("localhost", "ip6-localhost"), names(results));
    }
}
