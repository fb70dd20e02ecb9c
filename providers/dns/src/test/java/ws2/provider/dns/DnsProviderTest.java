package ws2.provider.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.provider.dns.Nsp.RETURN;
import static ws2.provider.dns.Nsp.failure;
import static ws2.provider.dns.Nsp.lookup;
import static ws2.provider.dns.Nsp.query;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.LookupFlags;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.SockAddr;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;

/** Answers from a real DNS server: dnsmasq on 127.0.0.1 serving the zone example.test. */
class DnsProviderTest {
    private static final AfProtocols V4 = new AfProtocols(AddressFamily.AF_INET, IpProtocol.IPPROTO_TCP);
    private static final AfProtocols V6 = new AfProtocols(AddressFamily.AF_INET6, IpProtocol.IPPROTO_TCP);

    private static Dnsmasq dnsmasq;
    private static NspDispatch dns;

    @BeforeAll
    static void startServer() throws Exception {
        dnsmasq = Dnsmasq.start("--local=/example.test/", "--local=/nothing.test/",
                "--host-record=www.example.test,192.0.2.10",
                "--host-record=v6.example.test,2001:db8::10",
                "--host-record=dual.example.test,192.0.2.20,2001:db8::20",
                "--host-record=ldap.example.test,192.0.2.30",
                "--host-record=ldap2.example.test,192.0.2.31",
                "--host-record=ns.example.test,192.0.2.53",
                "--srv-host=_ldap._tcp.example.test,ldap2.example.test,3389,20,10",
                "--srv-host=_ldap._tcp.example.test,ldap.example.test,389,10,100",
                "--srv-host=_dns._udp.example.test,ns.example.test,5353,0,0",
                "--ptr-record=7.100.51.198.in-addr.arpa,ptr.example.test",
                "--cname=alias.example.test,www.example.test");
        dns = Nsp.dispatch(Nsp.config(dnsmasq.server(), 2000, 1));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (dnsmasq != null) {
            dnsmasq.close();
        }
    }

    private static CsAddrInfo tcp(String ip, int port) throws Exception {
        return new CsAddrInfo(null, SockAddr.of(InetAddress.getByName(ip), port), SocketType.SOCK_STREAM,
                IpProtocol.IPPROTO_TCP);
    }

