package ws2.core.catalog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProtocolChain;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.catalog.ProviderInfoType;
import ws2.catalog.ServiceFlags;

/**
 * A working copy of the catalog on which one change is made: every {@code WSC*} rule lives here.
 *
 * <p>Made from a {@link CatalogData}, changed by one or more operations, then frozen with
 * {@link #toData()}. An operation that throws may leave the copy half-changed; the caller discards
 * it, so a failed {@code WSC*} call changes nothing. Not thread-safe: one change at a time.
 */
public final class CatalogEditor {
    private final Map<CatalogView, List<StoredEntry>> entries = new LinkedHashMap<>();
    private final Map<CatalogView, Map<UUID, Integer>> lspCategories = new LinkedHashMap<>();
    private final Map<CatalogView, List<NamespaceInfo>> namespaces = new LinkedHashMap<>();
    private final Map<String, Integer> ids;
    private final Map<String, Integer> appCategories;
    private final Map<UUID, LayerSpec> layers;
    private int nextId;

    /**
     * Starts a working copy.
     *
     * @param data the current catalog
     */
    public CatalogEditor(CatalogData data) {
        for (CatalogView v : CatalogView.values()) {
            entries.put(v, new ArrayList<>(data.view(v).entries()));
            lspCategories.put(v, new HashMap<>(data.view(v).lspCategories()));
            namespaces.put(v, new ArrayList<>(data.view(v).namespaces()));
        }
        ids = new HashMap<>(data.ids());
        appCategories = new HashMap<>(data.appCategories());
        layers = new HashMap<>(data.layers());
        nextId = data.nextId();
    }

    /**
     * Freezes the working copy.
     *
     * @return the changed catalog
     */
    public CatalogData toData() {
        return new CatalogData(view(CatalogView.NATIVE), view(CatalogView.COMPAT32), ids, nextId, appCategories, layers);
    }

    private ViewData view(CatalogView v) {
        return new ViewData(entries.get(v), lspCategories.get(v), namespaces.get(v));
    }

    /**
     * {@code WSCInstallProvider}: appends a provider's entries.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @param path the provider path
     * @param protocols the entries
     * @throws WsaException {@code WSANO_RECOVERY} if the GUID is installed, {@code WSAEINVAL} for an
     *         empty list, a duplicate entry or a chain naming an unknown entry
     */
    public void installProvider(CatalogView view, UUID providerId, String path, List<ProtocolInfo> protocols)
            throws WsaException {
        requireNotInstalled(view, providerId);
        if (protocols == null || protocols.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSCInstallProvider needs at least one protocol entry");
        }
        entries.get(view).addAll(prepare(view, providerId, path, protocols));
    }

