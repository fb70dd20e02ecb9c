package winevent.bus.impl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEventHook;
import winevent.WinEventProc;

/**
 * The WinEvent engine, without OSGi: hooks, the notify path and the atom table, shared by every
 * client context (the {@link BusClient} facades).
 *
 * <h2>Control plane</h2>
 * Setting, unhooking and isolating hooks and changing atoms happen under one lock, which rebuilds
 * the {@link HookIndex} and publishes it with one volatile write. No callback ever runs under
 * the lock.
 *
 * <h2>Notify path</h2>
 * {@link #notifyEvent} reads the index once, classifies the ID from a static table, tests one bit and
 * returns when no hook wants the ID: no lock, no allocation, no map lookup. Otherwise it walks
 * the ID's hooks in registration order, compares their filters, reads the clock once (only if
 * some hook accepts: a {@link CoarseClock}), and calls in-context hooks or queues for out-of-context ones. Hooks of one
 * event are therefore served in the order they were set, whatever their mode.
 */
final class Bus {
    private static final Logger LOG = LoggerFactory.getLogger(Bus.class);

    private final Object lock = new Object();
    /** Active and isolated hooks, in registration order; guarded by {@link #lock}. */
    private final List<Hook> listed = new ArrayList<>();
    /** Guarded by {@link #lock}. */
    private final AtomTable atoms = new AtomTable();
    /** Guarded by {@link #lock}. */
    private long lastHook;
    /** Guarded by {@link #lock}. */
    private boolean closed;
    private final CoarseClock clock = new CoarseClock();
    private volatile HookIndex index = HookIndex.EMPTY;
    private volatile Settings settings;

