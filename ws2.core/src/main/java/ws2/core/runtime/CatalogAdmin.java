package ws2.core.runtime;

import static ws2.catalog.CatalogView.COMPAT32;
import static ws2.catalog.CatalogView.NATIVE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderInfoType;
import ws2.catalog.ProviderStatus;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogEditor;
import ws2.core.catalog.CatalogKeys;
import ws2.core.catalog.CatalogStore;
import ws2.core.namespace.NspRegistry;
import ws2.core.catalog.StoredEntry;
import ws2.core.provider.ProviderExtender;
import ws2.core.provider.ProviderRegistry;
import ws2.core.route.Route;
import ws2.core.route.Routes;

/**
 * The {@link ProviderCatalog} service: every transport {@code WSC*} function, each native function
 * and its {@code *32} twin sharing one implementation parameterised by the view.
 */
final class CatalogAdmin implements ProviderCatalog {
    private final CatalogStore store;
    private final Routes routes;
    private final ProviderExtender extender;
    private final ProviderRegistry providers;
    private final NspRegistry namespaces;
    private final ToIntFunction<UUID> openSockets;

    CatalogAdmin(CatalogStore store, Routes routes, ProviderExtender extender, ProviderRegistry providers,
            NspRegistry namespaces, ToIntFunction<UUID> openSockets) {
        this.namespaces = namespaces;
        this.openSockets = openSockets;
        this.store = store;
        this.routes = routes;
        this.extender = extender;
        this.providers = providers;
    }

    @Override
    public List<ProtocolInfo> enumProtocols(int... protocols) {
        return enumerate(NATIVE, protocols);
    }

    @Override
    public List<ProtocolInfo> enumProtocols32(int... protocols) {
        return enumerate(COMPAT32, protocols);
    }

    private List<ProtocolInfo> enumerate(CatalogView view, int... protocols) {
        List<ProtocolInfo> out = new ArrayList<>();
        for (StoredEntry e : store.data().view(view).entries()) {
            if (protocols.length == 0 || IntStream.of(protocols).anyMatch(p -> p == e.info().protocol())) {
                out.add(e.info());
            }
        }
        return out;
    }

    @Override
    public void installProvider(UUID providerId, String providerPath, List<ProtocolInfo> protocols) throws WsaException {
        edit(e -> e.installProvider(NATIVE, providerId, providerPath, protocols));
    }

    @Override
    public void installProvider64_32(UUID providerId, String providerPath, List<ProtocolInfo> protocols)
            throws WsaException {
        edit(e -> {
            e.installProvider(NATIVE, providerId, providerPath, protocols);
            e.installProvider(COMPAT32, providerId, providerPath, protocols);
        });
    }

    @Override
    public int installProviderAndChains(UUID providerId, String providerPath, String lspName, int serviceFlags,
            List<ProtocolInfo> protocols) throws WsaException {
        return store.change(e -> e.installProviderAndChains(NATIVE, providerId, providerPath, lspName, serviceFlags,
                protocols));
    }

    @Override
    public int installProviderAndChains64_32(UUID providerId, String providerPath, String providerPath32,
            String lspName, int serviceFlags, List<ProtocolInfo> protocols) throws WsaException {
        return store.change(e -> {
            e.installProviderAndChains(COMPAT32, providerId, providerPath32 == null ? providerPath : providerPath32,
                    lspName, serviceFlags, protocols);
            return e.installProviderAndChains(NATIVE, providerId, providerPath, lspName, serviceFlags, protocols);
        });
    }

    @Override
    public void deinstallProvider(UUID providerId) throws WsaException {
        edit(e -> e.deinstallProvider(NATIVE, providerId));
    }

    @Override
    public void deinstallProvider32(UUID providerId) throws WsaException {
        edit(e -> e.deinstallProvider(COMPAT32, providerId));
    }

    @Override
    public void updateProvider(UUID providerId, String providerPath, List<ProtocolInfo> protocols) throws WsaException {
        edit(e -> e.updateProvider(NATIVE, providerId, providerPath, protocols));
    }

    @Override
    public void updateProvider32(UUID providerId, String providerPath, List<ProtocolInfo> protocols)
            throws WsaException {
        edit(e -> e.updateProvider(COMPAT32, providerId, providerPath, protocols));
    }

    @Override
    public void writeProviderOrder(int... catalogEntryIds) throws WsaException {
        edit(e -> e.writeProviderOrder(NATIVE, catalogEntryIds));
    }

    @Override
    public void writeProviderOrder32(int... catalogEntryIds) throws WsaException {
        edit(e -> e.writeProviderOrder(COMPAT32, catalogEntryIds));
    }

    @Override
    public String getProviderPath(UUID providerId) throws WsaException {
        return path(NATIVE, providerId);
    }

    @Override
    public String getProviderPath32(UUID providerId) throws WsaException {
        return path(COMPAT32, providerId);
    }

    private String path(CatalogView view, UUID providerId) throws WsaException {
        for (StoredEntry e : store.data().view(view).entries()) {
            if (e.info().providerId().equals(providerId)) {
                return e.path();
            }
        }
        throw new WsaException(WsaError.WSAEINVAL, "provider " + providerId + " is not installed in the "
                + CatalogEditor.name(view) + " catalog");
    }

    @Override
    public int getProviderInfo(UUID providerId, ProviderInfoType type) throws WsaException {
        return providerInfo(NATIVE, providerId, type);
    }

    @Override
    public int getProviderInfo32(UUID providerId, ProviderInfoType type) throws WsaException {
        return providerInfo(COMPAT32, providerId, type);
    }

