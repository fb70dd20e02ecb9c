package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import javax.inject.Inject;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * Deploy-folder safety (issue 5): a jar written slowly is never installed half-written, and a
 * broken layer bundle never takes a chain down.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DeploySafetyIT {
    static final String CHAIN = "ws2 Metrics over [ws2 Tcpip [TCP/IP]]";

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.deployFolder("ws2-deploy"));
    }

    /** The folder is shared by both tests' frameworks: each starts from an empty one. */
    @Before
    public void emptyFolder() throws Exception {
        Ws2TestSupport.emptyFolder(deploy());
        Ws2TestSupport.await("the deploy folder's bundles gone", Duration.ofSeconds(20),
                () -> !installed("ws2.provider.metrics") && !installed("broken.layer"));
    }

    private Path deploy() {
        return Ws2TestSupport.deployFolder(context);
    }

    private boolean installed(String symbolicName) {
        return Ws2TestSupport.find(context, symbolicName) != null;
    }

    private CatalogEntry chain() {
        return Ws2TestSupport.entry(catalog, CHAIN);
    }

    private void socketsStillWork() throws Exception {
        try (Winsock ws = factory.open("deploy.client")) {
            ws.startup(Winsock.VERSION_2_2);
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            ws.closeSocket(s);
        }
    }

    @Test
    public void aJarWrittenSlowlyIsInstalledOnlyWhenComplete() throws Exception {
        byte[] jar = Files.readAllBytes(Ws2TestSupport.jar("ws2.provider.metrics"));
        Path target = deploy().resolve("ws2.provider.metrics.jar");
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(jar, 0, jar.length / 2);
            out.flush();
            Thread.sleep(600);
            assertTrue("no bundle is installed from a half-written jar", !installed("ws2.provider.metrics"));
            assertTrue("the catalog has no serving metrics chain", chain() == null || !chain().reason().isEmpty());
            socketsStillWork();
            out.write(jar, jar.length / 2, jar.length - jar.length / 2);
        }
        Ws2TestSupport.await("the complete jar installed and its chain serving", Duration.ofSeconds(20),
                () -> chain() != null && chain().available() && chain().reason().isEmpty());
        socketsStillWork();
    }

    @Test
    public void aBrokenLayerBundleNeverTakesTheChainDown() throws Exception {
        Files.copy(Ws2TestSupport.jar("ws2.provider.metrics"), deploy().resolve("ws2.provider.metrics.jar"));
        Ws2TestSupport.await("the metrics chain", Duration.ofSeconds(20), () -> chain() != null && chain().available());
        Path broken = deploy().resolve("broken.layer.jar");
        try (InputStream in = ManifestBundles.bundle("broken.layer", Map.of("Bundle-Activator", "no.such.Activator",
                "Provide-Capability", "ws2.layered;ws2.layered=\"7e0c6a4e-0000-4000-8000-0000000000ee\";protocolName=\"Broken\""
                        + ";categories:Long=1;rank:Long=5;failure=\"open\";over=\"\";catalogs:List<String>=\"native,compat32\""))) {
            Files.copy(in, deploy().resolve("broken.tmp"));
            Files.move(deploy().resolve("broken.tmp"), broken);
        }
        Ws2TestSupport.await("the broken bundle tried", Duration.ofSeconds(20), () -> installed("broken.layer"));
        Thread.sleep(300);
        Bundle b = Arrays.stream(context.getBundles()).filter(x -> "broken.layer".equals(x.getSymbolicName()))
                .findFirst().orElseThrow();
        assertTrue("its activator fails, so it never becomes active", b.getState() != Bundle.ACTIVE);
        CatalogEntry withBroken = catalog.entries(CatalogView.NATIVE).stream().filter(e -> e.info().protocolName()
                .equals("ws2 Metrics over [Broken over [ws2 Tcpip [TCP/IP]]]")).findFirst().orElseThrow();
        assertTrue("the chain still serves, bypassing the broken fail-open layer: " + withBroken.reason(),
                withBroken.available() && withBroken.reason().startsWith("bypassing fail-open layer 'Broken'"));
        socketsStillWork();
        Files.write(deploy().resolve("garbage.jar"), new byte[] {1, 2, 3, 4}, StandardOpenOption.CREATE_NEW);
        Thread.sleep(400);
        assertTrue(catalog.entries(CatalogView.NATIVE).get(0).available());
        socketsStillWork();
    }
}
