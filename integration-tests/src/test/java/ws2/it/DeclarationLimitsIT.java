package ws2.it;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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

import ws2.api.AddressFamily;
import ws2.api.IpProtocol;
import ws2.api.SocketType;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderCatalog;

/**
 * What a provider bundle declares is the most it may register (issue 7): a bundle that declares one
 * provider and registers a service for another GUID is ignored for it, while a bundle that declares
 * nothing may still serve an entry installed through {@code WSCInstallProvider}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeclarationLimitsIT {
    private static final String DECLARED = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    private static final String ATTRS = ";protocolName=\"declared\";family:Long=2;type:Long=1;protocol:Long=6"
            + ";protocolMaxOffset:Long=0;serviceFlags:Long=0;providerFlags:Long=0;protocolVersion:Long=2"
            + ";minSockAddr:Long=16;maxSockAddr:Long=16;byteOrder:Long=0;securityScheme:Long=0;messageSize:Long=0"
            + ";catalogs:List<String>=\"native,compat32\"";

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip());
    }

    private boolean available(UUID id) {
        return catalog.entries(CatalogView.NATIVE).stream()
                .anyMatch((CatalogEntry e) -> e.info().providerId().equals(id) && e.available());
    }

    private Bundle serving(String name, UUID serve, String capability) throws Exception {
        Map<String, String> headers = capability == null
                ? Map.of("Bundle-Activator", OverreachingActivator.class.getName(), "X-Serve-Guid", serve.toString(),
                        "Import-Package", "org.osgi.framework,ws2.api,ws2.catalog,ws2.spi.transport,ws2.spi.upcall")
                : Map.of("Bundle-Activator", OverreachingActivator.class.getName(), "X-Serve-Guid", serve.toString(),
                        "Import-Package", "org.osgi.framework,ws2.api,ws2.catalog,ws2.spi.transport,ws2.spi.upcall",
                        "Provide-Capability", capability);
        Bundle b = context.installBundle("test:" + name, ManifestBundles.bundle(name, headers, OverreachingActivator.class));
        b.start();
        return b;
    }

    @Test
    public void aProviderBundleMayServeOnlyWhatItDeclares() throws Exception {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
        UUID installed = UUID.randomUUID();
        catalog.installProvider(installed, "test:installed", List.of(ProtocolInfo.builder()
                .triple(AddressFamily.AF_INET, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP).sockAddrLengths(16, 16)
                .protocolName("installed by WSCInstallProvider").build()));
        Bundle overreaching = serving("overreaching", installed, "ws2.transport;ws2.transport=\"" + DECLARED + "\"" + ATTRS);
        try {
            Thread.sleep(300);
            assertFalse("a provider bundle may not serve a GUID it does not declare", available(installed));
            assertFalse("nor is its own declaration served by that service", available(UUID.fromString(DECLARED)));
        } finally {
            overreaching.uninstall();
        }
        Bundle plain = serving("plain", installed, null);
        try {
            Ws2TestSupport.await("a bundle that declares nothing serves the installed entry", Duration.ofSeconds(10),
                    () -> available(installed));
            assertTrue(available(installed));
        } finally {
            plain.uninstall();
            catalog.deinstallProvider(installed);
        }
    }
}
