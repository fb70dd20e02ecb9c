package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.util.List;
import java.util.Map;

import javax.inject.Inject;

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

import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderStatus;

/** Malformed provider metadata rejects that bundle's entries with a code and a reason; nothing else changes (issue 2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MalformedMetadataIT {
    private static final String GOOD_ATTRS = ";protocolName=\"bad\";type:Long=1;protocol:Long=6;protocolMaxOffset:Long=0"
            + ";serviceFlags:Long=0;providerFlags:Long=0;protocolVersion:Long=2;minSockAddr:Long=16;maxSockAddr:Long=16"
            + ";byteOrder:Long=0;securityScheme:Long=0;messageSize:Long=0;catalogs:List<String>=\"native,compat32\"";

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

    @Before
    public void available() {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
    }

    private ProviderStatus rejectedAfterInstalling(String name, String capability) throws Exception {
        List<CatalogEntry> nativeBefore = catalog.entries(CatalogView.NATIVE);
        List<CatalogEntry> compatBefore = catalog.entries(CatalogView.COMPAT32);
        Bundle bad = context.installBundle("test:" + name,
                ManifestBundles.bundle(name, Map.of("Provide-Capability", capability)));
        try {
            bad.start();
            ProviderStatus status = catalog.providers().stream().filter(p -> p.bundleId() == bad.getBundleId())
                    .findFirst().orElseThrow(() -> new AssertionError("no status for " + name));
            assertEquals(ProviderStatus.State.REJECTED, status.state());
            assertEquals(WsaError.WSAEINVALIDPROVIDER, status.error());
            assertEquals("nothing else changed", nativeBefore, catalog.entries(CatalogView.NATIVE));
            assertEquals(compatBefore, catalog.entries(CatalogView.COMPAT32));
            ws.startup(Winsock.VERSION_2_2);
            try {
                ws.closeSocket(ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP));
            } finally {
                ws.cleanup();
            }
            return status;
        } finally {
            bad.uninstall();
            assertTrue("an uninstalled bundle's rejection is forgotten",
                    catalog.providers().stream().noneMatch(p -> p.bundleId() == bad.getBundleId()));
        }
    }

    @Test
    public void aMissingFamilyIsRejected() throws Exception {
        ProviderStatus s = rejectedAfterInstalling("no.family",
                "ws2.transport;ws2.transport=\"2b0f9f5e-3f4d-4a8e-bc41-0c1d2e3f4a5b\"" + GOOD_ATTRS);
        assertTrue(s.reason(), s.reason().contains("family must be a Long, got nothing"));
    }

    @Test
    public void aGuidThatIsNoGuidIsRejected() throws Exception {
        ProviderStatus s = rejectedAfterInstalling("bad.guid", "ws2.transport;ws2.transport=\"xyz\";family:Long=2" + GOOD_ATTRS);
        assertTrue(s.reason(), s.reason().contains("not a GUID: 'xyz'"));
    }

    @Test
    public void claimingAnotherBundlesGuidIsRejected() throws Exception {
        ProviderStatus s = rejectedAfterInstalling("thief",
                "ws2.transport;ws2.transport=\"" + Ws2TestSupport.TCPIP_ID + "\";family:Long=2" + GOOD_ATTRS);
        assertTrue(s.reason(), s.reason().contains("already declared by bundle"));
    }
}
