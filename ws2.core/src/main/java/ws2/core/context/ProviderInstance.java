package ws2.core.context;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.core.provider.ProviderService;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.SocketLease;
import ws2.spi.transport.WspDispatch;

/**
 * One started provider in one client context: the result of one {@code WSPStartup}, balanced by
 * exactly one {@code WSPCleanup}.
 *
 * <p>Every socket made through it holds a lease. When the instance is retired (its context cleans
 * up, or its provider service goes away) it calls {@code WSPCleanup} as soon as no socket holds a
 * lease any more: sockets already open keep working on the provider version that opened them.
 */
final class ProviderInstance implements SocketLease {
    private static final Logger LOG = LoggerFactory.getLogger(ProviderInstance.class);

    private final ProviderService service;
    private final WspDispatch dispatch;
    private final String contextName;
    private final AtomicInteger leases = new AtomicInteger();
    private final AtomicBoolean cleanedUp = new AtomicBoolean();
    private volatile boolean retired;

    ProviderInstance(ProviderService service, WspDispatch dispatch, String contextName) {
        this.service = service;
        this.dispatch = dispatch;
        this.contextName = contextName;
    }

    ProviderService service() {
        return service;
    }

    WspDispatch dispatch() {
        return dispatch;
    }

    boolean isRetired() {
        return retired;
    }

    /** Takes a lease before a socket is created, so a concurrent retirement waits for it. */
    void acquire() {
        leases.incrementAndGet();
    }

    @Override
    public void released(CoreSocket socket) {
        release();
    }

    /** Gives a lease back: its socket closed, or its creation failed. */
    void release() {
        if (leases.decrementAndGet() == 0 && retired) {
            cleanup();
        }
    }

    /** Marks the instance as done: no new sockets; cleanup once the last lease is released. */
    void retire() {
        retired = true;
        if (leases.get() == 0) {
            cleanup();
        }
    }

    private void cleanup() {
        if (!cleanedUp.compareAndSet(false, true)) {
            return;
        }
        try {
            dispatch.cleanup();
            LOG.debug("WSPCleanup of {} for client context {}", service.describe(), contextName);
        } catch (Exception e) {
            LOG.warn("WSPCleanup of {} for client context {} failed: {}", service.describe(), contextName, e.toString());
        }
    }
}
