package winevent;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * The WinEvent functions of {@code user32} and the global atom table, for one client context.
 *
 * <p>The service is bundle-scoped: the bundle that gets it is the "process" of Windows. Its
 * {@link #processId()} filters hooks and marks its notifications, and its hooks and atoms are
 * removed when it stops (Windows leaks global atoms; ws2 does not).
 *
 * <h2>Cost</h2>
 * {@link #notifyWinEvent} for an event no hook wants costs a few nanoseconds and allocates nothing:
 * an exact per-ID interest index is tested before anything else happens. Out-of-context hooks never
 * make the notifier wait: each has a bounded queue and its own delivery thread.
 *
 * <h2>Failures</h2>
 * Every function reports a bad argument with a {@link WinEventException} carrying the Win32 code
 * Windows uses for it.
 */
@ProviderType
public interface WinEventBus {
    /**
     * Returns this client context's process ID: its bundle's ID.
     *
     * @return the ID other hooks filter on
     */
    long processId();

    /**
     * {@code SetWinEventHook}: calls {@code proc} for every event in {@code [eventMin, eventMax]}
     * that passes the filters.
     *
     * @param eventMin lowest event ID, at least {@link WinEvents#EVENT_MIN}
     * @param eventMax highest event ID, at most {@link WinEvents#EVENT_MAX}; the range is inclusive
     *        and may span any categories
     * @param module the bundle holding the callback; required with {@link WinEvents#WINEVENT_INCONTEXT};
     *        the hook goes away when it stops (a module that is not active is accepted: its hook
     *        then lives until its owner unhooks it or stops)
     * @param proc the callback
     * @param processId events of this client context only; 0 for all
     * @param threadId events notified by this Java thread only; 0 for all
     * @param flags {@code WINEVENT_OUTOFCONTEXT} or {@code WINEVENT_INCONTEXT}, optionally with
     *        {@code WINEVENT_SKIPOWNPROCESS} or {@code WINEVENT_SKIPOWNTHREAD}
     * @return the hook
     * @throws WinEventException {@code ERROR_INVALID_HOOK_FILTER} if {@code eventMin > eventMax} or
     *         either is out of range, {@code ERROR_INVALID_FILTER_PROC} for a null callback,
     *         {@code ERROR_HOOK_NEEDS_HMOD} for an in-context hook without a module,
     *         {@code ERROR_INVALID_FLAGS} for unknown flag bits or for {@code WINEVENT_SKIPOWNPROCESS}
     *         together with {@code WINEVENT_SKIPOWNTHREAD} (not a combination Windows documents)
     * @throws IllegalStateException if the bus has stopped
     */
    WinEventHook setWinEventHook(int eventMin, int eventMax, Bundle module, WinEventProc proc, long processId,
            long threadId, int flags);

    /**
     * {@code UnhookWinEvent}: removes a hook of this client context; events still queued for an
     * out-of-context hook are dropped. A callback may unhook its own hook.
     *
     * <p>For an out-of-context hook, when this returns the callback is not running and will not run
     * again: if its delivery thread is inside the callback, this waits for it to return (at most the
     * bus's stall timeout, after which the callback is abandoned and never called again), so a
     * callback must not wait for the thread that unhooks it. For an in-context hook, no call starts
     * in a notify that happens after this returns; calls already running on other threads finish.
     * A hook the bus isolated (stalled or failing) is unhooked normally.
     *
     * @param hook the hook
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if the hook was already removed or is not
     *         this client context's
     */
    void unhookWinEvent(WinEventHook hook);

    /**
     * {@code NotifyWinEvent}: announces that an event happened (always after the change). In-context
     * hooks run before this returns; out-of-context hooks get the event queued.
     *
     * @param event the event ID
     * @param hwnd the window of the object, 0 if none
     * @param idObject the object ({@code OBJID_*} or a positive custom ID)
     * @param idChild the child, {@link WinEvents#CHILDID_SELF} for the object itself
     * @throws WinEventException {@code ERROR_INVALID_PARAMETER} for an ID in no defined range or an
     *         atom not allocated; {@code ERROR_ACCESS_DENIED} for a system-reserved ID from a client
     *         that is not the system
     */
    void notifyWinEvent(int event, long hwnd, int idObject, int idChild);

    /**
     * {@code GlobalAddAtom}: allocates an event ID in the atom range for a string (a GUID, by
     * convention), or returns the ID the string already has and counts one more reference for this
     * client context. Strings compare case-insensitively; the first spelling is kept.
     *
     * @param name at most 255 characters, not of the {@code #digits} form
     * @return an ID in {@code 0xC000..0xFFFF}
     * @throws WinEventException {@code ERROR_INVALID_PARAMETER} for a bad name,
     *         {@code ERROR_NOT_ENOUGH_MEMORY} when all 16,384 IDs are in use
     */
    int addAtom(String name);

    /**
     * {@code GlobalFindAtom}: looks a string up without changing any reference count.
     *
     * @param name the string, compared case-insensitively
     * @return its ID, or 0 if no atom has it (also for null or a name no atom could have)
     */
    int findAtom(String name);

    /**
     * {@code GlobalGetAtomName}: the string of an atom, as first added.
     *
     * @param atom an ID in the atom range
     * @return the string
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if no atom has that ID
     */
    String atomName(int atom);

    /**
     * {@code GlobalDeleteAtom}: releases one reference this client context holds; the ID is freed
     * when no reference is left.
     *
     * @param atom the ID
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if this client context holds no reference
     *         to it
     */
    void deleteAtom(int atom);
}
