package ws2.provider.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What one {@code NSPLookupServiceBegin} asks of DNS, decided from the query set without touching
 * the network; {@link #ask} sends the queries.
 */
sealed interface Question permits HostQuestion, ServiceQuestion, ReverseQuestion {
    /**
     * Sends the queries.
     *
     * @param client the client of the configuration the lookup began with
     * @param bypassCache true for {@code LUP_FLUSHCACHE}
     * @return the results in the order {@code NSPLookupServiceNext} returns them, never empty; or the
     *         failure, for {@link DnsFailure} to map
     */
    CompletableFuture<List<Host>> ask(DnsClient client, boolean bypassCache);

    /**
     * Names the question, for messages.
     *
     * @return for example {@code "A/AAAA query for www.example.test"}
     */
    String describe();
}
