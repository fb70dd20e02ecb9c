package ws2.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;

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
public final class Ws2Felix implements AutoCloseable {
    /** Bundles whose exported packages the system bundle exports from the class path instead. */
    private static final String[] API_BUNDLES = {"ws2.api", "winevent.bus"};
    /** Third-party API on the class path that the ws2 bundles import. */
    private static final String OTHER_API = "org.osgi.service.event;version=1.4.1";
    private static final String[] BUNDLES = {
        "slf4j-api", "asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util",
        "org.apache.aries.spifly.dynamic.bundle", "slf4j-simple", "org.osgi.util.function", "org.osgi.util.promise",
        "org.osgi.service.component", "org.apache.felix.scr", "gson", "org.apache.felix.eventadmin",
        "winevent.bus", "ws2.core", "ws2.provider.tcpip"
    };

    private final Framework framework;
    private final WinsockFactory factory;

    private Ws2Felix(Framework framework, WinsockFactory factory) {
        this.framework = framework;
        this.factory = factory;
    }

    /**
     * Returns a service as the system bundle sees it.
     *
     * @param <S> its type
     * @param type its interface, from the API shared with the framework
     * @return the service
     * @throws InterruptedException if interrupted while waiting for it
     */
    <S> S service(Class<S> type) throws InterruptedException {
        return service(framework.getBundleContext(), type);
    }

    /**
     * Returns the system bundle's context, to register services into the framework.
     *
     * @return the context
     */
    BundleContext context() {
        return framework.getBundleContext();
    }

    /**
     * Boots the runtime and waits until the tcpip entries are usable.
     *
     * @return the running runtime
     * @throws Exception if it does not come up
     */
    public static Ws2Felix start() throws Exception {
        return start(Map.of());
    }

    /**
     * Boots the runtime with extra framework properties and waits until the tcpip entries are usable.
     *
     * @param extra framework properties added to the defaults, for bundles that read them
     * @param extraBundles embedded bundles installed after the default ones (layers, FileInstall)
     * @return the running runtime
     * @throws Exception if it does not come up
     */
    static Ws2Felix start(Map<String, String> extra, String... extraBundles) throws Exception {
        Map<String, String> props = new HashMap<>(extra);
        props.put(Constants.FRAMEWORK_STORAGE, Files.createTempDirectory("ws2-bench-felix").toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages());
        props.put("felix.bootdelegation.implicit", "false");
        props.put("ws2.data.dir", Files.createTempDirectory("ws2-bench-data").toString());
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Framework fw = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        fw.start();
        BundleContext ctx = fw.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of(BUNDLES));
        names.addAll(List.of(extraBundles));
        for (String name : names) {
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

    /**
     * The packages the API bundles export, with the versions their manifests give, so the system
     * bundle offers exactly what the ws2 bundles were built to import (a version written here by
     * hand went stale as soon as an API package moved to 1.1).
     */
    private static String apiPackages() throws IOException {
        StringBuilder packages = new StringBuilder(OTHER_API);
        for (String name : API_BUNDLES) {
            try (InputStream in = Ws2Felix.class.getResourceAsStream("/bundles/" + name + ".jar")) {
                if (in == null) {
                    throw new IllegalStateException("bundle " + name + " is not embedded in the benchmark jar");
                }
                String exports = new JarInputStream(in).getManifest().getMainAttributes().getValue(Constants.EXPORT_PACKAGE);
                for (String clause : clauses(exports)) {
                    String[] parts = clause.split(";");
                    String version = "0.0.0";
                    for (String p : parts) {
                        if (p.trim().startsWith("version=")) {
                            version = p.trim().substring("version=".length()).replace("\"", "");
                        }
                    }
                    packages.append(',').append(parts[0].trim()).append(";version=").append(version);
                }
            }
        }
        return packages.toString();
    }

    /** Splits a manifest header into its clauses: at commas outside quotes. */
    private static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(header.substring(start, i));
                start = i + 1;
            }
        }
        out.add(header.substring(start));
        return out;
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
    public WinsockFactory factory() {
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