    /**
     * Creates an empty bus.
     *
     * @param settings the configuration
     */
    Bus(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /**
     * Changes the configuration: the stall timeout at once, the ring size for hooks set later.
     *
     * @param next the configuration
     */
    void configure(Settings next) {
        settings = next;
    }

    /** {@code SetWinEventHook} for a context; see {@link winevent.WinEventBus#setWinEventHook}. */
    WinEventHook setHook(Client owner, int eventMin, int eventMax, Bundle module, WinEventProc proc, long processId,
            long threadId, int flags) {
        HookSpec spec = HookSpec.of(owner, eventMin, eventMax, module, proc, processId, threadId, flags);
        synchronized (lock) {
            checkOpen();
            long value = ++lastHook;
            Hook h;
            if (spec.inContext()) {
                h = new InContextHook(this, value, spec);
            } else {
                QueuedHook q = new QueuedHook(this, value, spec, settings.queueCapacity());
                q.start();
                h = q;
            }
            listed.add(h);
            publishHooks();
            return h;
        }
    }

    /** {@code UnhookWinEvent} for a context; see {@link winevent.WinEventBus#unhookWinEvent}. */
    void unhook(Client owner, WinEventHook handle) {
        Hook h;
        synchronized (lock) {
            h = handle instanceof Hook ? (Hook) handle : null;
            if (h == null || h.spec().owner().id() != owner.id() || !listed.remove(h)) {
                throw new WinEventException(WinEventError.ERROR_INVALID_HANDLE, (handle == null ? "null" : handle)
                        + " is not a hook of " + owner + ", or was already removed");
            }
            publishHooks();
        }
        h.close(deadline());
    }

    /**
     * {@code NotifyWinEvent}; see {@link winevent.WinEventBus#notifyWinEvent}.
     *
     * @param from the notifying context
     * @param event the event ID
     * @param hwnd the window
     * @param idObject the object
     * @param idChild the child
     */
    void notifyEvent(Client from, int event, long hwnd, int idObject, int idChild) {
        if (!EventRanges.inTable(event)) {
            throw EventRanges.undefined(event);
        }
        HookIndex s = index;
        byte kind = EventRanges.kind(event);
        if (kind != EventRanges.OPEN) {
            check(kind, event, from, s);
        }
        if (s.wanted(event)) {
            dispatch(s.hooks(event), from.id(), event, hwnd, idObject, idChild, clock);
        }
    }

    /* Kept small so it inlines into notify; the failures are built out of line. */
    private static void check(byte kind, int event, Client from, HookIndex s) {
        if (kind == EventRanges.RESERVED) {
            if (!from.system()) {
                throw denied(event, from);
            }
        } else if (kind != EventRanges.ATOM) {
            throw EventRanges.undefined(event);
        } else if (!s.allocated(event)) {
            throw unallocated(event);
        }
    }

    private static WinEventException denied(int event, Client from) {
        return new WinEventException(WinEventError.ERROR_ACCESS_DENIED,
                "event " + EventNames.hex(event) + " is system reserved and " + from + " is not the system");
    }

    private static WinEventException unallocated(int event) {
        return new WinEventException(WinEventError.ERROR_INVALID_PARAMETER,
                "event " + EventNames.hex(event) + " is in the atom range but no such atom is allocated");
    }

    private static void dispatch(Hook[] hooks, long process, int event, long hwnd, int idObject, int idChild,
            CoarseClock clock) {
        long thread = Thread.currentThread().getId();
        long time = 0;
        boolean timed = false;
        for (Hook h : hooks) {
            if (h.accepts(process, thread)) {
                if (!timed) {
                    time = clock.millis();
                    timed = true;
                }
                h.deliver(event, hwnd, idObject, idChild, thread, time);
            }
        }
    }

    /**
     * Isolates a hook: it receives nothing more, its backlog is discarded, it stays listed.
     * Called by the watchdog and by a hook whose callback failed too often; idempotent.
     *
     * @param h the hook
     * @param reason why, for the log
     */
    void isolate(Hook h, String reason) {
        long pending = h.pending();
        if (!h.isolate()) {
            return;
        }
        synchronized (lock) {
            publishHooks();
        }
        LOG.error("{} is isolated: {}. It receives nothing more and stays listed as ISOLATED until {} unhooks it or"
                + " stops. Pending {} (discarded), delivered {}, dropped {} (with the discarded), failures {}",
                h, reason, h.spec().owner(), pending, h.delivered(), h.dropped(), h.failures());
    }

    /** {@code GlobalAddAtom}; see {@link winevent.WinEventBus#addAtom}. */
    int addAtom(Client context, String name) {
        synchronized (lock) {
            checkOpen();
            int atom = atoms.add(context.id(), name);
            publishAtoms();
            return atom;
        }
    }

    /** {@code GlobalFindAtom}; see {@link winevent.WinEventBus#findAtom}. */
    int findAtom(String name) {
        synchronized (lock) {
            return atoms.find(name);
        }
    }

    /** {@code GlobalGetAtomName}; see {@link winevent.WinEventBus#atomName}. */
    String atomName(int atom) {
        synchronized (lock) {
            return atoms.name(atom);
        }
    }

    /** {@code GlobalDeleteAtom}; see {@link winevent.WinEventBus#deleteAtom}. */
    void deleteAtom(Client context, int atom) {
        synchronized (lock) {
            atoms.delete(context.id(), atom);
            publishAtoms();
        }
    }

    /**
     * Releases what a context holds: its hooks (and, when its bundle stops, the hooks whose module
     * it is) and its atom references. Idempotent.
     *
     * @param context the context's ID
     * @param asModule also remove the hooks whose module is that bundle
     */
    void release(long context, boolean asModule) {
        List<Hook> removed = new ArrayList<>();
        synchronized (lock) {
            for (Iterator<Hook> it = listed.iterator(); it.hasNext();) {
                Hook h = it.next();
                if (h.spec().owner().id() == context || asModule && h.spec().moduleId() == context) {
                    removed.add(h);
                    it.remove();
                }
            }
            atoms.releaseAll(context);
            publishHooks();
        }
        closeAll(removed);
    }

    /** Stops the bus: every hook is removed and its thread ended; calls that change anything fail from now on. */
    void close() {
        List<Hook> removed;
        synchronized (lock) {
            closed = true;
            clock.close();
            removed = new ArrayList<>(listed);
            listed.clear();
            index = HookIndex.EMPTY;
        }
        closeAll(removed);
    }

    private void closeAll(List<Hook> hooks) {
        long deadline = deadline();
        for (Hook h : hooks) {
            h.close(deadline);
        }
    }

    private long deadline() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.stallTimeoutMillis());
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the WinEvent bus is stopped");
        }
    }

    /* Both run under the lock and publish with one volatile write. */
    private void publishHooks() {
        List<Hook> active = new ArrayList<>(listed.size());
        for (Hook h : listed) {
            if (h.active()) {
                active.add(h);
            }
        }
        index = HookIndex.of(active, atoms.allocated());
    }

    private void publishAtoms() {
        HookIndex s = index;
        if (s.atoms() != atoms.allocated()) {
            index = s.withAtoms(atoms.allocated());
        }
    }

    /**
     * The published index, for the watchdog.
     *
     * @return the current snapshot
     */
    HookIndex index() {
        return index;
    }

    /**
     * Every listed hook (active or isolated), in registration order.
     *
     * @return a copy
     */
    List<Hook> hooks() {
        synchronized (lock) {
            return List.copyOf(listed);
        }
    }

    /**
     * Every allocated atom.
     *
     * @return the entries, by ID
     */
    List<AtomTable.Entry> atoms() {
        synchronized (lock) {
            return atoms.entries();
        }
    }
}
