package ws2.core.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ws2.api.AddrInfo;
import ws2.api.AddressFamily;
import ws2.api.CsAddrInfo;
import ws2.api.EventHandle;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.Overlapped;
import ws2.api.QuerySet;
import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.core.testing.TestCore;

/** Name resolution over the namespace catalog (issue 6): order, fan-out, bad input, timeouts, cache, notification. */
class NameResolutionTest {
    private static final UUID A = new UUID(6, 1);
    private static final UUID B = new UUID(6, 2);
    private final TestCore test = new TestCore();
    private final FakeNsp a = new FakeNsp().with("host", "127.0.0.1").with("only-a", "127.0.0.3");
    private final FakeNsp b = new FakeNsp().with("host", "127.0.0.2", "::1");
    private NspService serviceA;
    private Winsock ws;

    @BeforeEach
    void setUp() throws WsaException {
        test.core.admin().installNameSpace("A", "a", NameSpaces.NS_DNS, 1, A);
        test.core.admin().installNameSpace("B", "b", NameSpaces.NS_DNS, 1, B);
        serviceA = new NspService(A, a, 1, null, "A");
        test.core.nspRegistry().added(serviceA);
        test.core.nspRegistry().added(new NspService(B, b, 2, null, "B"));
        test.core.names().calls().timeoutMillis(300);
        ws = test.core.contexts().open("names.client", CatalogView.NATIVE);
        ws.startup(Winsock.VERSION_2_2);
    }

    @AfterEach
    void tearDown() {
        ws.close();
    }

    private List<String> all(QuerySet q, int flags) throws WsaException {
        LookupHandle h = ws.lookupServiceBegin(q, flags);
        List<String> out = new ArrayList<>();
        try {
            while (true) {
                QuerySet r = ws.lookupServiceNext(h, 0);
                for (CsAddrInfo c : r.addresses()) {
                    out.add(r.nsProviderId().getLeastSignificantBits() + ":" + c.remoteAddr().host());
                }
            }
        } catch (WsaException e) {
            assertEquals(WsaError.WSA_E_NO_MORE, e.error(), e.getMessage());
        } finally {
            ws.lookupServiceEnd(h);
        }
        return out;
    }

    @Test
    void resultsMergeInNamespaceOrderAndOrderAndEnableChangeThem() throws WsaException {
        QuerySet q = QuerySet.hostQuery("host", NameSpaces.NS_ALL);
        assertEquals(List.of("1:127.0.0.1", "2:127.0.0.2", "2:::1"), all(q, LookupFlags.LUP_FLUSHCACHE));
        test.core.admin().writeNameSpaceOrder(B, A);
        assertEquals(List.of("2:127.0.0.2", "2:::1", "1:127.0.0.1"), all(q, 0));
        test.core.admin().enableNSProvider(B, false);
        assertEquals(List.of("1:127.0.0.1"), all(q, 0));
        assertEquals(List.of("1:127.0.0.3"), all(QuerySet.hostQuery("only-a", NameSpaces.NS_DNS), 0),
                "a provider that knows nothing is passed over");
    }

