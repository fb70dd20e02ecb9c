package ws2.market;

import java.util.List;
import java.util.function.Consumer;

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
 *
 * <h2>Journal events</h2>
 * Every entry the marketplace writes to the audit journal ({@link #history}) for its own actions,
 * refusals included, is also announced on the WinEvent bus when one is registered (the
 * {@code catalog} entries, which record changes ws2.core announced on the bus, are not announced
 * again): after the entry is written, the
 * marketplace calls {@code NotifyWinEvent} with the event ID of the global atom
 * {@value #JOURNAL_EVENT_ATOM} ({@code GlobalFindAtom} gives it while the marketplace is attached
 * to the bus), {@code hwnd} 0, {@code idObject} {@code OBJID_CLIENT} and {@code idChild} the
 * entry's number, which indexes {@link #history} (entry {@code n} is {@code history().get(n - 1)}).
 * The marketplace is the notifying process. Hooks run as the bus defines: an in-context hook on
 * the thread that made the change, before the change returns (it may read {@link #history}, but
 * should not start another change); an out-of-context hook on its own thread. Without a bus
 * nothing is announced and nothing else changes.
 */
@ProviderType
public interface Marketplace {
    /**
     * The string of the global atom whose event ID announces journal entries.
     *
     * @since 1.1
     */
    String JOURNAL_EVENT_ATOM = "ws2.market.journal";

    /**
     * Adds a source, or replaces the one with the same URL, after reading its index.
     *
     * @param url the index URL: {@code file:}, {@code http:} or {@code https:}
     * @param keys SHA-256 fingerprints of the publisher certificates pinned for this source (hex,
     *        colons optional, any case); when there are any, every bundle installed from it must be
     *        a jar signed by one of them
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

    /**
     * Installs a bundle that is not installed yet: the newest version the sources offer and what
     * the resolver pulls in with it, all or nothing.
     *
     * <p>Plans as {@link #plan}, downloads every planned bundle to a staging folder, checks each
     * file's SHA-256 against its index, checks the jar signatures when the source pins keys, then
     * installs every bundle, starts them and waits (5 s at most) until every {@code ws2.transport},
     * {@code ws2.layered} and {@code ws2.namespace} GUID they declare has a registered service with
     * that {@code ws2.provider.id}. A failure at any step leaves the installed bundles as they were:
     * what was installed is uninstalled again. Every attempt, refused or not, is journaled.
     *
     * @param symbolicName the bundle's symbolic name
     * @param progress receives one line per step, e.g. {@code downloading ws2.provider.tls 25 KiB / 60 KiB},
     *        {@code verifying ...}, {@code installing ...}, {@code started ...}; called on the caller's thread
     * @return the journal entry of the install
     * @throws WsaException {@code WSAEINVAL} if it is already installed, or a download does not
     *         match its index (naming the bundle and the expected and actual SHA-256);
     *         {@code WSAEACCES} if the source pins keys and a bundle is unsigned, signed by another
     *         key or tampered with; {@code WSAEPROVIDERFAILEDINIT} if a bundle fails to resolve or
     *         start or a provider GUID gets no service in time, naming the bundle and the reason;
     *         {@code WSANO_RECOVERY} if a download fails; as {@link #plan} otherwise
     * @since 1.1
     */
    HistoryEntry install(String symbolicName, Consumer<String> progress) throws WsaException;

    /**
     * Updates an installed bundle to the newest version the sources offer, all or nothing, as
     * {@link #install}; the bundles wired to it are refreshed, and on a failure the previous jars
     * (kept before the update) are put back and what was running is started again.
     *
     * @param symbolicName the bundle's symbolic name
     * @param progress receives one line per step
     * @return the journal entry of the update; without changes when the newest version offered is installed
     * @throws WsaException {@code WSAEINVAL} if it is not installed, or if the update would refresh
     *         the marketplace itself; otherwise as {@link #install}
     * @since 1.1
     */
    HistoryEntry update(String symbolicName, Consumer<String> progress) throws WsaException;

    /**
     * Uninstalls a bundle, after keeping a copy of its jar for {@link #rollback}, and refreshes it.
     *
     * @param symbolicName the bundle's symbolic name
     * @return the journal entry of the uninstall
     * @throws WsaException {@code WSAEINVAL} if it is not installed, is the marketplace or the
     *         system bundle, or other installed bundles are wired to it (naming them);
     *         {@code WSANO_RECOVERY} if its jar cannot be kept
     * @since 1.1
     */
    HistoryEntry uninstall(String symbolicName) throws WsaException;

    /**
     * Lists the audit journal: every source change, install, update, uninstall and rollback, and
     * every refused attempt with its code.
     *
     * @return the entries, numbered from 1, newest last
     * @throws WsaException {@code WSANO_RECOVERY} if the journal cannot be read
     * @since 1.1
     */
    List<HistoryEntry> history() throws WsaException;

    /**
     * Puts the bundles changed by a journal entry and every later successful entry back as they
     * were before that entry: a bundle installed since is uninstalled, one updated or uninstalled
     * since is installed again at its earlier version from the jar the marketplace kept. All or
     * nothing, with the same start and health check as {@link #install}.
     *
     * @param entry the number of the journal entry, from {@link #history}
     * @param progress receives one line per step
     * @return the journal entry of the rollback
     * @throws WsaException {@code WSAEINVAL} if there is no such entry or nothing to put back, or
     *         a bundle to uninstall has other bundles wired to it; {@code WSANO_RECOVERY} if a jar
     *         needed was not kept; {@code WSAEPROVIDERFAILEDINIT} as {@link #install}
     * @since 1.1
     */
    HistoryEntry rollback(int entry, Consumer<String> progress) throws WsaException;
}
