package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Opens client contexts for code that is not a bundle of its own (tests, benchmarks, launchers, a
 * library that serves several tenants). A bundle normally gets its context by getting the
 * bundle-scoped {@link Winsock} service instead.
 */
@ProviderType
public interface WinsockFactory {
    /**
     * Opens a new client context: the equivalent of starting a new process.
     *
     * @param name the context's name; application categories are looked up by it
     * @return the context, not yet started; {@link Winsock#close()} ends it
     */
    Winsock open(String name);
}
