package ws2.provider.hosts;

import java.util.List;
import java.util.Objects;

import ws2.api.LookupFlags;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspLookup;

/**
 * One hosts-file query: {@code NSPLookupServiceNext} over its precomputed results,
 * {@code NSPLookupServiceEnd}, and {@code NSPIoctl(SIO_NSP_NOTIFY_CHANGE)}.
 *
 * <p>{@link #next} returns the host (with all its addresses) and then, if {@code LUP_RETURN_ALIASES}
 * was asked, one result per alias; the {@code LUP_RETURN_*} bits of Begin and Next are combined, so
 * Next can only narrow what Begin asked for. A result is stripped of its name without
 * {@code LUP_RETURN_NAME} and of its addresses without {@code LUP_RETURN_ADDR}.
 *
 * <p>Thread-safe for one {@link #next} at a time (ws2.core does not run two on one handle);
 * {@link #end} and {@link #notifyChange} may be called from any thread.
 */
final class HostsLookup implements NspLookup, HostsSource.Listener {
    private static final int NAME_AND_ADDR = LookupFlags.LUP_RETURN_NAME | LookupFlags.LUP_RETURN_ADDR;
    private static final String NO_MORE = "the hosts file has no more results for this lookup";

    private final HostsSource source;
    private final HostQuery query;
    private final List<QuerySet> results;
    private final int controlFlags;
    private volatile int position;
    private volatile boolean ended;
    private volatile Runnable onChange;

    /**
     * Creates the lookup.
     *
     * @param source the file it was answered from
     * @param query what it asked
     * @param results its results, not empty
     * @param controlFlags the {@code LUP_*} flags of Begin
     */
    HostsLookup(HostsSource source, HostQuery query, List<QuerySet> results, int controlFlags) {
        this.source = source;
        this.query = query;
        this.results = results;
        this.controlFlags = controlFlags;
    }

    /**
     * {@code NSPLookupServiceNext}.
     *
     * @throws WsaException {@code WSA_E_NO_MORE} after the last result, {@code WSA_E_CANCELLED}
     *         after {@link #end}
     */
    @Override
    public QuerySet next(int controlFlags) throws WsaException {
        if (ended) {
            throw new WsaException(WsaError.WSA_E_CANCELLED, "the lookup of " + describe() + " was ended");
        }
        int returned = this.controlFlags & controlFlags;
        int i = position;
        if (i >= results.size() || i > 0 && (returned & LookupFlags.LUP_RETURN_ALIASES) == 0) {
            throw new StacklessWsaException(WsaError.WSA_E_NO_MORE, NO_MORE);
        }
        position = i + 1;
        return shape(results.get(i), returned);
    }

    private static QuerySet shape(QuerySet result, int returned) {
        if ((returned & NAME_AND_ADDR) == NAME_AND_ADDR) {
            return result;
        }
        QuerySet.Builder b = result.toBuilder();
        if ((returned & LookupFlags.LUP_RETURN_NAME) == 0) {
            b.instanceName(null);
        }
        if ((returned & LookupFlags.LUP_RETURN_ADDR) == 0) {
            b.addresses(List.of());
        }
        return b.build();
    }

    /** {@code NSPLookupServiceEnd}: later Next calls fail and a pending notification is dropped. */
    @Override
    public void end() {
        ended = true;
        source.unlisten(this);
    }

    /**
     * Calls {@code onChange} once, when a reread of the file changes what this query returned (its
     * host added, removed, or given other names or addresses), or at once if the file changed so
     * since Begin. A later call replaces a listener not yet called.
     *
     * @throws WsaException {@code WSA_E_CANCELLED} after {@link #end}
     */
    @Override
    public void notifyChange(Runnable onChange) throws WsaException {
        Objects.requireNonNull(onChange, "onChange");
        if (ended) {
            throw new WsaException(WsaError.WSA_E_CANCELLED, "the lookup of " + describe() + " was ended");
        }
        this.onChange = onChange;
        source.listen(this);
        tableChanged(source.table());
    }

    /** Calls the change listener, once, if {@code table} answers this query differently. */
    @Override
    public void tableChanged(HostsTable table) {
        if (!query.results(table).equals(results) && source.unlisten(this)) {
            onChange.run();
        }
    }

    private String describe() {
        return query.name() != null ? query.name() : query.address().getHostAddress();
    }

    @Override
    public String toString() {
        return "hosts lookup of " + describe();
    }
}
