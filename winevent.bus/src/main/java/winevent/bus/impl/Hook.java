package winevent.bus.impl;

import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;
import static winevent.WinEvents.WINEVENT_SKIPOWNTHREAD;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import winevent.WinEventHook;
import winevent.WinEventProc;

/**
 * A hook ({@code HWINEVENTHOOK}): its filters, its life (active, isolated, unhooked), and the
 * guarded call of its callback. Subclasses decide where the callback runs.
 *
 * <p>The filters are final fields compared on the notifying thread ({@link #accepts}); the life
 * is one volatile field. A hook's handle is the object itself: only the bus creates them, and
 * {@link #value()} is unique among them.
 */
abstract class Hook implements WinEventHook {
    private static final VarHandle LIFE = VarHandles.field(MethodHandles.lookup(), "life", HookState.class);

    private final Bus bus;
    private final long value;
    private final HookSpec spec;
    private final WinEventProc proc;
    private final long processId;
    private final long threadId;
    private final long skipProcess;
    private final long skipThread;
    private final Failures failures = new Failures();
    /** {@link HookState#ACTIVE}, {@link HookState#ISOLATED} or {@link HookState#UNHOOKED}; moves only forward. */
    private volatile HookState life = HookState.ACTIVE;

    Hook(Bus bus, long value, HookSpec spec) {
        this.bus = bus;
        this.value = value;
        this.spec = spec;
        this.proc = spec.proc();
        this.processId = spec.processId();
        this.threadId = spec.threadId();
        this.skipProcess = (spec.flags() & WINEVENT_SKIPOWNPROCESS) != 0 ? spec.owner().id() : HookSpec.NONE;
        this.skipThread = (spec.flags() & WINEVENT_SKIPOWNTHREAD) != 0 ? spec.ownerThread() : HookSpec.NONE;
    }

    @Override
    public final long value() {
        return value;
    }

    @Override
    public final int eventMin() {
        return spec.eventMin();
    }

    @Override
    public final int eventMax() {
        return spec.eventMax();
    }

    @Override
    public final int flags() {
        return spec.flags();
    }

    final HookSpec spec() {
        return spec;
    }

    /**
     * The filters: four comparisons of final fields.
     *
     * @param process the notifying context's ID
     * @param thread the notifying thread's ID
     * @return true if the hook wants an event from there
     */
    final boolean accepts(long process, long thread) {
        return (processId == 0 || processId == process) && (threadId == 0 || threadId == thread)
                && process != skipProcess && thread != skipThread;
    }

    /**
     * Hands an accepted event to the hook: calls it (in-context) or queues it (out-of-context).
     * Runs on the notifying thread; never throws.
     */
    abstract void deliver(int event, long hwnd, int idObject, int idChild, long thread, long time);

    /**
     * Calls the callback once, in the current thread. What it throws stays here: counted, reported,
     * and the {@link Failures#LIMIT}th failure in a row isolates the hook.
     */
    final void call(int event, long hwnd, int idObject, int idChild, long thread, long time) {
        try {
            proc.onEvent(this, event, hwnd, idObject, idChild, thread, time);
            failures.succeeded();
        } catch (Throwable t) {
            if (failures.failed(this, event, t)) {
                bus.isolate(this, Failures.LIMIT + " consecutive failures of its callback");
            }
        }
    }

    final boolean active() {
        return life == HookState.ACTIVE;
    }

    final HookState life() {
        return life;
    }

    /**
     * Isolates the hook if it is active: no call starts from now on; {@link #cutOff} then frees
     * what it holds.
     *
     * @return true if this call isolated it
     */
    final boolean isolate() {
        if (!LIFE.compareAndSet(this, HookState.ACTIVE, HookState.ISOLATED)) {
            return false;
        }
        cutOff();
        return true;
    }

    /**
     * Ends the hook after it was unhooked: no call starts from now on, then {@link #stop} releases
     * what it holds. Idempotent.
     *
     * @param deadline {@link System#nanoTime()} after which nothing more is awaited
     */
    final void close(long deadline) {
        HookState before = (HookState) LIFE.getAndSet(this, HookState.UNHOOKED);
        if (before != HookState.UNHOOKED) {
            stop(before == HookState.ACTIVE, deadline);
        }
    }

    /** The hook was just isolated: drop what is queued and stop any wait. */
    abstract void cutOff();

    /**
     * The hook was just unhooked.
     *
     * @param wasActive false if it had been isolated before
     * @param deadline {@link System#nanoTime()} after which nothing more is awaited
     */
    abstract void stop(boolean wasActive, long deadline);

    /**
     * Returns the state listings show.
     *
     * @return the state
     */
    abstract HookState state();

    /**
     * Events handed to the callback.
     *
     * @return the count
     */
    abstract long delivered();

    /**
     * Events queued for the callback.
     *
     * @return the count, 0 for an in-context hook
     */
    abstract long pending();

    /**
     * Events dropped for this hook: queue full (a lower bound if several threads dropped at the same
     * instant), or discarded at isolation.
     *
     * @return the count, 0 for an in-context hook
     */
    abstract long dropped();

    /**
     * Failures of the callback since the hook was set.
     *
     * @return the count
     */
    final long failures() {
        return failures.total();
    }

    @Override
    public String toString() {
        return "hook " + value + " of " + spec.owner() + " (" + EventNames.hex(spec.eventMin()) + ".."
                + EventNames.hex(spec.eventMax()) + ", " + (spec.inContext() ? "in-context" : "out-of-context")
                + (spec.moduleName() == null ? "" : ", module " + spec.moduleName()) + ")";
    }
}
