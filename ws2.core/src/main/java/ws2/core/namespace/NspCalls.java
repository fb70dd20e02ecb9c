package ws2.core.namespace;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Every call into a namespace provider, bounded by a timeout: the call runs on a pool thread and the
 * caller waits at most {@link #timeoutMillis}; a provider that hangs keeps its pool thread (at most
 * {@value #MAX_THREADS} in all), never the client. A runtime exception thrown by a provider becomes
 * {@code WSAENETDOWN} naming it and the function.
 */
public final class NspCalls implements AutoCloseable {
    /** The most provider calls in flight at once; beyond, calls fail with {@code WSAENOBUFS}. */
    static final int MAX_THREADS = 64;
    /** The default timeout of one provider call. */
    public static final long DEFAULT_TIMEOUT_MILLIS = 5000;

    private final ThreadPoolExecutor pool;
    private volatile long timeoutMillis = DEFAULT_TIMEOUT_MILLIS;

    /** Creates the pool (its threads are made on demand and end when idle). */
    public NspCalls() {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(0, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, "ws2-nsp-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Sets the timeout of one provider call.
     *
     * @param millis the timeout, at least 1
     */
    public void timeoutMillis(long millis) {
        timeoutMillis = Math.max(1, millis);
    }

    /**
     * Returns the timeout of one provider call.
     *
     * @return milliseconds
     */
    public long timeoutMillis() {
        return timeoutMillis;
    }

    /** A provider call. */
    @FunctionalInterface
    public interface Call<T> {
        /**
         * Calls the provider.
         *
         * @return its answer
         * @throws WsaException its refusal
         */
        T call() throws WsaException;
    }

    /**
     * Runs a provider call within the timeout.
     *
     * @param <T> its result
     * @param provider the provider, for messages
     * @param function the {@code NSP*} function, for messages
     * @param call the call
     * @return its result
     * @throws WsaException the provider's own code; {@code WSAETIMEDOUT} when it did not return in
     *         time; {@code WSAENETDOWN} when it threw; {@code WSAENOBUFS} when too many calls hang
     */
    public <T> T call(NspService provider, String function, Call<T> call) throws WsaException {
        Future<T> f;
        try {
            f = pool.submit((Callable<T>) call::call);
        } catch (RejectedExecutionException e) {
            throw new WsaException(WsaError.WSAENOBUFS, MAX_THREADS + " namespace provider calls are in flight; "
                    + function + " of " + provider.describe() + " was not started");
        }
        return await(provider, function, f);
    }

    /**
     * Waits for an outcome within the timeout.
     *
     * @param <T> its result
     * @param provider the provider, for messages
     * @param function the function, for messages
     * @param f the outcome
     * @return the result
     * @throws WsaException as {@link #call}
     */
    <T> T await(NspService provider, String function, Future<T> f) throws WsaException {
        try {
            return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            throw new WsaException(WsaError.WSAETIMEDOUT, function + " of namespace provider " + provider.describe()
                    + " did not answer within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            throw new WsaException(WsaError.WSAEINTR, function + " of " + provider.describe() + " was interrupted");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof WsaException) {
                throw (WsaException) cause;
            }
            throw new WsaException(WsaError.WSAENETDOWN, function + " of namespace provider " + provider.describe()
                    + " failed: " + cause, cause);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
