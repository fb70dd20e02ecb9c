package ws2.core.namespace;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.LookupHandle;
import ws2.api.Overlapped;
import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.socket.HandleTable;
import ws2.core.upcall.EventObject;
import ws2.spi.namespace.NspLookup;

/**
 * One {@code WSALookupServiceBegin} handle: the providers' lookups in namespace order, consumed
 * one provider after another by {@code WSALookupServiceNext}, or the results of the cache.
 *
 * <p>A provider that has no more moves the lookup to the next one; a provider that fails is passed
 * over, and its error is what the lookup ends with if no provider gave a result. A provider removed
 * meanwhile fails one call with {@code WSA_E_CANCELLED}; the next goes on with the next provider. A
 * complete lookup that met no error is cached.
 */
final class Lookup extends HandleTable.Handle implements LookupHandle {
    private static final Logger LOG = LoggerFactory.getLogger(Lookup.class);

    /** Makes a lookup for a handle value. */
    @FunctionalInterface
    interface Maker {
        Lookup make(long value);
    }

    /** One provider's part of the lookup. */
    record Part(NspInstance instance, NspLookup v1, Object v2) {
    }

    final Object owner;
    final QuerySet query;
    final int flags;
    private final ResultCache.Key key;
    private final List<Part> parts;
    private final List<QuerySet> cached;
    private final List<QuerySet> collected = new ArrayList<>();
    private int index;
    private boolean cacheable = true;
    private WsaException firstError;
    private volatile boolean ended;
    private volatile boolean changed;
    private volatile boolean watching;
    private volatile Overlapped pending;
    private volatile Lookup watcher;

    Lookup(long value, Object owner, QuerySet query, int flags, ResultCache.Key key, List<Part> parts,
            List<QuerySet> cached, WsaException soft) {
        super(value);
        this.owner = owner;
        this.query = query;
        this.flags = flags;
        this.key = key;
        this.parts = List.copyOf(parts);
        this.cached = cached;
        this.firstError = soft;
    }

    List<Part> parts() {
        return parts;
    }

    boolean fromCache() {
        return cached != null;
    }

    boolean ended() {
        return ended;
    }

    /**
     * The provider lookup that watches for changes on behalf of a lookup served from the cache.
     *
     * @return it, or null until change notification is asked for
     */
    Lookup watcher() {
        return watcher;
    }

    void watcher(Lookup w) {
        watcher = w;
    }

    /** The next result, see the class comment. */
    synchronized QuerySet next(int flags, NspCalls calls, ResultCache cache) throws WsaException {
        requireOpen();
        if (cached != null) {
            if (index < cached.size()) {
                return cached.get(index++);
            }
            throw WsaException.noMore();
        }
        while (index < parts.size()) {
            Part p = parts.get(index);
            if (p.instance().retired()) {
                cacheable = false;
                index++;
                throw new WsaException(WsaError.WSA_E_CANCELLED, "namespace provider " + p.instance().service.describe()
                        + " was removed during the lookup; the next call goes on with the next provider");
            }
            try {
                QuerySet r = nextOf(p, flags, calls);
                requireOpen();
                collected.add(r);
                return r;
            } catch (WsaException e) {
                requireOpen();
                if (e.error() != WsaError.WSA_E_NO_MORE) {
                    remember(e);
                }
                index++;
            }
        }
        if (collected.isEmpty() && firstError != null) {
            throw firstError;
        }
        if (cacheable && key != null) {
            cache.put(key, collected, System.nanoTime());
        }
        throw WsaException.noMore();
    }

    private static QuerySet nextOf(Part p, int flags, NspCalls calls) throws WsaException {
        NspService s = p.instance().service;
        if (p.v1() != null) {
            return calls.call(s, "NSPLookupServiceNext", () -> p.v1().next(flags));
        }
        AsyncCallImpl<QuerySet> call = new AsyncCallImpl<>();
        calls.call(s, "NSPv2LookupServiceNextEx", () -> {
            p.instance().v2().lookupServiceNextEx(call, p.v2(), flags);
            return null;
        });
        return calls.await(s, "NSPv2LookupServiceNextEx", call.outcome);
    }

