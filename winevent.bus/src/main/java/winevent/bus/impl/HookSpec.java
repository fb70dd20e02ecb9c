package winevent.bus.impl;

import static winevent.WinEvents.EVENT_MIN;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;
import static winevent.WinEvents.WINEVENT_SKIPOWNTHREAD;

import org.osgi.framework.Bundle;

import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEventProc;

/**
 * The arguments of one {@code SetWinEventHook}, checked: what a hook is, apart from its handle
 * value and its delivery.
 *
 * @param owner the client context that set the hook
 * @param eventMin the lowest event ID
 * @param eventMax the highest event ID
 * @param moduleId the bundle ID of the module, {@link #NONE} without one
 * @param moduleName the module as listings show it, null without one
 * @param proc the callback
 * @param processId events of this context only, 0 for all
 * @param threadId events of this thread only, 0 for all
 * @param flags the {@code WINEVENT_*} bits
 * @param ownerThread the thread that set the hook, for {@code WINEVENT_SKIPOWNTHREAD}
 */
record HookSpec(Client owner, int eventMin, int eventMax, long moduleId, String moduleName, WinEventProc proc,
        long processId, long threadId, int flags, long ownerThread) {
    /** Stands for "no bundle" and "no thread": bundle and thread IDs are never negative. */
    static final long NONE = -1;
    private static final int KNOWN_FLAGS = WINEVENT_SKIPOWNTHREAD | WINEVENT_SKIPOWNPROCESS | WINEVENT_INCONTEXT;
    private static final int BOTH_SKIPS = WINEVENT_SKIPOWNTHREAD | WINEVENT_SKIPOWNPROCESS;

    /**
     * Checks the arguments of {@code setWinEventHook} in the calling thread.
     *
     * @param owner the calling context
     * @param eventMin the lowest event ID
     * @param eventMax the highest event ID
     * @param module the module bundle, or null
     * @param proc the callback
     * @param processId the process filter
     * @param threadId the thread filter
     * @param flags the flags
     * @return the checked specification, with the calling thread as owner thread
     * @throws WinEventException with the code {@code setWinEventHook} documents for the first bad value
     */
    static HookSpec of(Client owner, int eventMin, int eventMax, Bundle module, WinEventProc proc, long processId,
            long threadId, int flags) {
        // Every int is at most EVENT_MAX (0x7FFFFFFF), so eventMin <= eventMax also bounds eventMax.
        if (eventMin < EVENT_MIN || eventMin > eventMax) {
            throw new WinEventException(WinEventError.ERROR_INVALID_HOOK_FILTER, "event range "
                    + EventNames.hex(eventMin) + ".." + EventNames.hex(eventMax) + " is empty or starts below EVENT_MIN");
        }
        if (proc == null) {
            throw new WinEventException(WinEventError.ERROR_INVALID_FILTER_PROC, "the callback is null");
        }
        if ((flags & ~KNOWN_FLAGS) != 0 || (flags & BOTH_SKIPS) == BOTH_SKIPS) {
            throw new WinEventException(WinEventError.ERROR_INVALID_FLAGS, "flags 0x" + Integer.toHexString(flags)
                    + " are not INCONTEXT or OUTOFCONTEXT with at most one of SKIPOWNPROCESS and SKIPOWNTHREAD");
        }
        if ((flags & WINEVENT_INCONTEXT) != 0 && module == null) {
            throw new WinEventException(WinEventError.ERROR_HOOK_NEEDS_HMOD,
                    "an in-context hook needs the bundle that holds its callback");
        }
        long moduleId = module == null ? NONE : module.getBundleId();
        String moduleName = module == null ? null : module.getSymbolicName() + " [" + moduleId + "]";
        return new HookSpec(owner, eventMin, eventMax, moduleId, moduleName, proc, processId, threadId, flags,
                Thread.currentThread().getId());
    }

    /**
     * Tells whether the hook is called in the notifying thread.
     *
     * @return true for {@code WINEVENT_INCONTEXT}
     */
    boolean inContext() {
        return (flags & WINEVENT_INCONTEXT) != 0;
    }
}