    private int providerInfo(CatalogView view, UUID providerId, ProviderInfoType type) throws WsaException {
        if (type != ProviderInfoType.LSP_CATEGORIES) {
            throw new WsaException(WsaError.ERROR_CALL_NOT_IMPLEMENTED, "ProviderInfoAudit is not used");
        }
        CatalogData data = store.data();
        if (!data.view(view).hasProvider(providerId)) {
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "provider " + providerId + " has no entry in the "
                    + CatalogEditor.name(view) + " catalog");
        }
        return data.view(view).lspCategories().getOrDefault(providerId, 0);
    }

    @Override
    public void setProviderInfo(UUID providerId, ProviderInfoType type, int value) throws WsaException {
        edit(e -> e.setProviderInfo(NATIVE, providerId, type, value));
    }

    @Override
    public void setProviderInfo32(UUID providerId, ProviderInfoType type, int value) throws WsaException {
        edit(e -> e.setProviderInfo(COMPAT32, providerId, type, value));
    }

    @Override
    public int getApplicationCategory(String path, String extra) throws WsaException {
        Integer c = store.data().appCategories().get(CatalogKeys.appKey(path, extra));
        if (c == null) {
            throw new WsaException(WsaError.WSASERVICE_NOT_FOUND, "application '" + path
                    + (extra == null || extra.isEmpty() ? "" : " " + extra) + "' is not categorized");
        }
        return c;
    }

    @Override
    public int setApplicationCategory(String path, String extra, int permittedLspCategories) throws WsaException {
        return store.change(e -> e.setApplicationCategory(path, extra, permittedLspCategories));
    }

    @Override
    public List<CatalogEntry> entries(CatalogView view) {
        List<CatalogEntry> out = new ArrayList<>();
        for (Route r : routes.get().routes(view)) {
            out.add(new CatalogEntry(r.info(), r.entry().path(), r.available(), r.reason()));
        }
        return out;
    }

    @Override
    public List<ProviderStatus> providers() {
        Set<UUID> live = new HashSet<>(providers.current().keySet());
        live.addAll(namespaces.current().keySet());
        return extender.statuses(live);
    }

    @Override
    public void reset() throws WsaException {
        edit(extender::restoreDefaults);
    }

    @Override
    public int openSockets(UUID providerId) {
        return openSockets.applyAsInt(providerId);
    }

    // ---- namespace catalog ------------------------------------------------------------------

    @Override
    public void installNameSpace(String identifier, String path, int nameSpace, int version, UUID providerId)
            throws WsaException {
        installNameSpaceEx(identifier, path, nameSpace, version, providerId, null);
    }

    @Override
    public void installNameSpaceEx(String identifier, String path, int nameSpace, int version, UUID providerId,
            byte[] providerSpecific) throws WsaException {
        NamespaceInfo info = nameSpace(identifier, path, nameSpace, version, providerId, providerSpecific);
        edit(e -> e.installNameSpace(NATIVE, info));
    }

    @Override
    public void installNameSpace32(String identifier, String path, int nameSpace, int version, UUID providerId)
            throws WsaException {
        installNameSpaceEx32(identifier, path, nameSpace, version, providerId, null);
    }

    @Override
    public void installNameSpaceEx32(String identifier, String path, int nameSpace, int version, UUID providerId,
            byte[] providerSpecific) throws WsaException {
        NamespaceInfo info = nameSpace(identifier, path, nameSpace, version, providerId, providerSpecific);
        edit(e -> e.installNameSpace(COMPAT32, info));
    }

    private static NamespaceInfo nameSpace(String identifier, String path, int nameSpace, int version, UUID providerId,
            byte[] providerSpecific) throws WsaException {
        if (identifier == null || providerId == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WSCInstallNameSpace needs an identifier and a provider GUID");
        }
        return new NamespaceInfo(providerId, nameSpace, true, version, identifier, providerSpecific, path);
    }

    @Override
    public void unInstallNameSpace(UUID providerId) throws WsaException {
        edit(e -> e.unInstallNameSpace(NATIVE, providerId));
    }

    @Override
    public void unInstallNameSpace32(UUID providerId) throws WsaException {
        edit(e -> e.unInstallNameSpace(COMPAT32, providerId));
    }

    @Override
    public void enableNSProvider(UUID providerId, boolean enable) throws WsaException {
        edit(e -> e.enableNSProvider(NATIVE, providerId, enable));
    }

    @Override
    public void enableNSProvider32(UUID providerId, boolean enable) throws WsaException {
        edit(e -> e.enableNSProvider(COMPAT32, providerId, enable));
    }

    @Override
    public List<NamespaceInfo> enumNameSpaceProviders() {
        return store.data().view(NATIVE).namespaces();
    }

    @Override
    public List<NamespaceInfo> enumNameSpaceProviders32() {
        return store.data().view(COMPAT32).namespaces();
    }

    @Override
    public void writeNameSpaceOrder(UUID... providerIds) throws WsaException {
        edit(e -> e.writeNameSpaceOrder(NATIVE, providerIds));
    }

    @Override
    public void writeNameSpaceOrder32(UUID... providerIds) throws WsaException {
        edit(e -> e.writeNameSpaceOrder(COMPAT32, providerIds));
    }

    /** A change that returns nothing. */
    @FunctionalInterface
    private interface VoidEdit {
        void apply(CatalogEditor editor) throws WsaException;
    }

    private void edit(VoidEdit edit) throws WsaException {
        store.change(e -> {
            edit.apply(e);
            return null;
        });
    }
}