    @Test
    void aRecordGivesOneResultWithTheAddressAndTheCanonicalName() throws Exception {
        List<QuerySet> r = lookup(dns, query("www.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME, V4), RETURN);

        assertEquals(1, r.size());
        assertEquals("www.example.test", r.get(0).instanceName());
        assertEquals(List.of(tcp("192.0.2.10", 0)), r.get(0).addresses());
        assertEquals(QuerySet.SVCID_INET_HOSTADDRBYNAME, r.get(0).serviceClassId());
        assertEquals(NameSpaces.NS_DNS, r.get(0).nameSpace());
        assertEquals(Nsp.ID, r.get(0).nsProviderId());
    }

    @Test
    void aaaaRecordForAnIpv6Query() throws Exception {
        List<QuerySet> r = lookup(dns, query("v6.example.test", QuerySet.SVCID_HOSTNAME, V6), RETURN);

        assertEquals(List.of(tcp("2001:db8::10", 0)), r.get(0).addresses());
    }

    @Test
    void bothFamiliesComeInOneResultWhenTheQueryRestrictsNone() throws Exception {
        List<QuerySet> r = lookup(dns, query("dual.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME), RETURN);

        assertEquals(1, r.size());
        assertEquals(List.of(tcp("192.0.2.20", 0), tcp("2001:db8::20", 0)), r.get(0).addresses());
    }

    @Test
    void aHostWithoutAaaaGivesItsAOnlyWhenBothAreAsked() throws Exception {
        List<QuerySet> r = lookup(dns, query("www.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME, V4, V6), RETURN);

        assertEquals(List.of(tcp("192.0.2.10", 0)), r.get(0).addresses());
    }

    @Test
    void aHostWithoutAaaaIsNoDataWhenOnlyAaaaIsAsked() {
        WsaException e = failure(dns, query("www.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME, V6),
                WsaError.WSANO_DATA);

        assertTrue(e.getMessage().contains("www.example.test/AAAA") && e.getMessage().contains(dnsmasq.server()),
                e.getMessage());
    }

    @Test
    void nxdomainIsHostNotFoundNamingTheNameTheServerAndTheRcode() {
        WsaException e = failure(dns, query("nope.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME),
                WsaError.WSAHOST_NOT_FOUND);

        assertTrue(e.getMessage().contains("nope.example.test") && e.getMessage().contains("NXDOMAIN")
                && e.getMessage().contains(dnsmasq.server()), e.getMessage());
    }

    @Test
    void srvGivesEachTargetWithItsAddressAndPortInPriorityOrder() throws Exception {
        List<QuerySet> r = lookup(dns, query("_ldap._tcp.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME), RETURN);

        assertEquals(2, r.size());
        assertEquals("ldap.example.test", r.get(0).instanceName());
        assertEquals(List.of(tcp("192.0.2.30", 389)), r.get(0).addresses());
        assertEquals("ldap2.example.test", r.get(1).instanceName());
        assertEquals(List.of(tcp("192.0.2.31", 3389)), r.get(1).addresses());
    }

    @Test
    void udpSrvGivesDatagramAddresses() throws Exception {
        List<QuerySet> r = lookup(dns, query("_dns._udp.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME), RETURN);

        assertEquals(List.of(new CsAddrInfo(null, SockAddr.of(InetAddress.getByName("192.0.2.53"), 5353),
                SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_UDP)), r.get(0).addresses());
    }

    @Test
    void ptrOfAnIpv4AddressGivesTheHostNameAndTheAddress() throws Exception {
        List<QuerySet> r = lookup(dns, query("198.51.100.7", QuerySet.SVCID_INET_HOSTADDRBYINETSTRING), RETURN);

        assertEquals(1, r.size());
        assertEquals("ptr.example.test", r.get(0).instanceName());
        assertEquals(List.of(tcp("198.51.100.7", 0)), r.get(0).addresses());
    }

    @Test
    void ptrOfAnIpv6Address() throws Exception {
        List<QuerySet> r = lookup(dns, query("2001:db8::10", QuerySet.SVCID_INET_HOSTADDRBYINETSTRING), RETURN);

        assertEquals("v6.example.test", r.get(0).instanceName());
    }

    @Test
    void cnameIsFollowedAndItsAliasReturnedOnlyWhenAsked() throws Exception {
        QuerySet q = query("alias.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME, V4);

        List<QuerySet> plain = lookup(dns, q, RETURN);
        List<QuerySet> withAliases = lookup(dns, q, RETURN | LookupFlags.LUP_RETURN_ALIASES);

        assertEquals(1, plain.size());
        assertEquals("www.example.test", plain.get(0).instanceName());
        assertEquals(List.of(tcp("192.0.2.10", 0)), plain.get(0).addresses());
        assertEquals(2, withAliases.size());
        assertEquals("alias.example.test", withAliases.get(1).instanceName());
        assertEquals(LookupFlags.RESULT_IS_ALIAS, withAliases.get(1).outputFlags());
        assertEquals(List.of(), withAliases.get(1).addresses());
    }

    @Test
    void onlyTheFieldsTheFlagsAskForAreReturned() throws Exception {
        List<QuerySet> r = lookup(dns, query("www.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME),
                LookupFlags.LUP_RETURN_ADDR);

        assertNull(r.get(0).instanceName());
        assertNull(r.get(0).serviceClassId());
        assertEquals(List.of(tcp("192.0.2.10", 0)), r.get(0).addresses());
    }

    @Test
    void aRelativeNameIsTriedInTheSearchDomains() throws Exception {
        NspDispatch searching = Nsp.dispatch(Nsp.config(dnsmasq.server(), 2000, 1, "nothing.test", "example.test"));

        List<QuerySet> r = lookup(searching, query("www", QuerySet.SVCID_INET_HOSTADDRBYNAME, V4), RETURN);

        assertEquals("www.example.test", r.get(0).instanceName());
    }

    @Test
    void refusedIsNoRecoveryNamingTheRcode() {
        WsaException e = failure(dns, query("www.elsewhere.org", QuerySet.SVCID_INET_HOSTADDRBYNAME, V4),
                WsaError.WSANO_RECOVERY);

        assertTrue(e.getMessage().contains("REFUSED") && e.getMessage().contains("www.elsewhere.org"), e.getMessage());
    }
}
