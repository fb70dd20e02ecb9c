package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.net.InetAddress;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
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

import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ServiceFlags;
import ws2.spi.upcall.Upcall;

/** The catalog lists the tcpip provider's entries in both views, and the shell shows them (issue 2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class CatalogIT {
    private static final UUID TCPIP = UUID.fromString(Ws2TestSupport.TCPIP_ID);

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    Winsock ws;
    @Inject
    Upcall upcall;
    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip());
    }

    @Before
    public void available() {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
    }

    private String tcpipLocation() {
        for (Bundle b : context.getBundles()) {
            if ("ws2.provider.tcpip".equals(b.getSymbolicName())) {
                return b.getLocation();
            }
        }
        throw new AssertionError("tcpip is not installed");
    }

    @Test
    public void bothCatalogsListTheTcpipEntriesShapedLikeMsafd() {
        for (CatalogView v : CatalogView.values()) {
            List<CatalogEntry> entries = catalog.entries(v);
            assertEquals(List.of("ws2 Tcpip [TCP/IP]", "ws2 Tcpip [UDP/IP]", "ws2 Tcpip [TCP/IPv6]", "ws2 Tcpip [UDP/IPv6]"),
                    entries.stream().map(e -> e.info().protocolName()).toList());
            for (CatalogEntry e : entries) {
                ProtocolInfo i = e.info();
                assertEquals(TCPIP, i.providerId());
                assertTrue(i.protocolChain().isBase());
                assertTrue(i.hasServiceFlags(ServiceFlags.XP1_IFS_HANDLES));
                assertTrue(e.available());
                assertEquals(tcpipLocation(), e.providerPath());
                assertTrue("catalog IDs start at 1001", i.catalogEntryId() >= 1001);
            }
        }
    }

    @Test
    public void providerPathsAreTheBundleLocation() throws Exception {
        assertEquals(tcpipLocation(), catalog.getProviderPath(TCPIP));
        assertEquals(tcpipLocation(), catalog.getProviderPath32(TCPIP));
        assertEquals(tcpipLocation(), upcall.getProviderPath(TCPIP));
    }

    @Test
    public void enumProtocolsGivesTheUsableEntries() throws Exception {
        ws.startup(Winsock.VERSION_2_2);
        try {
            assertEquals(4, ws.enumProtocols().size());
            assertEquals(2, ws.enumProtocols(6).size());
        } finally {
            ws.cleanup();
        }
    }

    @Test
    public void theShellReordersResetsAndListsSockets() throws Exception {
        List<Integer> defaults = catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList();
        String reordered = Shell.run(shell, "ws2:order " + defaults.get(2) + " " + defaults.get(3) + " " + defaults.get(0)
                + " " + defaults.get(1));
        assertTrue(reordered, reordered.trim().startsWith("1   " + defaults.get(2) + "  ws2 Tcpip [TCP/IPv6]"));
        assertEquals(List.of(defaults.get(2), defaults.get(3), defaults.get(0), defaults.get(1)),
                catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList());
        assertTrue(Shell.run(shell, "ws2:reset").startsWith("Successfully reset the Winsock Catalog"));
        assertEquals("the default order and the same IDs", defaults,
                catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList());
        ws.startup(Winsock.VERSION_2_2);
        try {
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.bind(s, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
            String sockets = Shell.run(shell, "ws2:sockets");
            assertTrue(sockets, sockets.contains(Long.toString(s.value())) && sockets.contains("ws2 Tcpip [TCP/IP]")
                    && sockets.contains(ws.getSockName(s).toString()));
        } finally {
            ws.cleanup();
        }
    }

    @Test
    public void theShellPrintsTheCatalogAsNetshDoes() throws Exception {
        String out = Shell.run(shell, "ws2:catalog native");
        assertTrue(out, out.contains("Winsock Catalog Provider Entry"));
        assertTrue(out, out.contains("Description:                        ws2 Tcpip [TCP/IP]"));
        assertTrue(out, out.contains("Provider ID:                        {" + Ws2TestSupport.TCPIP_ID.toUpperCase() + "}"));
        assertTrue(out, out.contains("Available:                          Yes"));
        String providers = Shell.run(shell, "ws2:providers");
        assertTrue(providers, providers.contains("ws2.provider.tcpip") && providers.contains("AVAILABLE"));
    }
}
