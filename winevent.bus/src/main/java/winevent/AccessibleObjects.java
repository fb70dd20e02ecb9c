package winevent;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The accessible-object lookup: event sources create windows whose objects they describe, and
 * clients turn the triple of an event into details ({@code AccessibleObjectFromEvent}).
 *
 * <p>Bundle-scoped, like {@link WinEventBus}: the windows a bundle creates are destroyed when it
 * stops. Objects are pulled after the event (notify-then-pull): the answer describes the object as
 * it is when asked, which may already differ from what the event announced.
 */
@ProviderType
public interface AccessibleObjects {
    /**
     * Creates a window whose objects {@code source} describes ({@code CreateWindow} plus its
     * {@code WM_GETOBJECT} handling).
     *
     * @param name the window's name, which {@link #findWindow} finds it by
     * @param source describes the window's objects
     * @return the window handle ({@code HWND}), never 0 and never reused
     * @throws WinEventException {@code ERROR_INVALID_PARAMETER} for a null name or source
     */
    long createWindow(String name, AccessibleObjectSource source);

    /**
     * {@code DestroyWindow}: removes a window this client context created.
     *
     * @param hwnd the window
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if it is not a live window of this context
     */
    void destroyWindow(long hwnd);

    /**
     * {@code FindWindow}: the handle of a live window by name.
     *
     * @param name the window's name
     * @return its handle (the oldest, when several have that name), or 0 if none has that name
     */
    long findWindow(String name);

    /**
     * {@code AccessibleObjectFromEvent}: the details of the object of an event.
     *
     * @param hwnd the event's window
     * @param idObject the event's object
     * @param idChild the event's child
     * @return the object as it is now
     * @throws WinEventException {@code ERROR_INVALID_HANDLE} if the window is gone,
     *         {@code ERROR_INVALID_PARAMETER} if it has no such object (any more)
     */
    AccessibleObject accessibleObjectFromEvent(long hwnd, int idObject, int idChild);
}
