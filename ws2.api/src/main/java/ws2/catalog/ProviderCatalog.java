package ws2.catalog;

import java.util.List;
import java.util.UUID;

import org.osgi.annotation.versioning.ProviderType;

import ws2.api.WsaException;

/**
 * The Winsock catalog: every transport {@code WSC*} function of the SPI, on the native catalog and,
 * through the {@code *32} and {@code *64_32} forms, on the 32-bit compatibility catalog
 * ({@link CatalogView}).
 *
 * <p>Implemented by ws2.core as an OSGi service. Entries keep stable catalog IDs: the same provider
 * GUID with the same protocol triple and chain gets the same ID after a redeploy or a restart.
 * Changes are persisted atomically before the call returns. Unlike Windows, running client contexts
 * see changes at once (new sockets use the new catalog; open sockets keep their provider).
 *
 * <p>Thread-safe; changes are serialized.
 */
@ProviderType
public interface ProviderCatalog {
    /**
     * {@code WSCEnumProtocols}: every entry of the native catalog, in order, hidden and layered
     * entries included.
     *
     * @param protocols if not empty, only entries whose {@code iProtocol} is one of these
     * @return the entries
     */
    List<ProtocolInfo> enumProtocols(int... protocols);

    /**
     * {@code WSCEnumProtocols32}: as {@link #enumProtocols} on the 32-bit catalog.
     *
     * @param protocols if not empty, only entries whose {@code iProtocol} is one of these
     * @return the entries
     */
    List<ProtocolInfo> enumProtocols32(int... protocols);

    /**
     * {@code WSCInstallProvider}: installs a provider's entries at the end of the native catalog.
     * Catalog entry IDs are assigned (the IDs in {@code protocols} are ignored); base entries get a
     * base chain.
     *
     * @param providerId the provider GUID
     * @param providerPath where the provider lives (informational; providers are joined by GUID)
     * @param protocols the entries; their provider IDs are set to {@code providerId}
     * @throws WsaException {@code WSAEINVAL} for an empty list or a chain naming unknown entries,
     *         {@code WSANO_RECOVERY} if the GUID is already installed
     */
    void installProvider(UUID providerId, String providerPath, List<ProtocolInfo> protocols) throws WsaException;

    /**
     * {@code WSCInstallProvider64_32}: as {@link #installProvider} into both catalogs.
     *
     * @param providerId the provider GUID
     * @param providerPath where the provider lives
     * @param protocols the entries
     * @throws WsaException as {@link #installProvider}; nothing is installed in either catalog on failure
     */
    void installProvider64_32(UUID providerId, String providerPath, List<ProtocolInfo> protocols) throws WsaException;

    /**
     * {@code WSCInstallProviderAndChains}: installs a layered provider's own entry (chain length 0)
     * and one chain entry over each target, placed at the beginning of the native catalog.
     *
     * @param providerId the layered provider's GUID
     * @param providerPath where it lives
     * @param lspName its name; chain entries are named {@code "<lspName> over [<target>]"}
     * @param serviceFlags service flags of the layered entry
     * @param protocols targets: for each, the top-most entry with the same triple is layered over;
     *        null layers over every base protocol, once per distinct triple
     * @return the catalog entry ID of the layered entry
     * @throws WsaException {@code WSAEINVAL} if the GUID or name is already installed or a target
     *         matches nothing; {@code WSANO_RECOVERY} if a chain would exceed
     *         {@value ProtocolChain#MAX_PROTOCOL_CHAIN} entries or nothing can be layered over
     */
    int installProviderAndChains(UUID providerId, String providerPath, String lspName, int serviceFlags,
            List<ProtocolInfo> protocols) throws WsaException;

    /**
     * {@code WSCInstallProviderAndChains64_32}: as {@link #installProviderAndChains} into both
     * catalogs, each getting its own layered entry and chains.
     *
     * @param providerId the layered provider's GUID
     * @param providerPath where it lives for the native catalog
     * @param providerPath32 where it lives for the 32-bit catalog, or null for {@code providerPath}
     * @param lspName its name
     * @param serviceFlags service flags of the layered entry
     * @param protocols targets, or null
     * @return the catalog entry ID of the native layered entry
     * @throws WsaException as {@link #installProviderAndChains}; nothing is installed in either
     *         catalog on failure
     */
    int installProviderAndChains64_32(UUID providerId, String providerPath, String providerPath32, String lspName,
            int serviceFlags, List<ProtocolInfo> protocols) throws WsaException;

    /**
     * {@code WSCDeinstallProvider}: removes every native entry of a provider. Chains of other
     * layers that referenced them are left as they are, as on Windows; they become unavailable.
     *
     * @param providerId the provider GUID
     * @throws WsaException {@code WSAEINVAL} if it has no entry
     */
    void deinstallProvider(UUID providerId) throws WsaException;

    /**
     * {@code WSCDeinstallProvider32}: as {@link #deinstallProvider} on the 32-bit catalog.
     *
     * @param providerId the provider GUID
     * @throws WsaException {@code WSAEINVAL} if it has no entry
     */
    void deinstallProvider32(UUID providerId) throws WsaException;

