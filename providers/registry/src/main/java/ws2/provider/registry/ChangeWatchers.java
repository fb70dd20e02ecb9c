package ws2.provider.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ws2.api.WsaError;

/**
 * The armed change notifications ({@code SIO_NSP_NOTIFY_CHANGE}, one-shot) of the registry's
 * lookups: after every change it says which listeners to tell, those whose lookup's results
 * differ from what the lookup last saw.
 *
 * <p>Not thread-safe: used only under the {@link ServiceRegistry}'s lock. It never calls a
 * listener; it returns them for the registry to call after the lock is released.
 */
final class ChangeWatchers {
    private final Map<Lookup, Runnable> armed = new LinkedHashMap<>();

    /**
     * Arms a lookup's notification, or returns its listener at once if the results already changed.
     *
     * @param lookup the lookup
     * @param listener told once of the next change
     * @param current the registered instances now
     * @return the listener to call now, or nothing
     * @throws RegistryException {@code WSA_INVALID_HANDLE} for an ended lookup, {@code WSAEINVAL}
     *         if the lookup's notification is armed already
     */
    List<Runnable> arm(Lookup lookup, Runnable listener, Collection<ServiceInstance> current)
            throws RegistryException {
        if (lookup.ended()) {
            throw new RegistryException(WsaError.WSA_INVALID_HANDLE, "the lookup has ended");
        }
        if (armed.containsKey(lookup)) {
            throw new RegistryException(WsaError.WSAEINVAL, "a change notification is already pending on the lookup");
        }
        if (lookup.rebase(lookup.query().results(current))) {
            return List.of(listener);
        }
        armed.put(lookup, listener);
        return List.of();
    }

    /**
     * Disarms the lookups whose results changed.
     *
     * @param current the registered instances after a change
     * @return their listeners, to call once
     */
    List<Runnable> changed(Collection<ServiceInstance> current) {
        List<Runnable> due = new ArrayList<>();
        for (Iterator<Map.Entry<Lookup, Runnable>> it = armed.entrySet().iterator(); it.hasNext();) {
            Map.Entry<Lookup, Runnable> watch = it.next();
            if (watch.getKey().rebase(watch.getKey().query().results(current))) {
                due.add(watch.getValue());
                it.remove();
            }
        }
        return due;
    }

    /**
     * Disarms a lookup without telling it.
     *
     * @param lookup an ended lookup
     */
    void drop(Lookup lookup) {
        armed.remove(lookup);
    }

    /**
     * Disarms every lookup a session began.
     *
     * @param session an ended session
     */
    void dropSession(Session session) {
        armed.keySet().removeIf(lookup -> lookup.session() == session);
    }
}
