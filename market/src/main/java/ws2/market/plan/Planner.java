package ws2.market.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.osgi.resource.Capability;
import org.osgi.resource.Resource;
import org.osgi.resource.Wire;
import org.osgi.service.resolver.ResolutionException;
import org.osgi.service.resolver.Resolver;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProviderNamespaces;
import ws2.market.BundleChange;
import ws2.market.Plan;
import ws2.market.index.IndexResource;
import ws2.market.index.RepositoryIndex;
import ws2.market.index.ResourceIdentity;

/**
 * Makes {@link Plan}s: picks the newest offered version of a bundle, resolves it with the OSGi
 * resolver against the installed bundles and the offers, and describes what would change.
 */
public final class Planner {
    private static final Comparator<IndexResource> NEWEST_FIRST = Comparator.comparing(IndexResource::version,
            Comparator.reverseOrder());

    private final Installed installed;
    private final Resolver resolver;
    private final ToIntFunction<UUID> openSockets;

    /**
     * Creates a planner.
     *
     * @param installed the installed bundles
     * @param resolver the OSGi resolver
     * @param openSockets how many sockets are open through a provider GUID now
     */
    public Planner(Installed installed, Resolver resolver, ToIntFunction<UUID> openSockets) {
        this.installed = Objects.requireNonNull(installed, "installed");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.openSockets = Objects.requireNonNull(openSockets, "openSockets");
    }

    /**
     * Plans the install of a bundle.
     *
     * @param symbolicName the bundle
     * @param indexes the sources' indexes, in source order
     * @return the plan
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} if no index offers it; {@code WSANO_RECOVERY}
     *         if it cannot be resolved
     */
    public Plan plan(String symbolicName, List<RepositoryIndex> indexes) throws WsaException {
        List<Resource> present = installed.resources();
        List<IndexResource> offered = new ArrayList<>();
        indexes.forEach(i -> i.resources().stream().filter(r -> !isInstalled(r, present)).forEach(offered::add));
        offered.sort(NEWEST_FIRST); // stable: among equal versions, the first source wins
        IndexResource target = newest(symbolicName, indexes);
        if (isInstalled(target, present)) {
            return new Plan(symbolicName, List.of(), List.of(), List.of(), Declarations.of(List.of(target), present), 0);
        }
        Map<Resource, List<Wire>> resolution = resolve(target, present, offered);
        Set<Resource> old = Collections.newSetFromMap(new IdentityHashMap<>());
        old.addAll(present);
        List<IndexResource> pulledIn = new ArrayList<>();
        for (Resource r : resolution.keySet()) {
            if (r != target && !old.contains(r) && r instanceof IndexResource ir) {
                pulledIn.add(ir);
            }
        }
        pulledIn.sort(Comparator.comparing(IndexResource::symbolicName));
        List<IndexResource> planned = new ArrayList<>(List.of(target));
        planned.addAll(pulledIn);
        List<BundleChange> changes = planned.stream().map(r -> change(r, present)).toList();
        List<String> updated = changes.stream().filter(BundleChange::isUpdate).map(BundleChange::symbolicName).toList();
        return new Plan(symbolicName, changes.subList(0, 1), changes.subList(1, changes.size()),
                installed.refreshedBy(updated), Declarations.of(planned, present), openSockets(updated, present));
    }

    /** The sockets open through the providers the updated bundles declare now, each GUID counted once. */
    private int openSockets(List<String> updated, List<Resource> present) {
        Set<UUID> ids = new HashSet<>();
        for (Resource r : present) {
            if (!updated.contains(ResourceIdentity.name(r))) {
                continue;
            }
            for (String ns : List.of(ProviderNamespaces.TRANSPORT_NAMESPACE, ProviderNamespaces.LAYERED_NAMESPACE,
                    ProviderNamespaces.NAMESPACE_NAMESPACE)) {
                for (Capability c : r.getCapabilities(ns)) {
                    try {
                        ids.add(UUID.fromString(String.valueOf(c.getAttributes().get(ns))));
                    } catch (IllegalArgumentException e) {
                        // not a GUID: ws2.core refuses such a declaration, so nothing runs on it
                    }
                }
            }
        }
        return ids.stream().mapToInt(openSockets).sum();
    }

    private static IndexResource newest(String symbolicName, List<RepositoryIndex> indexes) throws WsaException {
        return indexes.stream().flatMap(i -> i.resources().stream()).filter(r -> r.symbolicName().equals(symbolicName))
                .sorted(NEWEST_FIRST).findFirst()
                .orElseThrow(() -> new WsaException(WsaError.WSASERVICE_NOT_FOUND, "no marketplace source offers "
                        + symbolicName + " (" + indexes.size() + " sources searched)"));
    }

    private Map<Resource, List<Wire>> resolve(IndexResource target, List<Resource> present, List<IndexResource> offered)
            throws WsaException {
        try {
            return resolver.resolve(new MarketResolveContext(target, present, installed.wirings(), offered));
        } catch (ResolutionException e) {
            List<Resource> all = new ArrayList<>(present);
            all.addAll(offered);
            throw new WsaException(WsaError.WSANO_RECOVERY, target + " from " + target.source()
                    + " cannot be resolved: " + Unresolved.explain(e, all), e);
        }
    }

    private static boolean isInstalled(IndexResource r, List<Resource> present) {
        return present.stream().anyMatch(p -> ResourceIdentity.name(p).equals(r.symbolicName())
                && ResourceIdentity.version(p).equals(r.version()));
    }

    private static BundleChange change(IndexResource r, List<Resource> present) {
        String from = present.stream().filter(p -> ResourceIdentity.name(p).equals(r.symbolicName()))
                .map(p -> ResourceIdentity.version(p).toString()).findFirst().orElse("");
        return new BundleChange(r.symbolicName(), from, r.version().toString(), r.source());
    }
}