    /**
     * {@code WSCUpdateProvider}: replaces the path and entries of an installed provider, keeping the
     * catalog IDs and positions of entries with the same triple and chain.
     *
     * @param providerId the provider GUID
     * @param providerPath the new path
     * @param protocols the new entries
     * @throws WsaException {@code WSAEINVAL} if the provider is not installed or the list is empty
     */
    void updateProvider(UUID providerId, String providerPath, List<ProtocolInfo> protocols) throws WsaException;

    /**
     * {@code WSCUpdateProvider32}: as {@link #updateProvider} on the 32-bit catalog.
     *
     * @param providerId the provider GUID
     * @param providerPath the new path
     * @param protocols the new entries
     * @throws WsaException as {@link #updateProvider}
     */
    void updateProvider32(UUID providerId, String providerPath, List<ProtocolInfo> protocols) throws WsaException;

    /**
     * {@code WSCWriteProviderOrder}: reorders the native catalog.
     *
     * @param catalogEntryIds every catalog entry ID exactly once, in the new order
     * @throws WsaException {@code WSAEINVAL} if an ID is unknown, missing or repeated; nothing changes then
     */
    void writeProviderOrder(int... catalogEntryIds) throws WsaException;

    /**
     * {@code WSCWriteProviderOrder32}: as {@link #writeProviderOrder} on the 32-bit catalog.
     *
     * @param catalogEntryIds every catalog entry ID exactly once, in the new order
     * @throws WsaException as {@link #writeProviderOrder}
     */
    void writeProviderOrder32(int... catalogEntryIds) throws WsaException;

    /**
     * {@code WSCGetProviderPath}.
     *
     * @param providerId the provider GUID
     * @return its path in the native catalog
     * @throws WsaException {@code WSAEINVAL} if the provider is not installed
     */
    String getProviderPath(UUID providerId) throws WsaException;

    /**
     * {@code WSCGetProviderPath32}.
     *
     * @param providerId the provider GUID
     * @return its path in the 32-bit catalog
     * @throws WsaException {@code WSAEINVAL} if the provider is not installed there
     */
    String getProviderPath32(UUID providerId) throws WsaException;

    /**
     * {@code WSCGetProviderInfo}.
     *
     * @param providerId the provider GUID
     * @param type {@link ProviderInfoType#LSP_CATEGORIES}
     * @return the provider's {@link LspCategories} bits
     * @throws WsaException {@code WSAEINVALIDPROVIDER} if the provider has no entry;
     *         {@code ERROR_CALL_NOT_IMPLEMENTED} for {@link ProviderInfoType#AUDIT}
     */
    int getProviderInfo(UUID providerId, ProviderInfoType type) throws WsaException;

    /**
     * {@code WSCGetProviderInfo32}.
     *
     * @param providerId the provider GUID
     * @param type {@link ProviderInfoType#LSP_CATEGORIES}
     * @return the provider's categories in the 32-bit catalog
     * @throws WsaException as {@link #getProviderInfo}
     */
    int getProviderInfo32(UUID providerId, ProviderInfoType type) throws WsaException;

    /**
     * {@code WSCSetProviderInfo}.
     *
     * @param providerId the provider GUID
     * @param type {@link ProviderInfoType#LSP_CATEGORIES}
     * @param value the {@link LspCategories} bits
     * @throws WsaException {@code WSAEINVAL} if the provider has no entry;
     *         {@code ERROR_CALL_NOT_IMPLEMENTED} for {@link ProviderInfoType#AUDIT}
     */
    void setProviderInfo(UUID providerId, ProviderInfoType type, int value) throws WsaException;

    /**
     * {@code WSCSetProviderInfo32}.
     *
     * @param providerId the provider GUID
     * @param type {@link ProviderInfoType#LSP_CATEGORIES}
     * @param value the bits
     * @throws WsaException as {@link #setProviderInfo}
     */
    void setProviderInfo32(UUID providerId, ProviderInfoType type, int value) throws WsaException;

    /**
     * {@code WSCGetApplicationCategory}.
     *
     * @param path the application's identity: a client context's name (a bundle symbolic name)
     * @param extra further identity, such as a command line; may be empty
     * @return the permitted {@link LspCategories}
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} if the application is not categorized
     */
    int getApplicationCategory(String path, String extra) throws WsaException;

    /**
     * {@code WSCSetApplicationCategory}: permits categories for an application; repeated calls OR
     * them together. A context reads its categories when it first starts up.
     *
     * @param path the application's identity
     * @param extra further identity; may be empty
     * @param permittedLspCategories categories to add
     * @return the categories permitted before the call (0 if it was not categorized)
     * @throws WsaException {@code WSAEINVAL} for an empty path
     */
    int setApplicationCategory(String path, String extra, int permittedLspCategories) throws WsaException;

    /**
     * Lists a catalog with the state ws2.core keeps beside each entry (availability and path).
     *
     * @param view the catalog
     * @return the entries in order
     */
    List<CatalogEntry> entries(CatalogView view);

    /**
     * Lists the provider bundles the core has read, with the reason of any rejection.
     *
     * @return one status per provider bundle, in bundle ID order
     */
    List<ProviderStatus> providers();

