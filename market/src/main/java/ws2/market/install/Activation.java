package ws2.market.install;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Capability;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProviderNamespaces;

/**
 * Applies a set of bundle changes to the framework, all or nothing: keeps the jar of every bundle
 * it replaces or removes, installs, updates and uninstalls, refreshes the updated and removed
 * bundles (and so what is wired to them), starts the new and updated bundles and waits until each
 * {@code ws2.*} GUID they declare has a service with that {@value ProviderNamespaces#PROVIDER_ID_PROPERTY}.
 * On a failure it puts every bundle back from the kept jars, refreshes, starts again what was
 * running, and throws.
 *
 * <p>Not thread-safe: the caller runs one activation at a time. It must not be asked to replace
 * or refresh the bundle it runs in.
 */
public final class Activation {
    /**
     * One bundle change.
     *
     * @param symbolicName the bundle
     * @param bundle the installed bundle changed, or null for a new install
     * @param from its version, or the empty string for a new install
     * @param to the version wanted, or the empty string to uninstall it
     * @param jar the jar of the version wanted, or null to uninstall
     */
    public record Step(String symbolicName, Bundle bundle, String from, String to, Path jar) {
        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException if the fields do not describe an install, update or uninstall
         */
        public Step {
            Objects.requireNonNull(symbolicName, "symbolicName");
            if ((bundle == null) != from.isEmpty() || (jar == null) != to.isEmpty() || (bundle == null && jar == null)) {
                throw new IllegalArgumentException("inconsistent step for " + symbolicName);
            }
        }

        /**
         * Returns the change for the journal.
         *
         * @return the change
         */
        public Change change() {
            return new Change(symbolicName, from, to);
        }
    }

    /** The location prefix of the bundles the marketplace installs. */
    public static final String LOCATION_PREFIX = "ws2.market:";
    private static final Logger LOG = LoggerFactory.getLogger(Activation.class);
    private static final List<String> PROVIDER_NAMESPACES = List.of(ProviderNamespaces.TRANSPORT_NAMESPACE,
            ProviderNamespaces.LAYERED_NAMESPACE, ProviderNamespaces.NAMESPACE_NAMESPACE);
    private static final long REFRESH_TIMEOUT_SECONDS = 60;

    private final BundleContext context;
    private final Kept kept;
    private final Duration healthTimeout;

    /**
     * Creates the activator of changes.
     *
     * @param context the marketplace's bundle context
     * @param kept where jars are kept
     * @param healthTimeout how long the provider GUIDs may take to get their services
     */
    public Activation(BundleContext context, Kept kept, Duration healthTimeout) {
        this.context = Objects.requireNonNull(context, "context");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.healthTimeout = Objects.requireNonNull(healthTimeout, "healthTimeout");
    }

    /** A failed step: which bundle, and why. */
    private static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final String bundle;

