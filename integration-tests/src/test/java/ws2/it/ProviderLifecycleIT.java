package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * Stopping the provider bundle: its entries stay, unavailable; new sockets fail with a code; open
 * sockets keep working until closed; restarting brings back the same catalog IDs (issue 2).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProviderLifecycleIT {
    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    Winsock ws;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip());
    }

    private Bundle tcpip() {
        for (Bundle b : context.getBundles()) {
            if ("ws2.provider.tcpip".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("tcpip is not installed");
    }

    private long available() {
        return catalog.entries(CatalogView.NATIVE).stream().filter(CatalogEntry::available).count();
    }

    private static int roundTrip(Winsock ws, SocketHandle from, SocketHandle to, int value) throws WsaException {
        ws.send(from, ByteBuffer.allocate(4).putInt(0, value), 0);
        ByteBuffer in = ByteBuffer.allocate(4);
        while (in.hasRemaining()) {
            ws.recv(to, in, 0);
        }
        return in.getInt(0);
    }

    @Test
    public void openSocketsOutliveTheirStoppedProviderAndIdsComeBack() throws Exception {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
        List<Integer> ids = catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList();
        ws.startup(Winsock.VERSION_2_2);
        try {
            SocketHandle server = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(server, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
            ws.listen(server, 1);
            SocketHandle client = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.connect(client, ws.getSockName(server));
            SocketHandle accepted = ws.accept(server);

            tcpip().stop();
            Ws2TestSupport.await("entries unavailable", Duration.ofSeconds(10), () -> available() == 0);
            assertEquals("the entries stay in the catalog", ids,
                    catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList());
            CatalogEntry first = catalog.entries(CatalogView.NATIVE).get(0);
            assertFalse(first.available());
            assertTrue(first.reason(), first.reason().contains("no registered service"));
            WsaException refused = assertThrows(WsaException.class, () -> ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
            assertEquals(WsaError.WSAEPROVIDERFAILEDINIT, refused.error());
            assertEquals("the open connection still carries data", 42, roundTrip(ws, client, accepted, 42));
            assertEquals(43, roundTrip(ws, accepted, client, 43));
            ws.closeSocket(client);
            ws.closeSocket(accepted);
            ws.closeSocket(server);

            tcpip().start();
            Ws2TestSupport.await("tcpip available again", Duration.ofSeconds(10), () -> available() == 4);
            assertEquals("the same catalog IDs after a restart", ids,
                    catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList());
            SocketHandle again = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertTrue(again.value() > 0);
        } finally {
            ws.cleanup();
        }
    }
}
