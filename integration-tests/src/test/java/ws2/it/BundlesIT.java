package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.ArrayList;
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
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderNamespaces;

/** Every bundle of the build resolves and starts in a real Felix (issue 2, smoke test). */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundlesIT {
    @Inject
    BundleContext context;

    @Inject
    ProviderCatalog catalog;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip());
    }

    @Test
    public void everyBundleIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.adapt(BundleRevision.class) != null
                    && (b.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertEquals("bundles not active: " + notActive, List.of(), notActive);
        assertNotNull(catalog);
    }

    @Test
    public void theCoreProvidesTheProviderExtenderCapability() {
        Bundle core = find("ws2.core");
        List<BundleCapability> caps = core.adapt(BundleRevision.class).getDeclaredCapabilities("osgi.extender");
        assertTrue(caps.stream().anyMatch(c -> ProviderNamespaces.EXTENDER_NAME.equals(c.getAttributes().get("osgi.extender"))));
    }

    private Bundle find(String bsn) {
        return Ws2TestSupport.installed(context, bsn);
    }
}