    /**
     * {@code WSCInstallProviderAndChains}: installs a layered provider's own entry and a chain over
     * each target, the chains first in the catalog.
     *
     * @param view the catalog
     * @param providerId the layer's GUID
     * @param path its path
     * @param lspName its name
     * @param serviceFlags service flags of its own entry
     * @param targets triples to layer over, or null for every base protocol
     * @return the ID of the layer's own entry
     * @throws WsaException {@code WSAEINVAL} (GUID or name installed, bad name, a target matches
     *         nothing), {@code WSANO_RECOVERY} (a chain would be too long, nothing to layer over)
     */
    public int installProviderAndChains(CatalogView view, UUID providerId, String path, String lspName,
            int serviceFlags, List<ProtocolInfo> targets) throws WsaException {
        List<StoredEntry> list = entries.get(view);
        if (lspName == null || lspName.isEmpty() || lspName.length() > ProtocolInfo.WSAPROTOCOL_LEN) {
            throw new WsaException(WsaError.WSAEINVAL, "LSP name must have 1.." + ProtocolInfo.WSAPROTOCOL_LEN
                    + " characters: " + lspName);
        }
        for (StoredEntry e : list) {
            if (e.info().providerId().equals(providerId) || e.info().protocolName().equals(lspName)) {
                throw new WsaException(WsaError.WSAEINVAL, "provider " + providerId + " or name '" + lspName
                        + "' is already in the " + name(view) + " catalog (entry " + e.id() + ")");
            }
        }
        if (targets != null && targets.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, "the target list is empty; pass null to layer over every base protocol");
        }
        List<StoredEntry> over = targets == null ? distinctBaseEntries(list) : topMostMatches(view, list, targets);
        if (over.isEmpty()) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the " + name(view) + " catalog has no base protocol to layer over");
        }
        ProtocolInfo layered = ProtocolInfo.builder()
                .providerId(providerId)
                .serviceFlags1(serviceFlags)
                .providerFlags(ProviderFlags.PFL_HIDDEN)
                .protocolChain(ProtocolChain.LAYERED)
                .protocolName(lspName)
                .build();
        int layeredId = idFor(layered);
        List<StoredEntry> chains = new ArrayList<>();
        for (StoredEntry target : over) {
            int[] chainIds = chainOver(layeredId, target);
            String chainName = lspName + " over [" + target.info().protocolName() + "]";
            ProtocolInfo chain = target.info().toBuilder()
                    .providerId(providerId)
                    .catalogEntryId(0)
                    .protocolChain(ProtocolChain.of(chainIds))
                    .protocolName(chainName.length() > ProtocolInfo.WSAPROTOCOL_LEN
                            ? chainName.substring(0, ProtocolInfo.WSAPROTOCOL_LEN) : chainName)
                    .build();
            chains.add(new StoredEntry(chain.withCatalogEntryId(idFor(chain)), path));
        }
        list.addAll(0, chains);
        list.add(new StoredEntry(layered.withCatalogEntryId(layeredId), path));
        return layeredId;
    }

    private static int[] chainOver(int layeredId, StoredEntry target) throws WsaException {
        ProtocolChain below = target.info().protocolChain();
        int[] lower = below.isBase() ? new int[] {target.id()} : below.entries();
        if (lower.length + 1 > ProtocolChain.MAX_PROTOCOL_CHAIN) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "layering over entry " + target.id() + " ("
                    + target.info().protocolName() + ") would make a chain of " + (lower.length + 1)
                    + " entries; at most " + ProtocolChain.MAX_PROTOCOL_CHAIN + " are allowed");
        }
        int[] ids = new int[lower.length + 1];
        ids[0] = layeredId;
        System.arraycopy(lower, 0, ids, 1, lower.length);
        return ids;
    }

    private static List<StoredEntry> distinctBaseEntries(List<StoredEntry> list) {
        Set<String> triples = new HashSet<>();
        List<StoredEntry> out = new ArrayList<>();
        for (StoredEntry e : list) {
            if (e.info().protocolChain().isBase() && triples.add(triple(e.info()))) {
                out.add(e);
            }
        }
        return out;
    }

    private static List<StoredEntry> topMostMatches(CatalogView view, List<StoredEntry> list, List<ProtocolInfo> targets)
            throws WsaException {
        Set<String> seen = new HashSet<>();
        List<StoredEntry> out = new ArrayList<>();
        for (ProtocolInfo t : targets) {
            if (!seen.add(triple(t))) {
                continue;
            }
            StoredEntry match = null;
            for (StoredEntry e : list) {
                if (!e.info().protocolChain().isLayered() && triple(e.info()).equals(triple(t))) {
                    match = e;
                    break;
                }
            }
            if (match == null) {
                throw new WsaException(WsaError.WSAEINVAL, "no entry of the " + name(view) + " catalog matches "
                        + triple(t) + " (family/type/protocol)");
            }
            out.add(match);
        }
        return out;
    }

    private static String triple(ProtocolInfo i) {
        return i.addressFamily() + "/" + i.socketType() + "/" + i.protocol();
    }

    /**
     * {@code WSCDeinstallProvider}: removes every entry of a provider, and its categories.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @throws WsaException {@code WSAEINVAL} if it has no entry
     */
    public void deinstallProvider(CatalogView view, UUID providerId) throws WsaException {
        requireInstalled(view, providerId);
        entries.get(view).removeIf(e -> e.info().providerId().equals(providerId));
        lspCategories.get(view).remove(providerId);
        LayerSpec layer = layers.get(providerId);
        if (layer != null) {
            layers.put(providerId, layer.without(view));
        }
    }

    /**
     * {@code WSCUpdateProvider}: replaces a provider's path and entries; entries with the same key
     * keep their ID and position, new ones are appended, missing ones removed.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @param path the new path
     * @param protocols the new entries
     * @throws WsaException {@code WSAEINVAL} if not installed, the list is empty or invalid
     */
    public void updateProvider(CatalogView view, UUID providerId, String path, List<ProtocolInfo> protocols)
            throws WsaException {
        requireInstalled(view, providerId);
        if (protocols == null || protocols.isEmpty()) {
            throw new WsaException(WsaError.WSAEINVAL, "WSCUpdateProvider needs at least one protocol entry");
        }
        replace(view, providerId, prepare(view, providerId, path, protocols));
    }

    /**
     * Makes a provider's entries equal to what its bundle declares: like {@link #updateProvider},
     * but installs a provider not yet present and removes all entries for an empty declaration.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @param path the bundle location
     * @param protocols the declared entries, possibly none for this view
     * @throws WsaException {@code WSAEINVAL} for a duplicate entry
     */
    public void syncDeclared(CatalogView view, UUID providerId, String path, List<ProtocolInfo> protocols)
            throws WsaException {
        replace(view, providerId, prepare(view, providerId, path, protocols));
    }

    private void replace(CatalogView view, UUID providerId, List<StoredEntry> wanted) {
        Map<Integer, StoredEntry> byId = new LinkedHashMap<>();
        for (StoredEntry e : wanted) {
            byId.put(e.id(), e);
        }
        List<StoredEntry> list = entries.get(view);
        List<StoredEntry> out = new ArrayList<>(list.size() + wanted.size());
        for (StoredEntry e : list) {
            if (!e.info().providerId().equals(providerId)) {
                out.add(e);
            } else {
                StoredEntry kept = byId.remove(e.id());
                if (kept != null) {
                    out.add(kept);
                }
            }
        }
        out.addAll(byId.values());
        list.clear();
        list.addAll(out);
    }

    /**
     * {@code WSCWriteProviderOrder}: reorders the catalog.
     *
     * @param view the catalog
     * @param order every ID exactly once
     * @throws WsaException {@code WSAEINVAL} if an ID is unknown, missing or repeated
     */
    public void writeProviderOrder(CatalogView view, int[] order) throws WsaException {
        List<StoredEntry> list = entries.get(view);
        Objects.requireNonNull(order, "order");
        if (order.length != list.size()) {
            throw new WsaException(WsaError.WSAEINVAL, "the order names " + order.length + " entries but the "
                    + name(view) + " catalog has " + list.size() + "; no action was taken");
        }
        Map<Integer, StoredEntry> byId = new HashMap<>();
        for (StoredEntry e : list) {
            byId.put(e.id(), e);
        }
        List<StoredEntry> out = new ArrayList<>(list.size());
        for (int id : order) {
            StoredEntry e = byId.remove(id);
            if (e == null) {
                throw new WsaException(WsaError.WSAEINVAL, "catalog entry ID " + id
                        + " is unknown or listed twice; no action was taken");
            }
            out.add(e);
        }
        list.clear();
        list.addAll(out);
    }

    /**
     * {@code WSCSetProviderInfo}.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @param type the information type
     * @param value the LSP categories
     * @throws WsaException {@code ERROR_CALL_NOT_IMPLEMENTED} for audit, {@code WSAEINVAL} if not installed
     */
    public void setProviderInfo(CatalogView view, UUID providerId, ProviderInfoType type, int value)
            throws WsaException {
        if (type != ProviderInfoType.LSP_CATEGORIES) {
            throw new WsaException(WsaError.ERROR_CALL_NOT_IMPLEMENTED, "ProviderInfoAudit is not used");
        }
        requireInstalled(view, providerId);
        lspCategories.get(view).put(providerId, value);
    }

    /**
     * {@code WSCSetApplicationCategory}: ORs categories into an application's permitted set.
     *
     * @param path the application identity
     * @param extra further identity, may be empty
     * @param categories categories to permit
     * @return the categories permitted before, 0 if none
     * @throws WsaException {@code WSAEINVAL} for an empty path or a NUL in path or extra
     */
    public int setApplicationCategory(String path, String extra, int categories) throws WsaException {
        if (path == null || path.isEmpty() || path.indexOf('\0') >= 0 || extra != null && extra.indexOf('\0') >= 0) {
            throw new WsaException(WsaError.WSAEINVAL, "an application path must be non-empty and free of NUL: " + path);
        }
        String key = CatalogKeys.appKey(path, extra);
        Integer previous = appCategories.get(key);
        appCategories.put(key, (previous == null ? 0 : previous) | categories);
        return previous == null ? 0 : previous;
    }

    /**
     * Empties both views and forgets provider info and application categories; the ID map stays,
     * so entries installed again get their old IDs.
     */
    public void clear() {
        for (CatalogView v : CatalogView.values()) {
            entries.get(v).clear();
            lspCategories.get(v).clear();
            namespaces.get(v).clear();
        }
        appCategories.clear();
        layers.clear();
    }

    /**
     * Declares a layer (or declares it again, changed): checked against every base entry, then its
     * categories are set as declared. Its entries and chains are made by {@link #syncLayers}.
     *
     * @param spec the layer
     * @throws WsaException {@code WSANO_RECOVERY} if a chain would exceed seven entries,
     *         {@code WSAEINVALIDPROVIDER} for a cycle or a broken above/below constraint; the
     *         catalog is then unchanged
     */
    public void putLayer(LayerSpec spec) throws WsaException {
        Map<UUID, LayerSpec> next = new HashMap<>(layers);
        next.put(spec.id(), spec);
        for (CatalogView v : CatalogView.values()) {
            ChainPlanner.check(bases(v), layersOf(next, v), spec.id());
        }
        layers.put(spec.id(), spec);
        for (CatalogView v : spec.views()) {
            lspCategories.get(v).put(spec.id(), spec.categories());
        }
    }

    /**
     * Returns the declared layers.
     *
     * @return layers by GUID
     */
    public Map<UUID, LayerSpec> layers() {
        return Map.copyOf(layers);
    }

    private List<ProtocolInfo> bases(CatalogView view) {
        List<ProtocolInfo> out = new ArrayList<>();
        for (StoredEntry e : entries.get(view)) {
            if (e.info().protocolChain().isBase()) {
                out.add(e.info());
            }
        }
        return out;
    }

    private static List<LayerSpec> layersOf(Map<UUID, LayerSpec> all, CatalogView view) {
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec l : all.values()) {
            if (l.views().contains(view)) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * Makes the entries of declared layers match the layers and the base entries: one hidden
     * layered entry per layer, and over each base entry that layers go over one chain entry holding
     * all of them, top first. Chains that stay keep their ID and position; a new chain goes just
     * ahead of its base entry; the hidden layered entries sit at the end, top first, so the catalog
     * does not depend on the order layers arrived in. Runs after every catalog change.
     *
     * @throws WsaException {@code WSANO_RECOVERY} if a base entry would get a chain longer than
     *         seven entries (a new base matched by too many layers); the change is then refused
     */
    public void syncLayers() throws WsaException {
        for (CatalogView v : CatalogView.values()) {
            List<LayerSpec> present = layersOf(layers, v);
            if (present.isEmpty() && layers.isEmpty()) {
                continue;
            }
            ChainPlanner.check(bases(v), present, null);
            syncLayers(v, present);
        }
    }

    private void syncLayers(CatalogView view, List<LayerSpec> present) {
        Map<UUID, Integer> layeredIds = new HashMap<>();
        Map<Integer, StoredEntry> wanted = new LinkedHashMap<>();
        Map<Integer, Integer> ahead = new HashMap<>();
        for (LayerSpec l : present) {
            ProtocolInfo layered = ProtocolInfo.builder()
                    .providerId(l.id())
                    .providerFlags(ProviderFlags.PFL_HIDDEN | (l.failClosed() ? ProviderFlags.PFL_FAIL_CLOSED : 0))
                    .protocolChain(ProtocolChain.LAYERED)
                    .protocolName(l.name())
                    .build();
            int id = idFor(layered);
            layeredIds.put(l.id(), id);
            wanted.put(id, new StoredEntry(layered.withCatalogEntryId(id), l.path()));
        }
        for (StoredEntry base : entries.get(view)) {
            if (!base.info().protocolChain().isBase()) {
                continue;
            }
            List<LayerSpec> stack = ChainPlanner.stackOver(base.info(), present);
            if (stack.isEmpty()) {
                continue;
            }
            int[] members = new int[stack.size() + 1];
            for (int i = 0; i < stack.size(); i++) {
                members[i] = layeredIds.get(stack.get(i).id());
            }
            members[stack.size()] = base.id();
            ProtocolInfo chain = base.info().toBuilder()
                    .providerId(stack.get(0).id())
                    .catalogEntryId(0)
                    .serviceFlags1(base.info().serviceFlags1() & ~ServiceFlags.XP1_IFS_HANDLES)
                    .protocolChain(ProtocolChain.of(members))
                    .protocolName(ChainPlanner.chainName(stack, base.info().protocolName()))
                    .build();
            int id = idFor(chain);
            wanted.put(id, new StoredEntry(chain.withCatalogEntryId(id), stack.get(0).path()));
            ahead.put(id, base.id());
        }
        List<StoredEntry> list = entries.get(view);
        List<StoredEntry> out = new ArrayList<>(list.size() + wanted.size());
        for (StoredEntry e : list) {
            if (!layers.containsKey(e.info().providerId()) || e.info().protocolChain().isBase()) {
                out.add(e);
            } else if (e.info().protocolChain().isChain()) {
                StoredEntry kept = wanted.remove(e.id());
                if (kept != null) {
                    out.add(kept);
                }
            }
        }
        present.sort(ChainPlanner.TOP_FIRST);
        for (LayerSpec l : present) {
            out.add(wanted.remove(layeredIds.get(l.id())));
        }
        for (StoredEntry e : wanted.values()) {
            Integer before = ahead.get(e.id());
            int at = before == null ? -1 : indexOf(out, before);
            if (at < 0) {
                out.add(e);
            } else {
                out.add(at, e);
            }
        }
        list.clear();
        list.addAll(out);
    }

    private static int indexOf(List<StoredEntry> list, int id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    private List<StoredEntry> prepare(CatalogView view, UUID providerId, String path, List<ProtocolInfo> protocols)
            throws WsaException {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(path, "path");
        List<StoredEntry> out = new ArrayList<>(protocols.size());
        Set<String> keys = new HashSet<>();
        for (ProtocolInfo p : protocols) {
            ProtocolInfo info = p.toBuilder().providerId(providerId).catalogEntryId(0).build();
            requireKnownChain(view, info);
            String key = CatalogKeys.key(info);
            if (!keys.add(key)) {
                throw new WsaException(WsaError.WSAEINVAL, "two entries of provider " + providerId
                        + " have the same family, type, protocol and chain: " + info.protocolName());
            }
            out.add(new StoredEntry(info.withCatalogEntryId(idFor(info)), path));
        }
        return out;
    }

    private void requireKnownChain(CatalogView view, ProtocolInfo info) throws WsaException {
        if (!info.protocolChain().isChain()) {
            return;
        }
        for (int id : info.protocolChain().entries()) {
            if (entries.get(view).stream().noneMatch(e -> e.id() == id)) {
                throw new WsaException(WsaError.WSAEINVAL, "the chain of '" + info.protocolName()
                        + "' names catalog entry " + id + ", which the " + name(view) + " catalog does not have");
            }
        }
    }

    private int idFor(ProtocolInfo info) {
        return ids.computeIfAbsent(CatalogKeys.key(info), k -> nextId++);
    }

    private void requireInstalled(CatalogView view, UUID providerId) throws WsaException {
        if (!hasProvider(view, providerId)) {
            throw new WsaException(WsaError.WSAEINVAL, "provider " + providerId + " is not installed in the "
                    + name(view) + " catalog");
        }
    }

    private void requireNotInstalled(CatalogView view, UUID providerId) throws WsaException {
        if (hasProvider(view, providerId)) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "provider " + providerId + " is already installed in the "
                    + name(view) + " catalog; use WSCUpdateProvider to change it");
        }
    }

    private boolean hasProvider(CatalogView view, UUID providerId) {
        return ViewData.hasProvider(entries.get(view), providerId);
    }

    // ---- namespace catalog ------------------------------------------------------------------

    /**
     * {@code WSCInstallNameSpace(Ex)}: appends an active entry.
     *
     * @param view the catalog
     * @param info the entry
     * @throws WsaException {@code WSANO_RECOVERY} if the GUID is installed; {@code WSAEINVAL} for an
     *         identifier of 0 or more than 255 characters, namespace {@code NS_ALL} or below, a
     *         version other than 1 or 2
     */
    public void installNameSpace(CatalogView view, NamespaceInfo info) throws WsaException {
        requireValid(info);
        if (namespace(view, info.providerId()) >= 0) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "namespace provider " + info.providerId()
                    + " is already installed in the " + name(view) + " namespace catalog");
        }
        namespaces.get(view).add(info);
    }

    /**
     * Makes a bundle-declared namespace entry match its declaration, keeping its position and
     * active state when it is already installed.
     *
     * @param view the catalog
     * @param info the declared entry
     * @throws WsaException {@code WSAEINVAL} for an invalid entry
     */
    public void syncDeclaredNameSpace(CatalogView view, NamespaceInfo info) throws WsaException {
        requireValid(info);
        List<NamespaceInfo> list = namespaces.get(view);
        int i = namespace(view, info.providerId());
        if (i < 0) {
            list.add(info);
        } else {
            list.set(i, info.withActive(list.get(i).active()));
        }
    }

    private static void requireValid(NamespaceInfo info) throws WsaException {
        if (info.identifier().isEmpty() || info.identifier().length() > ProtocolInfo.WSAPROTOCOL_LEN) {
            throw new WsaException(WsaError.WSAEINVAL, "a namespace provider identifier must have 1.."
                    + ProtocolInfo.WSAPROTOCOL_LEN + " characters: '" + info.identifier() + "'");
        }
        if (info.nameSpace() <= 0) {
            throw new WsaException(WsaError.WSAEINVAL, "a namespace provider serves one namespace above NS_ALL, not "
                    + info.nameSpace());
        }
        if (info.version() != 1 && info.version() != 2) {
            throw new WsaException(WsaError.WSAEINVAL, "a namespace provider is version 1 (NSP) or 2 (NSPv2), not "
                    + info.version());
        }
    }

    /**
     * {@code WSCUnInstallNameSpace}.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @throws WsaException {@code WSAEINVAL} if it is not installed
     */
    public void unInstallNameSpace(CatalogView view, UUID providerId) throws WsaException {
        namespaces.get(view).remove(requireNameSpace(view, providerId));
    }

    /**
     * {@code WSCEnableNSProvider}.
     *
     * @param view the catalog
     * @param providerId the GUID
     * @param enable the new state
     * @throws WsaException {@code WSAEINVAL} if it is not installed
     */
    public void enableNSProvider(CatalogView view, UUID providerId, boolean enable) throws WsaException {
        int i = requireNameSpace(view, providerId);
        namespaces.get(view).set(i, namespaces.get(view).get(i).withActive(enable));
    }

    /**
     * {@code WSCWriteNameSpaceOrder}.
     *
     * @param view the catalog
     * @param order every installed GUID exactly once
     * @throws WsaException {@code WSAEINVAL} if one is unknown, missing or repeated
     */
    public void writeNameSpaceOrder(CatalogView view, UUID[] order) throws WsaException {
        List<NamespaceInfo> list = namespaces.get(view);
        if (order == null || order.length != list.size()) {
            throw new WsaException(WsaError.WSAEINVAL, "the order names " + (order == null ? 0 : order.length)
                    + " namespace providers but the " + name(view) + " namespace catalog has " + list.size()
                    + "; no action was taken");
        }
        List<NamespaceInfo> out = new ArrayList<>(list.size());
        for (UUID id : order) {
            int i = namespace(view, id);
            if (i < 0 || out.contains(list.get(i))) {
                throw new WsaException(WsaError.WSAEINVAL, "namespace provider " + id
                        + " is unknown or listed twice; no action was taken");
            }
            out.add(list.get(i));
        }
        list.clear();
        list.addAll(out);
    }

    private int requireNameSpace(CatalogView view, UUID providerId) throws WsaException {
        int i = namespace(view, providerId);
        if (i < 0) {
            throw new WsaException(WsaError.WSAEINVAL, "namespace provider " + providerId + " is not installed in the "
                    + name(view) + " namespace catalog");
        }
        return i;
    }

    private int namespace(CatalogView view, UUID providerId) {
        List<NamespaceInfo> list = namespaces.get(view);
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).providerId().equals(providerId)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The name of a view in messages.
     *
     * @param view a view
     * @return {@code "native"} or {@code "compat32"}
     */
    public static String name(CatalogView view) {
        return view == CatalogView.NATIVE ? "native" : "compat32";
    }
}
