package ws2.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Installs the embedded bundles into a running framework and starts them, group by group.
 *
 * <p>Every bundle is installed before any is started, so that resolution sees them all. A group starts
 * only when every bundle of the groups before it started; when some bundle of a group fails to resolve or
 * start, the remaining bundles of that group are still tried, so that every failure of the group is
 * reported, and the later groups are not started. Fragments are not started; a fragment left unresolved
 * once everything started is a failure too.
 *
 * <p>Bundles start with no thread context class loader. Otherwise a library that looks its own resources
 * up through the context class loader first would search the launcher's jar instead of its bundle: JLine
 * then finds none of its terminal providers and gives gogo.jline a dumb terminal.
 */
final class BundleStarter {

    private final BundleContext context;

    /**
     * @param context the system bundle's context
     */
    BundleStarter(BundleContext context) {
        this.context = context;
    }

    /**
     * Installs and starts every embedded bundle.
     *
     * @param embedded the embedded bundles
     * @throws BootException naming each bundle that could not be installed, resolved or started
     */
    void installAndStart(EmbeddedBundles embedded) throws BootException {
        List<List<Bundle>> groups = new ArrayList<>();
        try {
            for (List<Path> jars : embedded.groups()) {
                List<Bundle> group = new ArrayList<>();
                for (Path jar : jars) {
                    group.add(install(embedded.location(jar), jar));
                }
                groups.add(group);
            }
        } catch (IOException e) {
            throw new BootException("cannot read the embedded bundles: " + e);
        }
        Thread thread = Thread.currentThread();
        ClassLoader launcherLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(null);
        try {
            for (List<Bundle> group : groups) {
                start(group);
            }
        } finally {
            thread.setContextClassLoader(launcherLoader);
        }
        checkFragments(groups);
    }

    private Bundle install(String location, Path jar) throws IOException, BootException {
        try (InputStream in = Files.newInputStream(jar)) {
            return context.installBundle(location, in);
        } catch (BundleException e) {
            throw new BootException(location + " could not be installed: " + e.getMessage());
        }
    }

    private static void start(List<Bundle> group) throws BootException {
        List<String> failures = new ArrayList<>();
        for (Bundle bundle : group) {
            if (isFragment(bundle)) {
                continue;
            }
            try {
                bundle.start();
            } catch (BundleException | RuntimeException e) {
                failures.add(describe(bundle) + " did not start: " + reason(e));
            }
        }
        if (!failures.isEmpty()) {
            throw new BootException(failures);
        }
    }

    private static void checkFragments(List<List<Bundle>> groups) throws BootException {
        List<String> failures = groups.stream()
                .flatMap(List::stream)
                .filter(bundle -> isFragment(bundle) && bundle.getState() == Bundle.INSTALLED)
                .map(fragment -> describe(fragment) + " did not resolve: no host accepted it")
                .toList();
        if (!failures.isEmpty()) {
            throw new BootException(failures);
        }
    }

    private static boolean isFragment(Bundle bundle) {
        return (bundle.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String describe(Bundle bundle) {
        return "bundle " + bundle.getSymbolicName() + " " + bundle.getVersion() + " (" + bundle.getLocation() + ")";
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause();
        return cause == null ? e.getMessage() : e.getMessage() + " caused by " + cause;
    }
}
