package ws2.provider.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.provider.dns.Nsp.RETURN;
import static ws2.provider.dns.Nsp.failure;
import static ws2.provider.dns.Nsp.lookup;
import static ws2.provider.dns.Nsp.query;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.LookupFlags;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

/** The provider when servers fail, do not answer, go away, or are not configured. */
class DnsFailureModesTest {
    /** A root trust anchor no real key matches: every answer dnsmasq forwards fails DNSSEC validation. */
    private static final String BOGUS_ROOT_ANCHOR = "--trust-anchor=.,12345,8,2," + "0".repeat(64);

    private static final QuerySet WWW = query("www.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME);

    @Test
    void servfailIsTryAgain() throws Exception {
        try (Dnsmasq upstream = Dnsmasq.start("--local=/fail.test/", "--host-record=x.fail.test,192.0.2.99");
                Dnsmasq validating = Dnsmasq.start("--server=127.0.0.1#" + upstream.port(), "--dnssec",
                        BOGUS_ROOT_ANCHOR)) {
            NspDispatch dns = Nsp.dispatch(Nsp.config(validating.server(), 2000, 1));

            WsaException e = failure(dns, query("x.fail.test", QuerySet.SVCID_INET_HOSTADDRBYNAME),
                    WsaError.WSATRY_AGAIN);

            assertTrue(e.getMessage().contains("SERVFAIL") && e.getMessage().contains("x.fail.test")
                    && e.getMessage().contains(validating.server()), e.getMessage());
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAfterEveryAttempt() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            NspDispatch dns = Nsp.dispatch(Nsp.config("127.0.0.1:" + silent.getLocalPort(), 300, 1));
            QuerySet v4Only = query("www.example.test", QuerySet.SVCID_INET_HOSTADDRBYNAME,
                    new AfProtocols(AddressFamily.AF_INET, 0));

            long start = System.nanoTime();
            WsaException e = failure(dns, v4Only, WsaError.WSAETIMEDOUT);
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertTrue(took.compareTo(Duration.ofMillis(600)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                    "took " + took);
            assertTrue(e.getMessage().contains("2 attempts of 300 ms"), e.getMessage());
            assertEquals(2, queriesReceived(silent));
        }
    }

    private static int queriesReceived(DatagramSocket socket) throws Exception {
        socket.setSoTimeout(100);
        int n = 0;
        try {
            while (true) {
                socket.receive(new DatagramPacket(new byte[512], 512));
                n++;
            }
        } catch (SocketTimeoutException drained) {
            return n;
        }
    }

    @Test
    void aServerThatIsGoneIsTryAgain() throws Exception {
        int closed;
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            closed = s.getLocalPort();
        }
        NspDispatch dns = Nsp.dispatch(Nsp.config("127.0.0.1:" + closed, 2000, 0));

        failure(dns, WWW, WsaError.WSATRY_AGAIN);
    }

    @Test
    void withoutServersEveryLookupFailsWithNoRecovery() {
        NspDispatch dns = Nsp.dispatch(Nsp.config(null, 2000, 1));

        WsaException e = failure(dns, WWW, WsaError.WSANO_RECOVERY);

        assertTrue(e.getMessage().contains("no DNS server configured"), e.getMessage());
    }

    @Test
    void aMalformedConfigurationIsRefusedAndTheOneInForceStays() throws Exception {
        try (Dnsmasq dnsmasq = Dnsmasq.start("--host-record=www.example.test,192.0.2.10")) {
            DnsProvider provider = new DnsProvider(Nsp.config(dnsmasq.server(), 2000, 1));
            NspDispatch dns = provider.startup(Nsp.ID);

            provider.modified(Nsp.config("dns.example.test:53", 2000, 1));

            assertEquals(1, lookup(dns, WWW, RETURN).size());
        }
    }

    @Test
    void answersAreCachedAndFlushCacheAsksTheServer() throws Exception {
        NspDispatch dns;
        try (Dnsmasq dnsmasq = Dnsmasq.start("--local-ttl=300", "--host-record=www.example.test,192.0.2.10")) {
            dns = Nsp.dispatch(Nsp.config(dnsmasq.server(), 300, 0));
            assertEquals(1, lookup(dns, WWW, RETURN).size());
        }

        assertEquals(1, lookup(dns, WWW, RETURN).size(), "served from the cache while the server is down");
        WsaException e = assertThrows(WsaException.class, () -> lookup(dns, WWW, RETURN | LookupFlags.LUP_FLUSHCACHE));
        assertEquals(WsaError.WSATRY_AGAIN, e.error(), "LUP_FLUSHCACHE must reach the stopped server: " + e.getMessage());
    }

    @Test
    void beginSendsNothingAndEndStopsAWaitingNext() throws Exception {
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            NspDispatch dns = Nsp.dispatch(Nsp.config("127.0.0.1:" + silent.getLocalPort(), 10_000, 0));

            NspLookup lookup = dns.lookupServiceBegin(WWW, null, RETURN);
            assertEquals(0, queriesReceived(silent), "Begin must not send");
            CompletableFuture<WsaException> next = CompletableFuture.supplyAsync(
                    () -> assertThrows(WsaException.class, () -> lookup.next(RETURN)));
            Thread.sleep(300);
            lookup.end();

            assertEquals(WsaError.WSA_E_CANCELLED, next.get(2, TimeUnit.SECONDS).error());
        }
    }
}
