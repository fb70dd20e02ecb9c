package ws2.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.CatalogData;
import ws2.core.provider.ProviderService;
import ws2.core.runtime.Core;
import ws2.spi.transport.TransportProvider;

/** The real core wiring, driven without a framework: providers are installed and registered by hand. */
public final class TestCore {
    /** Catalogs written so far. */
    public final List<CatalogData> saved = new ArrayList<>();
    /** The core. */
    public final Core core = new Core(CatalogData.EMPTY, saved::add);
    private long nextBundle = 10;

    /**
     * Installs entries into both views (as {@code WSCInstallProvider64_32}) and registers a service for them.
     *
     * @param guid the provider GUID
     * @param provider the implementation
     * @param entries the entries
     * @return the registered service
     * @throws WsaException if the install is refused
     */
    public ProviderService install(UUID guid, TransportProvider provider, List<ProtocolInfo> entries) throws WsaException {
        core.admin().installProvider64_32(guid, "test:" + guid, entries);
        return register(guid, provider);
    }

    /**
     * Registers a provider service, as DS would.
     *
     * @param guid its GUID
     * @param provider the implementation
     * @return the service
     */
    public ProviderService register(UUID guid, TransportProvider provider) {
        long id = nextBundle++;
        ProviderService s = new ProviderService(guid, provider, FakeBundles.bundle(id, "provider" + id), id);
        core.providers().added(s);
        return s;
    }
}
