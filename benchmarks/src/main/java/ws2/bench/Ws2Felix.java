package ws2.bench;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

import ws2.api.WinsockFactory;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * ws2 as it runs in production, inside the benchmark JVM: Felix with SCR, ws2.core and the tcpip
 * provider, installed from the bundles embedded in the benchmark jar. The API packages come from
 * the benchmark's class path through the system bundle, so benchmarks call the real services.
 */
final class Ws2Felix implements AutoCloseable {
    private static final String API = "ws2.api;version=1.0.0,ws2.catalog;version=1.0.0,"
            + "ws2.catalog.annotations;version=1.0.0,ws2.spi.transport;version=1.0.0,ws2.spi.upcall;version=1.0.0";
    private static final String[] BUNDLES = {
        "slf4j-api", "asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util",
        "org.apache.aries.spifly.dynamic.bundle", "slf4j-simple", "org.osgi.util.function", "org.osgi.util.promise",
        "org.osgi.service.component", "org.apache.felix.scr", "gson", "ws2.core", "ws2.provider.tcpip"
    };

    private final Framework framework;
    private final WinsockFactory factory;

    private Ws2Felix(Framework framework, WinsockFactory factory) {
        this.framework = framework;
        this.factory = factory;
    }

    /**
     * Boots the runtime and waits until the tcpip entries are usable.
     *
     * @return the running runtime
     * @throws Exception if it does not come up
     */
    static Ws2Felix start() throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("ws2-bench-felix").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, API);
        props.put("felix.bootdelegation.implicit", "false");
        props.put("ws2.data.dir", Files.createTempDirectory("ws2-bench-data").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Framework fw = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        fw.start();
        BundleContext ctx = fw.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String name : BUNDLES) {
            try (InputStream in = Ws2Felix.class.getResourceAsStream("/bundles/" + name + ".jar")) {
                if (in == null) {
                    throw new IllegalStateException("bundle " + name + " is not embedded in the benchmark jar");
                }
                installed.add(ctx.installBundle("bench:" + name, in));
            }
        }
        for (Bundle b : installed) {
            b.start();
        }
        ProviderCatalog catalog = service(ctx, ProviderCatalog.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (catalog.entries(CatalogView.NATIVE).stream().filter(CatalogEntry::available).count() < 4) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the tcpip entries did not become available: " + catalog.entries(CatalogView.NATIVE));
            }
            Thread.sleep(10);
        }
        return new Ws2Felix(fw, service(ctx, WinsockFactory.class));
    }

    private static <S> S service(BundleContext ctx, Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> t = new ServiceTracker<>(ctx, type, null);
        t.open();
        S s = t.waitForService(TimeUnit.SECONDS.toMillis(10));
        if (s == null) {
            throw new IllegalStateException("no " + type.getName() + " service");
        }
        return s;
    }

    /**
     * Returns the client-context factory.
     *
     * @return the service
     */
    WinsockFactory factory() {
        return factory;
    }

    @Override
    public void close() {
        try {
            framework.stop();
            framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
        } catch (Exception e) {
            throw new IllegalStateException("Felix did not stop", e);
        }
    }
}
