package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

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
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/** The drain timeout (issue 5): sockets left on a replaced layer version are closed with a coded error after it. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DrainIT {
    static final String CHAIN = "ws2 Metrics over [ws2 Tcpip [TCP/IP]]";

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), frameworkProperty("ws2.drain.timeout").value("2000"),
                Ws2TestSupport.bundleOf("ws2.provider.metrics"));
    }

    private boolean serving() {
        return catalog.entries(CatalogView.NATIVE).stream()
                .anyMatch(e -> e.info().protocolName().equals(CHAIN) && e.available() && e.reason().isEmpty());
    }

    @Test
    public void socketsOnAReplacedVersionAreClosedWithACodeAfterTheDrainTimeout() throws Exception {
        Ws2TestSupport.await("the metrics chain", Duration.ofSeconds(10), this::serving);
        try (Winsock ws = factory.open("drain.client")) {
            ws.startup(Winsock.VERSION_2_2);
            SocketHandle listener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(listener, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
            ws.listen(listener, 2);
            SocketHandle old = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.connect(old, ws.getSockName(listener));
            Bundle metrics = Ws2TestSupport.installed(context, "ws2.provider.metrics");
            try (InputStream in = ManifestBundles.withVersion(Ws2TestSupport.jar("ws2.provider.metrics"), "0.2.0")) {
                metrics.update(in);
            }
            long updated = System.nanoTime();
            ws.send(old, ByteBuffer.wrap(new byte[] {1}), 0);
            Ws2TestSupport.await("the new metrics serving", Duration.ofSeconds(10), this::serving);
            Thread.sleep(Math.max(0, 2500 - Duration.ofNanos(System.nanoTime() - updated).toMillis()));
            WsaException x = assertThrows(WsaException.class, () -> ws.send(old, ByteBuffer.wrap(new byte[] {2}), 0));
            assertEquals(WsaError.WSAECONNABORTED, x.error());
            assertTrue(x.getMessage(), x.getMessage().contains("drain timeout of 2000 ms expired"));
            assertEquals("the old listener was drained too", WsaError.WSAECONNABORTED,
                    assertThrows(WsaException.class, () -> ws.getSockName(listener)).error());
            ws.closeSocket(old);
            ws.closeSocket(listener);
            SocketHandle newListener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(newListener, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
            ws.listen(newListener, 2);
            SocketHandle fresh = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.connect(fresh, ws.getSockName(newListener));
            ws.send(fresh, ByteBuffer.wrap(new byte[] {3}), 0);
            ws.closeSocket(fresh);
            ws.closeSocket(newListener);
        }
    }
}