    @Test
    void badInputIsRefusedWithACode() {
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class,
                () -> ws.lookupServiceBegin(QuerySet.builder().instanceName("host").build(), 0)).error());
        assertEquals(WsaError.WSAEINVALIDPROVIDER, assertThrows(WsaException.class, () -> ws.lookupServiceBegin(
                QuerySet.hostQuery("host", 0).toBuilder().nsProviderId(new UUID(9, 9)).build(), 0)).error());
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                () -> ws.lookupServiceBegin(QuerySet.hostQuery("host", NameSpaces.NS_EMAIL), 0)).error());
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                () -> ws.lookupServiceBegin(QuerySet.hostQuery("nowhere", NameSpaces.NS_ALL), 0)).error());
        LookupHandle foreign = () -> 42;
        assertEquals(WsaError.WSA_INVALID_HANDLE, assertThrows(WsaException.class,
                () -> ws.lookupServiceNext(foreign, 0)).error());
    }

    @Test
    void aHandleOfAnotherContextIsInvalid() throws WsaException {
        LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery("host", NameSpaces.NS_ALL), 0);
        try (Winsock other = test.core.contexts().open("other", CatalogView.NATIVE)) {
            other.startup(Winsock.VERSION_2_2);
            assertEquals(WsaError.WSA_INVALID_HANDLE, assertThrows(WsaException.class,
                    () -> other.lookupServiceNext(h, 0)).error());
        }
        ws.lookupServiceEnd(h);
        assertEquals(WsaError.WSA_INVALID_HANDLE, assertThrows(WsaException.class, () -> ws.lookupServiceEnd(h)).error());
    }

    @Test
    void aHangingProviderIsBoundedByTheTimeoutAndAThrowingOneIsPassedOver() throws WsaException {
        a.hang = true;
        long t = System.nanoTime();
        LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery("only-a", NameSpaces.NS_ALL), LookupFlags.LUP_FLUSHCACHE);
        WsaException x = assertThrows(WsaException.class, () -> ws.lookupServiceNext(h, 0));
        assertEquals(WsaError.WSAETIMEDOUT, x.error(), x.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - t).toMillis() < 3000, "bounded by the 300 ms call timeout");
        ws.lookupServiceEnd(h);
        a.hang = false;
        a.explode = true;
        assertEquals(List.of("2:127.0.0.2", "2:::1"), all(QuerySet.hostQuery("host", NameSpaces.NS_ALL),
                LookupFlags.LUP_FLUSHCACHE), "the other provider still answers");
        LookupHandle alone = ws.lookupServiceBegin(QuerySet.hostQuery("only-a", NameSpaces.NS_ALL), LookupFlags.LUP_FLUSHCACHE);
        assertEquals(WsaError.WSAENETDOWN, assertThrows(WsaException.class, () -> ws.lookupServiceNext(alone, 0)).error());
        ws.lookupServiceEnd(alone);
    }

    @Test
    void aProviderRemovedMidLookupGivesWsaECancelledThenTheNextProvider() throws WsaException {
        LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery("host", NameSpaces.NS_ALL), LookupFlags.LUP_FLUSHCACHE);
        test.core.nspRegistry().removed(serviceA);
        assertEquals(WsaError.WSA_E_CANCELLED, assertThrows(WsaException.class, () -> ws.lookupServiceNext(h, 0)).error());
        assertEquals(B, ws.lookupServiceNext(h, 0).nsProviderId());
        ws.lookupServiceEnd(h);
        assertEquals(1, a.cleanups.get(), "the removed provider's instance was cleaned up");
    }

    @Test
    void aRepeatedLookupIsServedFromTheCacheUnlessFlushed() throws WsaException {
        QuerySet q = QuerySet.hostQuery("host", NameSpaces.NS_ALL);
        all(q, 0);
        int before = a.begins.get();
        all(q, 0);
        assertEquals(before, a.begins.get(), "no provider was asked");
        all(q, LookupFlags.LUP_FLUSHCACHE);
        assertEquals(before + 1, a.begins.get());
        test.core.admin().writeNameSpaceOrder(B, A);
        all(q, 0);
        assertEquals(before + 2, a.begins.get(), "a catalog change empties the cache");
    }

    @Test
    void changeNotificationPollsAndCompletesAnOverlappedEvent() throws Exception {
        QuerySet q = QuerySet.hostQuery("only-a", NameSpaces.NS_ALL);
        LookupHandle h = ws.lookupServiceBegin(q, LookupFlags.LUP_FLUSHCACHE);
        assertEquals(WsaError.WSAEWOULDBLOCK, assertThrows(WsaException.class,
                () -> ws.nspIoctl(h, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null)).error());
        a.change("only-a", "127.0.0.9");
        ws.nspIoctl(h, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null);
        EventHandle e = ws.createEvent();
        Overlapped ov = new Overlapped(e);
        assertEquals(WsaError.WSA_IO_PENDING, assertThrows(WsaException.class,
                () -> ws.nspIoctl(h, LookupFlags.SIO_NSP_NOTIFY_CHANGE, ov)).error());
        a.change("only-a", "127.0.0.10");
        assertEquals(0, ws.waitForMultipleEvents(new EventHandle[] {e}, false, Duration.ofSeconds(5), false));
        assertTrue(ov.isComplete());
        ws.lookupServiceEnd(h);
        LookupHandle both = ws.lookupServiceBegin(QuerySet.hostQuery("host", NameSpaces.NS_ALL), LookupFlags.LUP_FLUSHCACHE);
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class,
                () -> ws.nspIoctl(both, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null)).error(), "a lookup over two providers");
        ws.lookupServiceEnd(both);
    }

    @Test
    void getAddrInfoResolvesNamesAndLiteralsForEachSocketType() throws WsaException {
        List<AddrInfo> named = ws.getAddrInfo("only-a", "8080", AddressFamily.AF_UNSPEC, 0);
        assertEquals(2, named.size());
        assertEquals("127.0.0.3", named.get(0).address().host());
        assertEquals(8080, named.get(0).address().port());
        assertEquals("only-a", named.get(0).canonicalName());
        assertEquals(List.of(AddressFamily.AF_INET6), ws.getAddrInfo("::1", "7", AddressFamily.AF_INET6, 1).stream()
                .map(AddrInfo::family).toList());
        assertEquals(WsaError.WSAHOST_NOT_FOUND, assertThrows(WsaException.class,
                () -> ws.getAddrInfo("nowhere", "80", AddressFamily.AF_UNSPEC, 0)).error());
        assertEquals(WsaError.WSATYPE_NOT_FOUND, assertThrows(WsaException.class,
                () -> ws.getAddrInfo("only-a", "http", AddressFamily.AF_UNSPEC, 0)).error());
    }

    @Test
    void contextCleanupEndsItsProviders() throws WsaException {
        all(QuerySet.hostQuery("host", NameSpaces.NS_ALL), LookupFlags.LUP_FLUSHCACHE);
        ws.cleanup();
        assertEquals(1, a.cleanups.get());
        assertEquals(1, b.cleanups.get());
    }
}
