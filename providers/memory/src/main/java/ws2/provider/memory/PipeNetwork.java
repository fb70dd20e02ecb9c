package ws2.provider.memory;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * What the sockets of one provider instance share across client contexts: the names sockets are
 * bound to ({@code WSPBind}), looked up by {@code WSPConnect}, and the one-use tokens of
 * {@code WSPDuplicateSocket}, redeemed by {@code WSPSocket} in another context.
 *
 * <p>Thread-safe; it holds no endpoint lock and calls no endpoint, so endpoints use it under their
 * own locks.
 */
final class PipeNetwork {
    /** Names given to sockets bound to an empty name or connected unbound. */
    private static final String AUTO_PREFIX = "ws2-memory-";

    private final ConcurrentMap<String, Endpoint> names = new ConcurrentHashMap<>();
    private final ConcurrentMap<Integer, Endpoint> shared = new ConcurrentHashMap<>();
    private final AtomicLong lastAutoName = new AtomicLong();

    /**
     * Binds a name.
     *
     * @param name a non-empty name
     * @param endpoint the socket taking it
     * @return the name
     * @throws WsaException {@code WSAEADDRINUSE} if another socket has it
     */
    String bind(String name, Endpoint endpoint) throws WsaException {
        if (names.putIfAbsent(name, endpoint) != null) {
            throw new WsaException(WsaError.WSAEADDRINUSE, "WSPBind: the AF_UNIX name '" + name + "' is in use");
        }
        return name;
    }

    /**
     * Binds a name no socket has, as binding to port 0 does.
     *
     * @param endpoint the socket taking it
     * @return the name
     */
    String bindUnique(Endpoint endpoint) {
        while (true) {
            String name = AUTO_PREFIX + lastAutoName.incrementAndGet();
            if (names.putIfAbsent(name, endpoint) == null) {
                return name; // a retry only when an application bound this very name itself
            }
        }
    }

    /**
     * Finds the socket bound to a name.
     *
     * @param name the name
     * @return the socket, or null
     */
    Endpoint lookup(String name) {
        return names.get(name);
    }

    /**
     * Frees a name, if this socket holds it.
     *
     * @param name the name, or null for an unbound socket
     * @param endpoint the socket
     */
    void release(String name, Endpoint endpoint) {
        if (name != null) {
            names.remove(name, endpoint);
        }
    }

    /**
     * Makes a duplicated-socket token for {@code providerReserved}; it holds a reference the caller
     * took on the socket until {@link #redeem} hands it on.
     *
     * @param endpoint the shared socket
     * @return a token other than 0
     */
    int share(Endpoint endpoint) {
        while (true) {
            int token = ThreadLocalRandom.current().nextInt();
            if (token != 0 && shared.putIfAbsent(token, endpoint) == null) {
                return token;
            }
        }
    }

    /**
     * Takes a token: each one opens the shared socket once.
     *
     * @param token the {@code providerReserved} of a duplicated protocol info
     * @return the socket, or null if the token is unknown or was used
     */
    Endpoint redeem(int token) {
        return shared.remove(token);
    }
}
