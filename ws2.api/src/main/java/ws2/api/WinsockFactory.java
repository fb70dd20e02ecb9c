package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

import ws2.catalog.CatalogView;

/**
 * Opens client contexts for code that is not a bundle of its own (tests, benchmarks, launchers, a
 * library that serves several tenants). A bundle normally gets its context by getting the
 * bundle-scoped {@link Winsock} service instead.
 */
@ProviderType
public interface WinsockFactory {
    /**
     * Opens a new client context on the native catalog: the equivalent of starting a new process.
     *
     * @param name the context's name; application categories are looked up by it
     * @return the context, not yet started; {@link Winsock#close()} ends it
     */
    Winsock open(String name);

    /**
     * Opens a new client context on a chosen catalog view: {@link CatalogView#COMPAT32} plays a
     * 32-bit process on 64-bit Windows, which sees the 32-bit catalog.
     *
     * @param name the context's name
     * @param view the catalog its socket creation and enumeration use
     * @return the context, not yet started; {@link Winsock#close()} ends it
     */
    Winsock open(String name, CatalogView view);
}
