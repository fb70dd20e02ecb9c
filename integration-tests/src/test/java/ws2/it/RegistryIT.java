package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import ws2.api.CsAddrInfo;
import ws2.api.IpProtocol;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.QuerySet;
import ws2.api.SockAddr;
import ws2.api.SocketType;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProviderCatalog;
import ws2.spi.namespace.AsyncCall;
import ws2.spi.namespace.NamespaceProviderV2;
import ws2.spi.namespace.ProviderAdvertising;

/**
 * The NSPv2 service registry in a real Felix (issue 6): one client registers a service, another
 * finds it, change notification fires, and the registrations end with the client that made them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RegistryIT {
    static final int NS_REGISTRY = 0x7753;
    static final UUID PRINTERS = UUID.fromString("6d0c1b6a-2f3e-4a5b-9c8d-7e6f5a4b3c2d");

    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    ProviderAdvertising advertising;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("ws2.provider.registry"));
    }

    private void awaitRegistry() {
        Ws2TestSupport.await("the registry in the namespace catalog", Duration.ofSeconds(10),
                () -> catalog.enumNameSpaceProviders().stream().anyMatch((NamespaceInfo n) -> n.nameSpace() == NS_REGISTRY));
    }

    private static QuerySet printer(String name, int port) {
        return QuerySet.builder().instanceName(name).serviceClassId(PRINTERS).nameSpace(NS_REGISTRY)
                .addresses(List.of(new CsAddrInfo(null, SockAddr.of(InetAddress.getLoopbackAddress(), port),
                        SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP))).build();
    }

    private static List<String> find(Winsock ws, String name) throws WsaException {
        List<String> out = new ArrayList<>();
        LookupHandle h;
        try {
            h = ws.lookupServiceBegin(QuerySet.builder().instanceName(name).serviceClassId(PRINTERS)
                    .nameSpace(NS_REGISTRY).build(), LookupFlags.LUP_RETURN_ALL | LookupFlags.LUP_FLUSHCACHE);
        } catch (WsaException e) {
            assertEquals(e.getMessage(), WsaError.WSASERVICE_NOT_FOUND, e.error());
            return out;
        }
        try {
            while (true) {
                QuerySet r = ws.lookupServiceNext(h, 0);
                out.add(r.instanceName() + ":" + r.addresses().get(0).remoteAddr().port());
            }
        } catch (WsaException e) {
            assertEquals(WsaError.WSA_E_NO_MORE, e.error());
        } finally {
            ws.lookupServiceEnd(h);
        }
        return out;
    }

    @Test
    public void oneClientRegistersAnotherFindsAndItsServicesEndWithIt() throws Exception {
        awaitRegistry();
        Winsock a = factory.open("bundle.a");
        a.startup(Winsock.VERSION_2_2);
        try (Winsock b = factory.open("bundle.b")) {
            b.startup(Winsock.VERSION_2_2);
            a.setService(printer("lobby", 631), LookupFlags.RNRSERVICE_REGISTER, 0);
            a.setService(printer("office", 632), LookupFlags.RNRSERVICE_REGISTER, 0);
            assertEquals(List.of("lobby:631", "office:632"), find(b, "*"));

            LookupHandle watched = b.lookupServiceBegin(QuerySet.builder().instanceName("lobby").serviceClassId(PRINTERS)
                    .nameSpace(NS_REGISTRY).build(), LookupFlags.LUP_FLUSHCACHE);
            assertEquals(WsaError.WSAEWOULDBLOCK, assertThrows(WsaException.class,
                    () -> b.nspIoctl(watched, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null)).error());
            a.setService(printer("lobby", 0), LookupFlags.RNRSERVICE_DELETE, 0);
            b.nspIoctl(watched, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null);
            b.lookupServiceEnd(watched);
            assertEquals(List.of("office:632"), find(b, "*"));

            assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                    () -> a.setService(printer("nowhere", 1), LookupFlags.RNRSERVICE_DELETE, 0)).error());
            a.close();
            assertTrue("a client's services end with it", find(b, "*").isEmpty());
        }
    }

    /** An NSPv2 provider hosted by the test itself: one answer for every lookup. */
    static final class EchoProvider implements NamespaceProviderV2 {
        @Override
        public Object lookupServiceBegin(UUID providerId, QuerySet restrictions, int controlFlags, Object session) {
            return new boolean[1];
        }

        @Override
        public void lookupServiceNextEx(AsyncCall<QuerySet> call, Object lookup, int controlFlags) {
            boolean[] done = (boolean[]) lookup;
            if (done[0]) {
                call.fail(WsaError.WSA_E_NO_MORE, "no more");
            } else {
                done[0] = true;
                call.complete(QuerySet.builder().instanceName("advertised").nameSpace(NS_ADVERTISED).build());
            }
        }

        @Override
        public void lookupServiceEnd(Object lookup) {
        }

        @Override
        public void setServiceEx(AsyncCall<Void> call, UUID providerId, QuerySet regInfo, int operation, int controlFlags,
                Object session) {
            call.fail(WsaError.WSAEOPNOTSUPP, "read-only");
        }
    }

    static final int NS_ADVERTISED = 0x7754;

    @Test
    public void anAdvertisedProviderServesUntilItIsWithdrawn() throws Exception {
        UUID id = UUID.fromString("0a0b0c0d-1111-4222-8333-444455556666");
        catalog.installNameSpace("Advertised by a test", "test", NS_ADVERTISED, 2, id);
        QuerySet q = QuerySet.builder().instanceName("x").serviceClassId(PRINTERS).nameSpace(NS_ADVERTISED).build();
        try (Winsock ws = factory.open("advertise.client")) {
            ws.startup(Winsock.VERSION_2_2);
            assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                    () -> ws.lookupServiceBegin(q, LookupFlags.LUP_FLUSHCACHE)).error());
            advertising.advertiseProvider(id, new EchoProvider());
            assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class,
                    () -> advertising.advertiseProvider(id, new EchoProvider())).error());
            LookupHandle h = ws.lookupServiceBegin(q, LookupFlags.LUP_FLUSHCACHE);
            assertEquals("advertised", ws.lookupServiceNext(h, 0).instanceName());
            assertEquals(WsaError.WSA_E_NO_MORE, assertThrows(WsaException.class, () -> ws.lookupServiceNext(h, 0)).error());
            ws.lookupServiceEnd(h);
            advertising.unadvertiseProvider(id);
            assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                    () -> ws.lookupServiceBegin(q, LookupFlags.LUP_FLUSHCACHE)).error());
            assertEquals(WsaError.WSAEINVALIDPROVIDER, assertThrows(WsaException.class,
                    () -> advertising.advertiseProvider(UUID.randomUUID(), new EchoProvider())).error());
        } finally {
            catalog.unInstallNameSpace(id);
        }
    }
}
