package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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

import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.ProviderCatalog;
import ws2.market.HistoryEntry;
import ws2.market.Marketplace;

/**
 * The deploy folder through the marketplace (issue 7): FileInstall hands the ws2 provider jars it
 * finds to the marketplace's artifact installer, which stages, hashes, checks the signature against
 * {@code ws2.market.deploy.keys}, activates all or nothing and journals; deleting the jar uninstalls
 * through the marketplace. The frameworks pin the key of a publisher made for the run, and the
 * metrics jar signed by it is offered to the tests as the framework property {@value #SIGNED}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DeployMarketIT {
    static final String METRICS = "ws2.provider.metrics";
    static final String CHAIN = "ws2 Metrics over [ws2 Tcpip [TCP/IP]]";
    static final String SIGNED = "ws2.it.signed.metrics";

    @Inject
    BundleContext context;
    @Inject
    Marketplace market;
    @Inject
    ProviderCatalog catalog;

    @Configuration
    public Option[] config() throws Exception {
        Path keys = Ws2TestSupport.tempDir("ws2-deploy-keys");
        Path store = SigningKeys.keyStore(keys, "publisher");
        Path signed = SigningKeys.sign(Ws2TestSupport.jar(METRICS), store, keys.resolve(METRICS + ".jar"));
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.resolver"),
                Ws2TestSupport.bundleOf("ws2.market"),
                frameworkProperty("ws2.market.deploy.keys").value(SigningKeys.fingerprint(store)),
                frameworkProperty(SIGNED).value(signed.toString()), Ws2TestSupport.deployFolder("ws2-market-deploy"));
    }

    /** Each framework starts from an empty deploy folder, with the marketplace's installer registered. */
    @Before
    public void emptyFolder() throws Exception {
        Ws2TestSupport.emptyFolder(deploy());
        Ws2TestSupport.await("the marketplace's artifact installer", Duration.ofSeconds(10),
                () -> context.getServiceReference("org.apache.felix.fileinstall.ArtifactInstaller") != null);
        Ws2TestSupport.await("no deployed metrics bundle", Duration.ofSeconds(20), () -> bundle(METRICS) == null);
    }

    private Path deploy() {
        return Ws2TestSupport.deployFolder(context);
    }

    private Bundle bundle(String symbolicName) {
        return Ws2TestSupport.find(context, symbolicName);
    }

    /** Drops a jar whole: written beside the folder's jars under another name, then renamed. */
    private Path drop(Path jar, String name) throws IOException {
        Path tmp = deploy().resolve(name + ".part");
        Files.copy(jar, tmp);
        return Files.move(tmp, deploy().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** The journal entries after the first {@code count}. */
    private List<HistoryEntry> since(int count) {
        try {
            List<HistoryEntry> h = market.history();
            return h.subList(Math.min(count, h.size()), h.size()).stream().filter(e -> !e.action().equals("catalog"))
                    .toList();
        } catch (WsaException e) {
            throw new AssertionError("the journal cannot be read", e);
        }
    }

    @Test
    public void aSignedProviderJarIsDeployedThroughTheMarketAndUninstalledWhenDeleted() throws Exception {
        int before = market.history().size();
        Path signed = Path.of(context.getProperty(SIGNED));
        Path dropped = drop(signed, METRICS + ".jar");
        Ws2TestSupport.await("the dropped metrics bundle active", Duration.ofSeconds(20),
                () -> bundle(METRICS) != null && bundle(METRICS).getState() == Bundle.ACTIVE);
        Ws2TestSupport.await("the metrics chain", Duration.ofSeconds(10), () -> {
            CatalogEntry e = Ws2TestSupport.entry(catalog, CHAIN);
            return e != null && e.available();
        });
        Bundle b = bundle(METRICS);
        assertTrue("installed by the marketplace, not by FileInstall: " + b.getLocation(),
                b.getLocation().startsWith("ws2.market:"));
        String version = b.getVersion().toString();
        Ws2TestSupport.await("the deploy journaled", Duration.ofSeconds(5),
                () -> since(before).stream().anyMatch(e -> e.action().equals("deploy")));
        HistoryEntry deployed = since(before).stream().filter(e -> e.action().equals("deploy")).findFirst().orElseThrow();
        assertEquals(HistoryEntry.OK, deployed.outcome());
        assertEquals(List.of(METRICS + " none -> " + version), deployed.changes());
        assertEquals(dropped + " SHA-256 " + SigningKeys.sha256(signed), deployed.subject());

        int beforeDelete = market.history().size();
        Files.delete(dropped);
        Ws2TestSupport.await("the metrics bundle uninstalled", Duration.ofSeconds(20), () -> bundle(METRICS) == null);
        Ws2TestSupport.await("the uninstall journaled", Duration.ofSeconds(5), () -> !since(beforeDelete).isEmpty());
        HistoryEntry uninstalled = since(beforeDelete).get(0);
        assertEquals("uninstall", uninstalled.action());
        assertEquals(List.of(METRICS + " " + version + " -> none"), uninstalled.changes());
        assertEquals(HistoryEntry.OK, uninstalled.outcome());
    }

    @Test
    public void anUnsignedProviderJarIsRefusedAndNothingInstalled() throws Exception {
        int before = market.history().size();
        List<String> bundlesBefore = state();
        Path dropped = drop(Ws2TestSupport.jar(METRICS), METRICS + ".jar");
        Ws2TestSupport.await("the refusal journaled", Duration.ofSeconds(20),
                () -> since(before).stream().anyMatch(e -> e.action().equals("deploy")));
        HistoryEntry refusal = since(before).stream().filter(e -> e.action().equals("deploy")).findFirst().orElseThrow();
        assertTrue(refusal.outcome(), refusal.outcome().startsWith("refused WSAEACCES ("));
        assertTrue(refusal.outcome(), refusal.outcome().contains("is not signed"));
        assertTrue(refusal.subject(), refusal.subject().startsWith(dropped + " SHA-256 " + SigningKeys.sha256(dropped)));
        assertEquals(List.of(), refusal.changes());
        Thread.sleep(300); // several polls: FileInstall must not install it on its own, nor the market retry it
        assertEquals(bundlesBefore, state());
        assertEquals(null, bundle(METRICS));
        assertEquals("refused once", 1, since(before).size());

        Files.delete(dropped);
        Thread.sleep(300);
        assertEquals("deleting a refused jar uninstalls nothing", 1, since(before).size());
    }

    @Test
    public void aJarThatIsNoProviderKeepsFileInstallsOwnHandling() throws Exception {
        int before = market.history().size();
        Path plain = Files.createTempFile("plain", ".jar");
        try (InputStream in = ManifestBundles.bundle("ws2.it.plain", Map.of())) {
            Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
        }
        drop(plain, "plain.jar");
        Files.delete(plain);
        Ws2TestSupport.await("the plain bundle installed by FileInstall", Duration.ofSeconds(20),
                () -> bundle("ws2.it.plain") != null);
        assertFalse(bundle("ws2.it.plain").getLocation(), bundle("ws2.it.plain").getLocation().startsWith("ws2.market:"));
        assertEquals("the marketplace journaled nothing", List.of(), since(before));
    }

    private List<String> state() {
        return Stream.of(context.getBundles()).map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + b.getState())
                .sorted().toList();
    }
}
