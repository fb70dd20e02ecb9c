package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/** A provider jar dropped into the deploy folder becomes usable; deleting it takes it away (issue 2). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployFolderIT {
    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.core(), Ws2TestSupport.deployFolder("ws2-deploy"));
    }

    private long available() {
        return catalog.entries(CatalogView.NATIVE).stream().filter(CatalogEntry::available).count();
    }

    @Test
    public void aProviderJarHotDeployedThroughTheFolderBecomesUsable() throws Exception {
        assertEquals("no provider before the drop", 0, catalog.entries(CatalogView.NATIVE).size());
        Path deploy = Ws2TestSupport.deployFolder(context);
        Path dropped = deploy.resolve("ws2.provider.tcpip.jar");
        Files.copy(Ws2TestSupport.jar("ws2.provider.tcpip"), dropped);
        Ws2TestSupport.await("the dropped provider's entries", Duration.ofSeconds(20), () -> available() == 4);

        String started = Shell.run(shell, "ws2:echo-server 0");
        String port = started.replaceAll("(?s).*127\\.0\\.0\\.1:(\\d+).*", "$1").trim();
        assertEquals("hot deployed", Shell.run(shell, "ws2:echo " + InetAddress.getLoopbackAddress().getHostAddress()
                + " " + port + " \"hot deployed\"").trim());

        Files.delete(dropped);
        Ws2TestSupport.await("the provider removed with its jar", Duration.ofSeconds(20), () -> available() == 0);
        assertEquals("its entries stay listed, unavailable", 4, catalog.entries(CatalogView.NATIVE).size());
    }
}