        Failure(String bundle, String reason, Throwable cause) {
            super(reason, cause);
            this.bundle = bundle;
        }
    }

    /**
     * Applies the changes.
     *
     * @param steps the changes
     * @param progress receives {@code installing}, {@code updating}, {@code uninstalling},
     *        {@code starting}, {@code checking} and {@code started} lines
     * @throws WsaException {@code WSANO_RECOVERY} if a replaced bundle's jar cannot be kept
     *         (nothing changed); {@code WSAEPROVIDERFAILEDINIT} naming the bundle and the reason if
     *         a step, the start or the health check fails (everything put back)
     */
    public void apply(List<Step> steps, Consumer<String> progress) throws WsaException {
        for (Step s : steps) {
            if (s.bundle() != null) {
                kept.keep(s.bundle());
            }
        }
        Set<Long> wasActive = new HashSet<>();
        for (Bundle b : context.getBundles()) {
            if ((b.getState() & (Bundle.ACTIVE | Bundle.STARTING)) != 0) {
                wasActive.add(b.getBundleId());
            }
        }
        List<Bundle> installed = new ArrayList<>();
        List<Step> updated = new ArrayList<>();
        Map<Step, String> removed = new LinkedHashMap<>();
        String current = steps.isEmpty() ? "" : steps.get(0).symbolicName();
        try {
            for (Step s : steps) {
                current = s.symbolicName();
                if (s.bundle() == null) {
                    progress.accept("installing " + s.symbolicName() + " " + s.to());
                    try (InputStream in = Files.newInputStream(s.jar())) {
                        installed.add(context.installBundle(LOCATION_PREFIX + s.symbolicName(), in));
                    }
                } else if (s.jar() != null) {
                    progress.accept("updating " + s.symbolicName() + " " + s.from() + " -> " + s.to());
                    updated.add(s);
                    try (InputStream in = Files.newInputStream(s.jar())) {
                        s.bundle().update(in);
                    }
                } else {
                    progress.accept("uninstalling " + s.symbolicName() + " " + s.from());
                    removed.put(s, s.bundle().getLocation());
                    s.bundle().uninstall();
                }
            }
            List<Bundle> refreshed = new ArrayList<>(updated.stream().map(Step::bundle).toList());
            removed.keySet().forEach(s -> refreshed.add(s.bundle()));
            refresh(refreshed);
            List<Bundle> started = new ArrayList<>(installed);
            updated.forEach(s -> started.add(s.bundle()));
            for (Bundle b : started) {
                current = b.getSymbolicName();
                if (!isFragment(b)) {
                    progress.accept("starting " + b.getSymbolicName() + " " + b.getVersion());
                    b.start();
                }
            }
            for (Bundle b : started) {
                current = b.getSymbolicName();
                healthCheck(b, progress);
            }
            started.forEach(b -> progress.accept("started " + b.getSymbolicName() + " " + b.getVersion()));
            removed.keySet().forEach(s -> progress.accept("uninstalled " + s.symbolicName() + " " + s.from()));
        } catch (BundleException | IOException | IllegalStateException | SecurityException | Failure e) {
            String bundle = e instanceof Failure f ? f.bundle : current;
            String reason = e instanceof Failure ? e.getMessage()
                    : e.toString() + (e.getCause() == null ? "" : " (" + e.getCause() + ")");
            progress.accept("failed " + bundle + ": " + reason + "; rolling back");
            List<String> problems = undo(installed, updated, removed, wasActive);
            progress.accept(problems.isEmpty() ? "rolled back" : "rolled back with problems: " + problems);
            throw new WsaException(WsaError.WSAEPROVIDERFAILEDINIT, "installing " + bundle + " failed: " + reason
                    + (problems.isEmpty() ? "; every bundle was put back as it was"
                            : "; putting the bundles back met problems: " + problems), e);
        }
    }

    private void healthCheck(Bundle b, Consumer<String> progress) throws Failure {
        BundleRevision revision = b.adapt(BundleRevision.class);
        if (revision == null) {
            throw new Failure(b.getSymbolicName(), b.getSymbolicName() + " was uninstalled while starting", null);
        }
        List<String> guids = new ArrayList<>();
        for (String ns : PROVIDER_NAMESPACES) {
            for (Capability c : revision.getCapabilities(ns)) {
                Object guid = c.getAttributes().get(ns);
                if (guid != null) {
                    guids.add(ns + " " + guid);
                }
            }
        }
        if (guids.isEmpty()) {
            return;
        }
        progress.accept("checking " + b.getSymbolicName() + ": " + guids.size() + " provider GUIDs");
        long deadline = System.nanoTime() + healthTimeout.toNanos();
        for (String g : guids) {
            String guid = g.substring(g.indexOf(' ') + 1);
            while (!registered(guid)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new Failure(b.getSymbolicName(), "its " + g + " got no service with "
                            + ProviderNamespaces.PROVIDER_ID_PROPERTY + "=" + guid + " within " + healthTimeout.toMillis()
                            + " ms (bundle state " + state(b) + ")", null);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure(b.getSymbolicName(), "the health check was interrupted", e);
                }
            }
        }
    }

    private boolean registered(String guid) throws Failure {
        try {
            return context.getServiceReferences((String) null,
                    "(" + ProviderNamespaces.PROVIDER_ID_PROPERTY + "=" + guid + ")") != null;
        } catch (InvalidSyntaxException e) {
            throw new Failure("", "the provider GUID " + guid + " makes a bad filter: " + e.getMessage(), e);
        }
    }

    /** Puts everything back; returns what could not be. */
    private List<String> undo(List<Bundle> installed, List<Step> updated, Map<Step, String> removed, Set<Long> wasActive) {
        List<String> problems = new ArrayList<>();
        List<Bundle> refreshed = new ArrayList<>();
        for (Bundle b : installed) {
            try {
                b.uninstall();
                refreshed.add(b);
            } catch (BundleException | IllegalStateException e) {
                problems.add("uninstalling " + b.getSymbolicName() + ": " + e);
            }
        }
        List<Bundle> restart = new ArrayList<>();
        for (Step s : updated) {
            try (InputStream in = Files.newInputStream(kept.path(s.symbolicName(), s.from()))) {
                s.bundle().update(in);
                refreshed.add(s.bundle());
            } catch (BundleException | IOException | IllegalStateException e) {
                problems.add("putting back " + s.symbolicName() + " " + s.from() + ": " + e);
            }
        }
        for (Map.Entry<Step, String> r : removed.entrySet()) {
            Step s = r.getKey();
            try (InputStream in = Files.newInputStream(kept.path(s.symbolicName(), s.from()))) {
                Bundle b = context.installBundle(r.getValue(), in);
                refreshed.add(s.bundle());
                if (wasActive.contains(s.bundle().getBundleId())) {
                    restart.add(b);
                }
            } catch (BundleException | IOException | IllegalStateException e) {
                problems.add("installing " + s.symbolicName() + " " + s.from() + " again: " + e);
            }
        }
        try {
            refresh(refreshed);
        } catch (Failure e) {
            problems.add(e.getMessage());
        }
        for (Bundle b : context.getBundles()) {
            if (wasActive.contains(b.getBundleId())) {
                restart.add(b);
            }
        }
        for (Bundle b : restart) {
            if ((b.getState() & (Bundle.ACTIVE | Bundle.STARTING)) == 0 && b.getState() != Bundle.UNINSTALLED) {
                try {
                    b.start();
                } catch (BundleException | IllegalStateException e) {
                    problems.add("starting " + b.getSymbolicName() + " again: " + e);
                }
            }
        }
        if (!problems.isEmpty()) {
            LOG.error("Putting the bundles back after a failed marketplace change met problems: {}", problems);
        }
        return problems;
    }

    private void refresh(List<Bundle> bundles) throws Failure {
        if (bundles.isEmpty()) {
            return;
        }
        FrameworkWiring fw = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        CountDownLatch done = new CountDownLatch(1);
        List<FrameworkEvent> events = new ArrayList<>();
        fw.refreshBundles(bundles, e -> {
            synchronized (events) {
                events.add(e);
            }
            done.countDown();
        });
        try {
            if (!done.await(REFRESH_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new Failure(bundles.get(0).getSymbolicName(), "refreshing " + names(bundles) + " took longer than "
                        + REFRESH_TIMEOUT_SECONDS + " s", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(bundles.get(0).getSymbolicName(), "refreshing " + names(bundles) + " was interrupted", e);
        }
        synchronized (events) {
            for (FrameworkEvent e : events) {
                if (e.getType() == FrameworkEvent.ERROR) {
                    throw new Failure(e.getBundle().getSymbolicName(), "refreshing " + names(bundles) + " failed: "
                            + e.getThrowable(), e.getThrowable());
                }
            }
        }
    }

    private static List<String> names(List<Bundle> bundles) {
        return bundles.stream().map(Bundle::getSymbolicName).toList();
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.STARTING -> "STARTING";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STOPPING -> "STOPPING";
            default -> "UNINSTALLED";
        };
    }
}
