package ws2.provider.dns;

import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import ws2.api.LookupFlags;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspLookup;

/**
 * One DNS lookup, the handle of {@code NSPLookupServiceBegin}: the first
 * {@code NSPLookupServiceNext} sends the queries and waits for the answers (bounded by the
 * configured timeouts); every call returns one {@link Host}, then {@code WSA_E_NO_MORE}. Aliases
 * are returned only while the flags hold {@code LUP_RETURN_ALIASES}. {@code NSPLookupServiceEnd}
 * from another thread ends a waiting {@code Next} with {@code WSA_E_CANCELLED}; queries already
 * sent finish in the background.
 */
final class DnsLookup implements NspLookup {
    private final Question question;
    private final DnsClient client;
    private final UUID serviceClass;
    private final UUID providerId;
    private final int beginFlags;
    private volatile boolean ended;
    private volatile CompletableFuture<List<Host>> pending;
    private Iterator<Host> results;

    /**
     * Creates the lookup; sends nothing.
     *
     * @param question what to ask
     * @param client the configuration to ask with
     * @param serviceClass the query's service class, returned under {@code LUP_RETURN_TYPE}
     * @param providerId this provider's GUID
     * @param beginFlags the {@code LUP_*} flags of Begin
     */
    DnsLookup(Question question, DnsClient client, UUID serviceClass, UUID providerId, int beginFlags) {
        this.question = question;
        this.client = client;
        this.serviceClass = serviceClass;
        this.providerId = providerId;
        this.beginFlags = beginFlags;
    }

    /**
     * {@code NSPLookupServiceNext}.
     *
     * @param controlFlags {@code LUP_*}, narrowing the {@code LUP_RETURN_*} bits of Begin
     * @throws WsaException {@code WSA_E_NO_MORE} after the last result; the code of {@link DnsFailure}
     *         if the first call's queries failed; {@code WSA_E_CANCELLED} after {@link #end}
     */
    @Override
    public synchronized QuerySet next(int controlFlags) throws WsaException {
        if (results == null) {
            results = List.<Host>of().iterator(); // a failed first call leaves nothing for the next
            results = answer().iterator();
        }
        requireOpen();
        int flags = beginFlags & controlFlags;
        while (results.hasNext()) {
            Host h = results.next();
            if (!h.alias() || (flags & LookupFlags.LUP_RETURN_ALIASES) != 0) {
                return h.toQuerySet(serviceClass, providerId, flags);
            }
        }
        throw new WsaException(WsaError.WSA_E_NO_MORE, "no more results of the " + question.describe());
    }

    private List<Host> answer() throws WsaException {
        requireOpen();
        CompletableFuture<List<Host>> f = question.ask(client, (beginFlags & LookupFlags.LUP_FLUSHCACHE) != 0);
        pending = f;
        if (ended) {
            f.cancel(false);
        }
        try {
            return f.get();
        } catch (CancellationException e) {
            throw cancelled();
        } catch (ExecutionException e) {
            throw DnsFailure.of(e, question, client);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, "interrupted while waiting for the " + question.describe(), e);
        }
    }

    private void requireOpen() throws WsaException {
        if (ended) {
            throw cancelled();
        }
    }

    private WsaException cancelled() {
        return new WsaException(WsaError.WSA_E_CANCELLED, "the lookup was ended during the " + question.describe());
    }

    /** {@code NSPLookupServiceEnd}: ends the lookup and a {@code Next} waiting for its answers. */
    @Override
    public void end() {
        ended = true;
        CompletableFuture<List<Host>> f = pending;
        if (f != null) {
            f.cancel(false);
        }
    }
}
