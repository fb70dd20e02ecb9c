package ws2.provider.dns;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The outcome of one of several queries sent together: its value or its failure, so that one
 * failed query (no AAAA record, one SRV target gone) does not hide the answers of the others.
 *
 * @param <T> the value type
 * @param value the value, null if it failed
 * @param failure the failure, null if it succeeded
 */
record Settled<T>(T value, Throwable failure) {
    /**
     * Waits for every query, failed or not.
     *
     * @param <T> the value type
     * @param queries the queries
     * @return their outcomes, in the same order, when the last one is known
     */
    static <T> CompletableFuture<List<Settled<T>>> all(List<CompletableFuture<T>> queries) {
        List<CompletableFuture<Settled<T>>> each = queries.stream()
                .map(q -> q.handle((v, e) -> new Settled<>(v, e))).toList();
        return CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(v -> each.stream().map(CompletableFuture::join).toList());
    }

    /**
     * Picks the failure to report when no query gave an answer: the first that is more than
     * "no record of that type", since a timeout or SERVFAIL says more than a missing AAAA.
     *
     * @param outcomes the outcomes, at least one of which failed
     * @return the failure, wrapped to be thrown from a completion stage
     */
    static CompletionException failureOf(List<? extends Settled<?>> outcomes) {
        Throwable chosen = null;
        for (Settled<?> s : outcomes) {
            if (s.failure() != null && (chosen == null || DnsFailure.isNoData(chosen) && !DnsFailure.isNoData(s.failure()))) {
                chosen = s.failure();
            }
        }
        return new CompletionException(chosen);
    }
}