    /**
     * Restores the default catalogs, as {@code netsh winsock reset} does: the entries the present
     * provider bundles declare, in bundle order, without programmatic installs, admin order,
     * provider info or application categories. Catalog IDs of restored entries are kept.
     *
     * @throws WsaException {@code WSANO_RECOVERY} if the catalog could not be written; nothing changes then
     */
    void reset() throws WsaException;

    /**
     * How many sockets are open through a provider now, as the base of their path or as a layer of
     * it, across every client context: what replacing the provider would affect (a ws2 extension,
     * used by the marketplace's plans).
     *
     * @param providerId the provider GUID
     * @return the number of open sockets
     */
    int openSockets(UUID providerId);

    // ---- namespace catalog ------------------------------------------------------------------

    /**
     * {@code WSCInstallNameSpace} (native catalog): appends an active namespace provider entry.
     *
     * @param identifier its display name
     * @param path its provider path
     * @param nameSpace the {@code NS_*} it serves
     * @param version 1 (NSP v1) or 2 (NSPv2)
     * @param providerId its GUID
     * @throws WsaException {@code WSANO_RECOVERY} if the GUID is installed, {@code WSAEINVAL} for a
     *         bad identifier, namespace or version
     */
    void installNameSpace(String identifier, String path, int nameSpace, int version, UUID providerId)
            throws WsaException;

    /**
     * {@code WSCInstallNameSpaceEx}: {@link #installNameSpace} with a provider-specific blob.
     *
     * @param identifier its display name
     * @param path its provider path
     * @param nameSpace the {@code NS_*} it serves
     * @param version 1 or 2
     * @param providerId its GUID
     * @param providerSpecific the blob
     * @throws WsaException as {@link #installNameSpace}
     */
    void installNameSpaceEx(String identifier, String path, int nameSpace, int version, UUID providerId,
            byte[] providerSpecific) throws WsaException;

    /**
     * {@code WSCInstallNameSpace32}: the same in the 32-bit catalog.
     *
     * @param identifier its display name
     * @param path its provider path
     * @param nameSpace the {@code NS_*} it serves
     * @param version 1 or 2
     * @param providerId its GUID
     * @throws WsaException as {@link #installNameSpace}
     */
    void installNameSpace32(String identifier, String path, int nameSpace, int version, UUID providerId)
            throws WsaException;

    /**
     * {@code WSCInstallNameSpaceEx32}.
     *
     * @param identifier its display name
     * @param path its provider path
     * @param nameSpace the {@code NS_*} it serves
     * @param version 1 or 2
     * @param providerId its GUID
     * @param providerSpecific the blob
     * @throws WsaException as {@link #installNameSpace}
     */
    void installNameSpaceEx32(String identifier, String path, int nameSpace, int version, UUID providerId,
            byte[] providerSpecific) throws WsaException;

    /**
     * {@code WSCUnInstallNameSpace}.
     *
     * @param providerId the GUID
     * @throws WsaException {@code WSAEINVAL} if it is not installed
     */
    void unInstallNameSpace(UUID providerId) throws WsaException;

    /**
     * {@code WSCUnInstallNameSpace32}.
     *
     * @param providerId the GUID
     * @throws WsaException {@code WSAEINVAL} if it is not installed
     */
    void unInstallNameSpace32(UUID providerId) throws WsaException;

    /**
     * {@code WSCEnableNSProvider}: makes a namespace provider active or inactive; inactive
     * providers are not used for queries or registration.
     *
     * @param providerId the GUID
     * @param enable the new state
     * @throws WsaException {@code WSAEINVAL} if it is not installed
     */
    void enableNSProvider(UUID providerId, boolean enable) throws WsaException;

    /**
     * {@code WSCEnableNSProvider32}.
     *
     * @param providerId the GUID
     * @param enable the new state
     * @throws WsaException {@code WSAEINVAL} if it is not installed
     */
    void enableNSProvider32(UUID providerId, boolean enable) throws WsaException;

    /**
     * {@code WSCEnumNameSpaceProvidersEx} (native catalog), in namespace order.
     *
     * @return the entries
     */
    List<NamespaceInfo> enumNameSpaceProviders();

    /**
     * {@code WSCEnumNameSpaceProviders32} / {@code WSCEnumNameSpaceProvidersEx32}.
     *
     * @return the 32-bit catalog's entries, in namespace order
     */
    List<NamespaceInfo> enumNameSpaceProviders32();

    /**
     * {@code WSCWriteNameSpaceOrder}: the order lookups ask providers in and merge results by.
     *
     * @param providerIds every installed GUID exactly once
     * @throws WsaException {@code WSAEINVAL} if one is unknown, missing or repeated
     */
    void writeNameSpaceOrder(UUID... providerIds) throws WsaException;

    /**
     * {@code WSCWriteNameSpaceOrder32}.
     *
     * @param providerIds every installed GUID exactly once
     * @throws WsaException {@code WSAEINVAL} if one is unknown, missing or repeated
     */
    void writeNameSpaceOrder32(UUID... providerIds) throws WsaException;
}
