package ws2.market.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.BundleChange;
import ws2.market.HistoryEntry;
import ws2.market.Plan;
import ws2.market.Source;
import ws2.market.index.IndexResource;
import ws2.market.index.RepositoryIndex;
import ws2.market.plan.Planner;
import ws2.market.source.SourceList;

/**
 * Carries out installs, updates, uninstalls and rollbacks, one at a time (under this object's
 * lock), and journals each, refused or not. Downloads go to {@code staging/<n>/} in the
 * marketplace's folder, removed afterwards; jars are kept in {@code kept/}.
 */
public final class Installer {
    private static final Logger LOG = LoggerFactory.getLogger(Installer.class);

    private final BundleContext context;
    private final SourceList sources;
    private final Planner planner;
    private final Journal journal;
    private final Kept kept;
    private final Activation activation;
    private final Path staging;
    private final Download download = new Download();
    /** The bundle each deploy-folder jar installed, by the jar's absolute path. */
    private final Map<Path, String> deployed = new ConcurrentHashMap<>();

    /**
     * Creates the installer.
     *
     * @param context the marketplace's bundle context
     * @param sources the sources
     * @param planner plans installs
     * @param journal the audit journal
     * @param folder the marketplace's data folder
     * @param activation applies the changes
     * @param kept where jars are kept
     */
    public Installer(BundleContext context, SourceList sources, Planner planner, Journal journal, Path folder,
            Activation activation, Kept kept) {
        this.context = Objects.requireNonNull(context, "context");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.planner = Objects.requireNonNull(planner, "planner");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.activation = Objects.requireNonNull(activation, "activation");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.staging = folder.resolve("staging");
    }

    /** An operation that returns the changes it made. */
    private interface Operation {
        List<Change> run() throws WsaException;
    }

    private HistoryEntry journaled(String action, String subject, Operation op) throws WsaException {
        List<Change> changes;
        try {
            changes = op.run();
        } catch (WsaException e) {
            LOG.warn("Marketplace {} {} refused: {}", action, subject, e.getMessage());
            try {
                journal.refused(action, subject, e);
            } catch (WsaException j) {
                e.addSuppressed(j);
            }
            throw e;
        }
        HistoryEntry entry = journal.append(action, subject, changes, HistoryEntry.OK);
        LOG.info("Marketplace {} {}: {}", action, subject, entry.changes());
        return entry;
    }

    /**
     * Installs or updates a bundle, as {@link ws2.market.Marketplace#install} and {@link ws2.market.Marketplace#update}.
     *
     * @param symbolicName the bundle
     * @param update true to update an installed bundle, false to install one that is not
     * @param progress receives the progress lines
     * @return the journal entry
     * @throws WsaException as the marketplace's methods
     */
    public synchronized HistoryEntry install(String symbolicName, boolean update, Consumer<String> progress)
            throws WsaException {
        return journaled(update ? "update" : "install", symbolicName, () -> doInstall(symbolicName, update, progress));
    }

