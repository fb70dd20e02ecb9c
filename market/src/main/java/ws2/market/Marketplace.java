package ws2.market;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import ws2.api.WsaException;

/**
 * The provider marketplace: where provider bundles come from. A source is the URL of an OSGi
 * Repository index ({@code index.xml} or {@code index.xml.gz}, over {@code file:}, {@code http:}
 * or {@code https:}); its resources are the bundles it offers.
 *
 * <p>Implemented once, by the ws2.market bundle, and registered as an OSGi service; called by
 * administration tools and the {@code market:*} shell commands. Thread-safe: every method may be
 * called from any thread. The source list survives restarts; an index is read when its source is
 * added and, after a restart, on first use; adding a source again reads its index again.
 */
@ProviderType
public interface Marketplace {
    /**
     * Adds a source, or replaces the one with the same URL, after reading its index.
     *
     * @param url the index URL: {@code file:}, {@code http:} or {@code https:}
     * @param keys fingerprints of the publisher keys pinned for this source (stored; checked by
     *        signed installs, a later slice)
     * @return the source, with the number of resources its index offers
     * @throws WsaException {@code WSAEINVAL} for a malformed URL, an unsupported scheme or a
     *         malformed index; {@code WSANO_RECOVERY} when the index cannot be read (unreachable,
     *         HTTP error, timeout); the source list is then unchanged
     */
    Source add(String url, List<String> keys) throws WsaException;

    /**
     * Lists the sources in the order they were added.
     *
     * @return the sources
     */
    List<Source> sources();

    /**
     * Removes a source.
     *
     * @param url its URL, as added
     * @throws WsaException {@code WSAEINVAL} if no source has that URL
     */
    void remove(String url) throws WsaException;

    /**
     * Searches the sources' offers.
     *
     * <p>Text matches, ignoring case, a substring of a resource's symbolic name, description or
     * capability summaries; empty text matches every offer. Text starting with {@code (} is an LDAP
     * filter, matched against the attributes of each {@code ws2.transport}, {@code ws2.layered} and
     * {@code ws2.namespace} capability, e.g. {@code (&(categories>=64)(over=*type=1*))}; an offer
     * matches when one of its capabilities does.
     *
     * @param textOrFilter the text or the filter
     * @return the matching offers, by symbolic name, newest version first
     * @throws WsaException {@code WSAEINVAL} for a filter that does not parse; {@code WSAEINVAL} or
     *         {@code WSANO_RECOVERY} when an index not yet read after a restart cannot be read
     */
    List<Offer> search(String textOrFilter) throws WsaException;

    /**
     * Plans, without changing anything, the install of the newest version the sources offer of a
     * bundle: resolves it with the OSGi resolver against the installed bundles and the sources.
     *
     * @param symbolicName the bundle's symbolic name
     * @return what the install would do
     * @throws WsaException {@code WSASERVICE_NOT_FOUND} if no source offers that name;
     *         {@code WSANO_RECOVERY} if it cannot be resolved, naming the missing requirement and
     *         the versions the sources offer of it; as {@link #search} for an unreadable index
     */
    Plan plan(String symbolicName) throws WsaException;
}
