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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/** The fail-closed firewall layer: rules from ConfigAdmin changed at run time, block wins, removal refuses sockets (issue 5). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class FirewallIT {
    static final String CHAIN = "ws2 Firewall over [ws2 Tcpip [TCP/IP]]";

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    ConfigurationAdmin configs;

    private Winsock ws;
    private SocketHandle open;
    private SocketHandle blocked;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.configadmin"),
                Ws2TestSupport.bundleOf("ws2.provider.firewall"));
    }

    private CatalogEntry chain() {
        return Ws2TestSupport.entry(catalog, CHAIN);
    }

    @Before
    public void listeners() throws Exception {
        Ws2TestSupport.await("the firewall chain available", Duration.ofSeconds(10),
                () -> chain() != null && chain().available());
        ws = factory.open("firewall.client");
        ws.startup(Winsock.VERSION_2_2);
        open = listener();
        blocked = listener();
    }

    @After
    public void close() throws Exception {
        ws.close();
        rules();
    }

    private SocketHandle listener() throws WsaException {
        SocketHandle l = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.bind(l, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
        ws.listen(l, 4);
        return l;
    }

    private void rules(String... rules) throws Exception {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put("rules", rules);
        configs.getConfiguration("ws2.firewall", "?").update(p);
    }

    private void connect(SocketHandle to) throws WsaException {
        SocketHandle c = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        try {
            ws.connect(c, ws.getSockName(to));
        } finally {
            ws.closeSocket(c);
        }
    }

    private void awaitRefused(SocketHandle to) {
        Ws2TestSupport.await("the rule in force", Duration.ofSeconds(10), () -> {
            try {
                connect(to);
                return false;
            } catch (WsaException e) {
                return e.error() == WsaError.WSAEACCES;
            }
        });
    }

    @Test
    public void rulesChangeAtRunTimeAndBlockWins() throws Exception {
        connect(blocked);
        int port = ws.getSockName(blocked).port();
        rules("allow", "deny port=" + port, "allow port=" + port);
        awaitRefused(blocked);
        WsaException x = assertThrows(WsaException.class, () -> connect(blocked));
        assertTrue(x.getMessage(), x.getMessage().contains("rule 2 'deny port=" + port + "'")
                && x.getMessage().contains("firewall.client"));
        connect(open);
        rules("allow");
        Ws2TestSupport.await("the deny rule gone", Duration.ofSeconds(10), () -> {
            try {
                connect(blocked);
                return true;
            } catch (WsaException e) {
                return false;
            }
        });
    }

    @Test
    public void aMalformedRuleKeepsTheRulesInForce() throws Exception {
        int port = ws.getSockName(blocked).port();
        rules("deny port=" + port);
        awaitRefused(blocked);
        rules("deny port=70000");
        Thread.sleep(300);
        assertEquals(WsaError.WSAEACCES, assertThrows(WsaException.class, () -> connect(blocked)).error());
        connect(open);
    }

    @Test
    public void removingTheFailClosedFirewallRefusesNewSocketsAndKeepsOpenOnes() throws Exception {
        SocketHandle client = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.connect(client, ws.getSockName(open));
        SocketHandle server = ws.accept(open);
        Bundle firewall = Ws2TestSupport.installed(context, "ws2.provider.firewall");
        firewall.stop();
        try {
            Ws2TestSupport.await("the chain unavailable", Duration.ofSeconds(10), () -> !chain().available());
            assertTrue(chain().reason(), chain().reason().startsWith("fail-closed layer 'ws2 Firewall'"));
            WsaException x = assertThrows(WsaException.class, () -> ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
            assertEquals(WsaError.WSAEPROVIDERFAILEDINIT, x.error());
            assertTrue(x.getMessage(), x.getMessage().contains("fail-closed layer 'ws2 Firewall'"));
            assertFalse("sockets never bypass a fail-closed layer", x.getMessage().isEmpty());
            ws.send(client, ByteBuffer.wrap("still open".getBytes(StandardCharsets.UTF_8)), 0);
            ByteBuffer in = ByteBuffer.allocate(16);
            ws.recv(server, in, 0);
            assertEquals("a socket opened before keeps its layer", "still open",
                    new String(in.array(), 0, in.position(), StandardCharsets.UTF_8));
        } finally {
            firewall.start();
        }
        Ws2TestSupport.await("the chain available again", Duration.ofSeconds(10), () -> chain().available());
        ws.closeSocket(ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
    }
}