    private List<Change> doInstall(String symbolicName, boolean update, Consumer<String> progress) throws WsaException {
        List<Bundle> present = named(symbolicName);
        if (!update && !present.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, symbolicName + " is already installed at version "
                    + present.get(0).getVersion() + "; market:update updates it");
        }
        if (update && present.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, symbolicName + " is not installed; market:install installs it");
        }
        List<RepositoryIndex> indexes = sources.indexes();
        Plan plan = planner.plan(symbolicName, indexes);
        if (plan.changes().isEmpty()) {
            progress.accept(symbolicName + " " + present.get(0).getVersion() + " is already the newest version offered");
            return List.of();
        }
        String own = context.getBundle().getSymbolicName();
        List<BundleChange> all = new ArrayList<>(plan.changes());
        all.addAll(plan.pulledIn());
        if (plan.refreshes().contains(own) || all.stream().anyMatch(c -> c.symbolicName().equals(own))) {
            throw new WsaException(WsaError.WSAEINVAL, "installing " + symbolicName + " would replace or refresh the "
                    + "marketplace itself (" + own + "); update it by hand");
        }
        all.forEach(c -> progress.accept("plan " + c.symbolicName() + " " + (c.isUpdate() ? c.fromVersion() + " -> " : "new ")
                + c.toVersion() + " from " + c.source()));
        if (!plan.refreshes().isEmpty()) {
            progress.accept("plan refreshes " + String.join(", ", plan.refreshes()));
        }
        Path folder = stagingFolder();
        try {
            List<IndexResource> resources = new ArrayList<>();
            for (BundleChange c : all) {
                IndexResource r = resource(indexes, c);
                resources.add(r);
                download.fetch(c.symbolicName(), r.url(), r.size(), folder.resolve(c.symbolicName() + ".jar"), progress);
            }
            List<Activation.Step> steps = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                BundleChange c = all.get(i);
                IndexResource r = resources.get(i);
                Path jar = folder.resolve(c.symbolicName() + ".jar");
                String name = c.symbolicName() + " " + c.toVersion();
                String sha = ContentCheck.verify(name, jar, r.sha256());
                String signer = JarTrust.check(name, c.source(), jar, keys(c.source()));
                progress.accept("verifying " + c.symbolicName() + ": SHA-256 " + sha + " matches the index"
                        + (signer.isEmpty() ? "" : "; signed by pinned key " + Fingerprints.withColons(signer)));
                Bundle from = c.isUpdate() ? named(c.symbolicName()).stream()
                        .filter(b -> b.getVersion().toString().equals(c.fromVersion())).findFirst().orElse(null) : null;
                if (c.isUpdate() && from == null) {
                    throw new WsaException(WsaError.WSAEINVAL, c.symbolicName() + " " + c.fromVersion()
                            + " was uninstalled while planning its update");
                }
                steps.add(new Activation.Step(c.symbolicName(), from, c.fromVersion(), c.toVersion(), jar));
            }
            activation.apply(steps, progress);
            for (Activation.Step s : steps) {
                kept.keep(s.symbolicName(), s.to(), s.jar());
            }
            return steps.stream().map(Activation.Step::change).toList();
        } finally {
            delete(folder);
        }
    }

    /**
     * Uninstalls a bundle, as {@link ws2.market.Marketplace#uninstall}.
     *
     * @param symbolicName the bundle
     * @return the journal entry
     * @throws WsaException as the marketplace's method
     */
    public synchronized HistoryEntry uninstall(String symbolicName) throws WsaException {
        return journaled("uninstall", symbolicName, () -> {
            List<Bundle> present = named(symbolicName);
            if (present.isEmpty()) {
                throw new WsaException(WsaError.WSAEINVAL, symbolicName + " is not installed");
            }
            Bundle b = present.get(0);
            if (b.getBundleId() == 0 || b.equals(context.getBundle())) {
                throw new WsaException(WsaError.WSAEINVAL, symbolicName + " is the framework or the marketplace itself;"
                        + " the marketplace does not uninstall it");
            }
            Set<String> dependents = wiredTo(List.of(b));
            if (!dependents.isEmpty()) {
                throw new WsaException(WsaError.WSAEINVAL, symbolicName + " cannot be uninstalled: installed bundles are"
                        + " wired to it: " + dependents);
            }
            Activation.Step step = new Activation.Step(symbolicName, b, b.getVersion().toString(), "", null);
            activation.apply(List.of(step), line -> { });
            return List.of(step.change());
        });
    }

    /**
     * Installs or updates the bundle of a jar dropped in the deploy folder: copies it to staging,
     * records its SHA-256 in the journal entry's subject (a dropped jar has no index hash to match),
     * checks its signature when keys are pinned, and applies it all or nothing with the health
     * check. Journaled as {@code deploy} when the bundle is new, {@code update} when it replaces
     * an installed version; refusals are journaled too.
     *
     * @param file the dropped jar
     * @param keys the pinned publisher fingerprints; empty to accept unsigned jars
     * @param progress receives the progress lines
     * @return the journal entry
     * @throws WsaException {@code WSAEACCES} if keys are pinned and the jar is not signed by one of
     *         them; {@code WSAEINVAL} if it is not a bundle jar or has the installed version with
     *         other content; {@code WSANO_RECOVERY} if it cannot be staged; {@code WSAEPROVIDERFAILEDINIT}
     *         if it fails to start or to pass the health check (everything put back)
     */
    public synchronized HistoryEntry deploy(Path file, List<String> keys, Consumer<String> progress) throws WsaException {
        Path folder;
        try {
            folder = stagingFolder();
        } catch (WsaException e) {
            return journaled("deploy", file.toString(), () -> {
                throw e;
            });
        }
        try {
            Path jar = folder.resolve("deployed.jar");
            String sha;
            try {
                Files.copy(file, jar);
                sha = ContentCheck.sha256(jar);
            } catch (IOException e) {
                return journaled("deploy", file.toString(), () -> {
                    throw new WsaException(WsaError.WSANO_RECOVERY, "the dropped jar " + file + " cannot be staged: " + e, e);
                });
            }
            DeployedJar identity;
            try {
                identity = DeployedJar.read(jar);
            } catch (WsaException e) {
                return journaled("deploy", file + " SHA-256 " + sha, () -> {
                    throw e;
                });
            }
            Bundle present = named(identity.symbolicName()).stream().findFirst().orElse(null);
            HistoryEntry entry = journaled(present == null ? "deploy" : "update", file + " SHA-256 " + sha,
                    () -> doDeploy(identity, present, jar, sha, keys, progress));
            deployed.put(file.toAbsolutePath(), identity.symbolicName());
            return entry;
        } finally {
            delete(folder);
        }
    }

    private List<Change> doDeploy(DeployedJar identity, Bundle present, Path jar, String sha, List<String> keys,
            Consumer<String> progress) throws WsaException {
        String name = identity.toString();
        String signer = JarTrust.check(name, "the deploy folder", jar, keys);
        progress.accept("verifying " + identity.symbolicName() + ": SHA-256 " + sha
                + (signer.isEmpty() ? "" : "; signed by pinned key " + Fingerprints.withColons(signer)));
        String version = identity.version().toString();
        String from = present == null ? "" : present.getVersion().toString();
        if (from.equals(version)) {
            Path same = kept.path(identity.symbolicName(), version);
            try {
                if (Files.isRegularFile(same) && ContentCheck.sha256(same).equals(sha)) {
                    progress.accept(name + " is already installed from this jar");
                    return List.of();
                }
            } catch (IOException e) {
                LOG.warn("The kept jar {} cannot be read: {}", same, e.toString());
            }
            throw new WsaException(WsaError.WSAEINVAL, name + " is already installed with other content; a dropped jar"
                    + " replaces it only with another version");
        }
        if (identity.symbolicName().equals(context.getBundle().getSymbolicName())) {
            throw new WsaException(WsaError.WSAEINVAL, "the dropped jar would replace the marketplace itself ("
                    + identity.symbolicName() + "); update it by hand");
        }
        Activation.Step step = new Activation.Step(identity.symbolicName(), present, from, version, jar);
        activation.apply(List.of(step), progress);
        kept.keep(identity.symbolicName(), version, jar);
        return List.of(step.change());
    }

    /**
     * Uninstalls the bundle a deploy-folder jar installed, as {@link #uninstall}, once the jar is deleted.
     *
     * @param file the deleted jar
     * @return the journal entry, or null if no bundle was deployed from it (say, its deploy was refused)
     * @throws WsaException as {@link #uninstall}
     */
    public synchronized HistoryEntry undeploy(Path file) throws WsaException {
        String symbolicName = deployed.remove(file.toAbsolutePath());
        if (symbolicName == null || named(symbolicName).isEmpty()) {
            LOG.info("Marketplace: {} was deleted from the deploy folder; no bundle deployed from it is installed", file);
            return null;
        }
        return uninstall(symbolicName);
    }

    /**
     * Rolls back to the state before a journal entry, as {@link ws2.market.Marketplace#rollback}.
     *
     * @param entry the entry's number
     * @param progress receives the progress lines
     * @return the journal entry of the rollback
     * @throws WsaException as the marketplace's method
     */
    public synchronized HistoryEntry rollback(int entry, Consumer<String> progress) throws WsaException {
        return journaled("rollback", "entry " + entry, () -> {
            Map<String, String> target = Journal.before(journal.read(), entry);
            List<Activation.Step> steps = new ArrayList<>();
            List<Bundle> removing = new ArrayList<>();
            for (Map.Entry<String, String> t : target.entrySet()) {
                String name = t.getKey();
                String version = t.getValue();
                Bundle now = named(name).stream().findFirst().orElse(null);
                String current = now == null ? "" : now.getVersion().toString();
                if (current.equals(version)) {
                    continue;
                }
                Path jar = null;
                if (!version.isEmpty()) {
                    jar = kept.path(name, version);
                    if (!Files.isRegularFile(jar)) {
                        throw new WsaException(WsaError.WSANO_RECOVERY, "the jar of " + name + " " + version
                                + " was not kept (" + jar + "), so it cannot be put back");
                    }
                } else {
                    removing.add(now);
                }
                steps.add(new Activation.Step(name, now, current, version, jar));
            }
            if (steps.isEmpty()) {
                throw new WsaException(WsaError.WSAEINVAL, "nothing to roll back: the bundles changed since entry "
                        + entry + " are as they were before it");
            }
            Set<String> dependents = wiredTo(removing);
            if (!dependents.isEmpty()) {
                throw new WsaException(WsaError.WSAEINVAL, "the rollback would uninstall "
                        + removing.stream().map(Bundle::getSymbolicName).toList() + ", but installed bundles are wired to them: "
                        + dependents);
            }
            steps.forEach(s -> progress.accept("rollback " + s.change()));
            activation.apply(steps, progress);
            return steps.stream().map(Activation.Step::change).toList();
        });
    }

    /** The bundles, other than those given, wired to any of them. */
    private static Set<String> wiredTo(List<Bundle> bundles) {
        Set<String> out = new TreeSet<>();
        for (Bundle b : bundles) {
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            for (BundleWire wire : w.getProvidedWires(null)) {
                Bundle requirer = wire.getRequirer().getBundle();
                if (!bundles.contains(requirer)) {
                    out.add(requirer.getSymbolicName());
                }
            }
        }
        return out;
    }

    private List<Bundle> named(String symbolicName) {
        return Stream.of(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).toList();
    }

    private List<String> keys(String source) {
        return sources.sources().stream().filter(s -> s.url().equals(source)).findFirst().map(Source::keys)
                .orElse(List.of());
    }

    private static IndexResource resource(List<RepositoryIndex> indexes, BundleChange c) throws WsaException {
        return indexes.stream().filter(i -> i.url().equals(c.source())).flatMap(i -> i.resources().stream())
                .filter(r -> r.symbolicName().equals(c.symbolicName()) && r.version().toString().equals(c.toVersion()))
                .findFirst().orElseThrow(() -> new WsaException(WsaError.WSASERVICE_NOT_FOUND, "source " + c.source()
                        + " no longer offers " + c.symbolicName() + " " + c.toVersion()));
    }

    private Path stagingFolder() throws WsaException {
        try {
            Files.createDirectories(staging);
            return Files.createTempDirectory(staging, "install");
        } catch (IOException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the staging folder " + staging + " cannot be made: " + e, e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("The staging folder {} cannot be deleted: {}", folder, e.toString());
        }
    }
}
