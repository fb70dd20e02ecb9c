package ws2.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * A real Felix started from a test, for what Pax Exam cannot do: stopping the whole framework and
 * starting it again on the same data folder. The ws2 API packages come from the test's class path
 * through the system bundle, so the test calls the real services by their API types.
 */
final class EmbeddedFelix implements AutoCloseable {
    /** One clause of an Export-Package header: the package and its version attribute. */
    private static final Pattern EXPORT = Pattern.compile("(?:^|,)([\\w.]+);(?:[^,\"]|\"[^\"]*\")*?version=\"?([\\d.]+)\"?");

    /** Bundles whose exported packages the system bundle exports in their place, from the class path. */
    private static final String[] API_BUNDLES = {"ws2.api", "winevent.bus"};
    private static final String[] BUNDLES = {
        "slf4j-api", "asm", "asm-tree", "asm-analysis", "asm-commons", "asm-util",
        "org.apache.aries.spifly.dynamic.bundle", "slf4j-simple", "org.osgi.util.function", "org.osgi.util.promise",
        "org.osgi.service.component", "org.apache.felix.scr", "gson", "winevent.bus", "ws2.core", "ws2.provider.tcpip"
    };

    private final Framework framework;

    /**
     * Starts Felix with SCR, SLF4J, ws2.core and the tcpip provider.
     *
     * @param storage the framework's cache, emptied at start
     * @param dataDir the ws2 data folder, kept across starts
     * @throws BundleException if a bundle fails to install or start
     */
    EmbeddedFelix(Path storage, Path dataDir) throws BundleException {
        Map<String, String> props = new HashMap<>();
        props.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        props.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        props.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, apiPackages());
        props.put("felix.bootdelegation.implicit", "false");
        props.put("ws2.data.dir", dataDir.toString());
        framework = ServiceLoader.load(FrameworkFactory.class).iterator().next().newFramework(props);
        framework.start();
        BundleContext ctx = framework.getBundleContext();
        List<Bundle> installed = new ArrayList<>();
        for (String name : BUNDLES) {
            installed.add(ctx.installBundle(Ws2TestSupport.jar(name).toUri().toString()));
        }
        for (Bundle b : installed) {
            b.start();
        }
    }

    /**
     * The API packages with the versions the built bundles export, read from their manifests, so
     * the system bundle offers what ws2.core imports whatever the API's current versions.
     */
    private static String apiPackages() {
        StringJoiner packages = new StringJoiner(",");
        for (String name : API_BUNDLES) {
            try (JarFile jar = new JarFile(Ws2TestSupport.jar(name).toFile())) {
                String exports = jar.getManifest().getMainAttributes().getValue("Export-Package");
                Matcher m = EXPORT.matcher(exports);
                while (m.find()) {
                    packages.add(m.group(1) + ";version=" + m.group(2));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return packages.toString();
    }

    /**
     * Waits for a service.
     *
     * @param <S> its type
     * @param type its interface, from the API shared with the framework
     * @return the service
     * @throws InterruptedException if interrupted
     */
    <S> S service(Class<S> type) throws InterruptedException {
        ServiceTracker<S, S> t = new ServiceTracker<>(framework.getBundleContext(), type, null);
        t.open();
        S s = t.waitForService(TimeUnit.SECONDS.toMillis(10));
        if (s == null) {
            throw new AssertionError("no " + type.getName() + " service within 10 s");
        }
        return s;
    }

    @Override
    public void close() throws Exception {
        framework.stop();
        framework.waitForStop(TimeUnit.SECONDS.toMillis(20));
    }
}