    private void remember(WsaException e) {
        cacheable = false;
        if (firstError == null || isSoft(firstError) && !isSoft(e)) {
            firstError = e;
        }
    }

    /** Errors that mean "this provider knows nothing of it": the next provider may. */
    static boolean isSoft(WsaException e) {
        WsaError c = e.error();
        return c == WsaError.WSASERVICE_NOT_FOUND || c == WsaError.WSANO_DATA || c == WsaError.WSAHOST_NOT_FOUND
                || c == WsaError.WSATYPE_NOT_FOUND;
    }

    private void requireOpen() throws WsaException {
        if (ended) {
            throw new WsaException(WsaError.WSA_E_CANCELLED, "lookup " + value() + " was ended");
        }
    }

    /**
     * {@code SIO_NSP_NOTIFY_CHANGE}: polls, or arms an overlapped completion.
     *
     * @param overlapped null to poll
     * @throws WsaException {@code WSAEWOULDBLOCK} (poll, no change), {@code WSA_IO_PENDING}
     */
    void notifyChange(Overlapped overlapped, NspCalls calls) throws WsaException {
        requireOpen();
        if (parts.size() != 1) {
            throw new WsaException(WsaError.WSAEINVAL, "change notification needs a lookup of exactly one namespace"
                    + " provider; this one spans " + parts.size());
        }
        if (overlapped == null) {
            if (changed) {
                changed = false;
                if (!watching) {
                    watch(calls);
                }
                return;
            }
            if (!watching) {
                watch(calls);
            }
            if (changed) {
                changed = false;
                return;
            }
            throw WsaException.wouldBlock();
        }
        overlapped.begin();
        pending = overlapped;
        if (changed) {
            changed = false;
            completePending(0);
        } else if (!watching) {
            watch(calls);
        }
        throw WsaException.ioPending();
    }

    /** Arms the provider's one-shot notification; it may fire during the call. */
    private void watch(NspCalls calls) throws WsaException {
        Part p = parts.get(0);
        NspService s = p.instance().service;
        Runnable onChange = this::changed;
        watching = true;
        try {
            calls.call(s, "NSPIoctl(SIO_NSP_NOTIFY_CHANGE)", () -> {
                if (p.v1() != null) {
                    p.v1().notifyChange(onChange);
                } else {
                    p.instance().v2().notifyChange(p.v2(), onChange);
                }
                return null;
            });
        } catch (WsaException e) {
            watching = false;
            throw e;
        }
    }

    private void changed() {
        changed = true;
        watching = false;
        if (pending != null) {
            changed = false;
            completePending(0);
        }
    }

    private void completePending(int error) {
        Overlapped ov = pending;
        pending = null;
        if (ov != null) {
            ov.complete(error, 0, 0);
            if (ov.event() instanceof EventObject && !((EventObject) ov.event()).isReleased()) {
                ((EventObject) ov.event()).set();
            }
        }
    }

    /** {@code WSALookupServiceEnd}: marks the lookup ended, aborts a pending notification, ends every part. */
    void end(NspCalls calls) {
        ended = true;
        completePending(WsaError.WSA_OPERATION_ABORTED.code());
        Lookup w = watcher;
        if (w != null) {
            w.end(calls);
        }
        for (Part p : parts) {
            NspService s = p.instance().service;
            try {
                calls.call(s, "NSPLookupServiceEnd", () -> {
                    if (p.v1() != null) {
                        p.v1().end();
                    } else {
                        p.instance().v2().lookupServiceEnd(p.v2());
                    }
                    return null;
                });
            } catch (WsaException e) {
                LOG.debug("Ending lookup {} in {}: {}", value(), s.describe(), e.getMessage());
            }
        }
    }
}
