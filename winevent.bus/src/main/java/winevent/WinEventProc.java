package winevent;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The hook callback ({@code WINEVENTPROC}): called for each event a hook accepts, with the seven
 * values Windows passes. In-context hooks are called in the notifying thread, before
 * {@code notifyWinEvent} returns; out-of-context hooks on the hook's own delivery thread, in the
 * order the events were notified. There is no payload: a client that needs details pulls them
 * with {@link AccessibleObjects#accessibleObjectFromEvent}.
 */
@ConsumerType
@FunctionalInterface
public interface WinEventProc {
    /**
     * Handles one event.
     *
     * @param hook the hook this call is for ({@code hWinEventHook})
     * @param event the event ID ({@code event})
     * @param hwnd the window of the object that generated it, 0 if none ({@code hwnd})
     * @param idObject the object: an {@code OBJID_*} value or a positive custom ID ({@code idObject})
     * @param idChild the child, {@link WinEvents#CHILDID_SELF} for the object itself ({@code idChild})
     * @param eventThread the ID of the Java thread that notified it ({@code idEventThread})
     * @param eventTime when it was notified, in milliseconds since the epoch ({@code dwmsEventTime})
     */
    void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread, long eventTime);
}
