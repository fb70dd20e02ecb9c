package ws2.provider.registry;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.QuerySet;
import ws2.api.WsaError;

/**
 * The registered service instances every client context shares, in registration order.
 *
 * <p>Changes ({@code NSPv2SetServiceEx}, the end of a session, arming a notification) run under
 * one lock, build a new immutable map and publish it with one volatile write; lookups read the
 * published map without the lock. Change listeners are called after the lock is released, on the
 * thread that made the change; one that throws is logged and the others are still told.
 */
final class ServiceRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRegistry.class);

    private final Object lock = new Object();
    private final ChangeWatchers watchers = new ChangeWatchers();
    private volatile Map<ServiceKey, ServiceInstance> services = Map.of();

    /**
     * {@code NSPv2SetServiceEx}: applies an operation to the instance the call names.
     *
     * @param operation the operation
     * @param given the instance of the call
     * @param multiple whether {@code SERVICE_MULTIPLE} was given
     * @throws RegistryException {@code WSASERVICE_NOT_FOUND} when DEREGISTER or DELETE finds nothing
     */
    void set(SetOperation operation, ServiceInstance given, boolean multiple) throws RegistryException {
        List<Runnable> due;
        synchronized (lock) {
            Map<ServiceKey, ServiceInstance> next = new LinkedHashMap<>(services);
            ServiceKey key = given.key();
            ServiceInstance kept = operation.apply(next.get(key), given, multiple);
            if (kept == null) {
                next.remove(key);
            } else {
                next.put(key, kept);
            }
            due = publish(next);
        }
        tell(due);
    }

    /**
     * {@code NSPv2Cleanup} or {@code NSPv2ClientSessionRundown}: removes the instances the session
     * owns and disarms its lookups' notifications.
     *
     * @param session the ended session
     */
    void endSession(Session session) {
        List<Runnable> due;
        synchronized (lock) {
            watchers.dropSession(session);
            Map<ServiceKey, ServiceInstance> next = new LinkedHashMap<>(services);
            next.values().removeIf(instance -> instance.owner() == session);
            due = publish(next);
        }
        tell(due);
    }

    /**
     * {@code NSPv2LookupServiceBegin}: answers a query from the instances registered now.
     *
     * @param query the query
     * @param session the session asking, or null
     * @return the lookup holding the results
     * @throws RegistryException {@code WSASERVICE_NOT_FOUND} when no instance matches
     */
    Lookup begin(Query query, Session session) throws RegistryException {
        List<QuerySet> results = query.results(services.values());
        if (results.isEmpty()) {
            throw new RegistryException(WsaError.WSASERVICE_NOT_FOUND, "no registered service matches: "
                    + query);
        }
        return new Lookup(query, session, results);
    }

    /**
     * Arms a lookup's one-shot change notification.
     *
     * @param lookup the lookup
     * @param listener told once when the lookup's results change
     * @throws RegistryException {@code WSA_INVALID_HANDLE} for an ended lookup, {@code WSAEINVAL}
     *         if one is armed already
     */
    void watch(Lookup lookup, Runnable listener) throws RegistryException {
        List<Runnable> due;
        synchronized (lock) {
            due = watchers.arm(lookup, listener, services.values());
        }
        tell(due);
    }

    /**
     * {@code NSPv2LookupServiceEnd}: ends the lookup and drops its pending notification.
     *
     * @param lookup the lookup
     */
    void end(Lookup lookup) {
        lookup.end();
        synchronized (lock) {
            watchers.drop(lookup);
        }
    }

    private List<Runnable> publish(Map<ServiceKey, ServiceInstance> next) {
        services = Collections.unmodifiableMap(next);
        return watchers.changed(next.values());
    }

    private static void tell(List<Runnable> due) {
        for (Runnable listener : due) {
            try {
                listener.run();
            } catch (Throwable e) {
                LOG.error("change listener {} failed", listener, e);
            }
        }
    }
}
