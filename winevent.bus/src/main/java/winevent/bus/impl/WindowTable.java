package winevent.bus.impl;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import winevent.AccessibleObject;
import winevent.AccessibleObjectSource;
import winevent.WinEventError;
import winevent.WinEventException;

/**
 * The windows of every client context and the accessible-object lookup over them. Handles are
 * positive, start at 1 and are never reused, so a stale handle never finds a newer window.
 *
 * <p>Thread-safe, without a lock: a concurrent map by handle. A lookup calls the window's source
 * in the caller's thread, holding nothing.
 */
final class WindowTable {
    private final AtomicLong lastHandle = new AtomicLong();
    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * A live window.
     *
     * @param hwnd its handle
     * @param name its name
     * @param owner the context that created it
     * @param source describes its objects
     */
    record Window(long hwnd, String name, Client owner, AccessibleObjectSource source) {
    }

    /** {@code CreateWindow}; see {@link winevent.AccessibleObjects#createWindow}. */
    long create(Client owner, String name, AccessibleObjectSource source) {
        if (name == null || source == null) {
            throw new WinEventException(WinEventError.ERROR_INVALID_PARAMETER,
                    "a window needs a name and a source (name " + name + ", source " + source + ")");
        }
        if (closed) {
            throw new IllegalStateException("the WinEvent bus is stopped");
        }
        long hwnd = lastHandle.incrementAndGet();
        windows.put(hwnd, new Window(hwnd, name, owner, source));
        return hwnd;
    }

    /** {@code DestroyWindow}; see {@link winevent.AccessibleObjects#destroyWindow}. */
    void destroy(Client owner, long hwnd) {
        Window w = windows.get(hwnd);
        if (w == null || w.owner.id() != owner.id() || !windows.remove(hwnd, w)) {
            throw new WinEventException(WinEventError.ERROR_INVALID_HANDLE,
                    "window " + hwnd + " is not a live window of " + owner);
        }
    }

    /** {@code FindWindow}; see {@link winevent.AccessibleObjects#findWindow}: the oldest window of that name. */
    long find(String name) {
        long found = 0;
        for (Window w : windows.values()) {
            if (w.name.equals(name) && (found == 0 || w.hwnd < found)) {
                found = w.hwnd;
            }
        }
        return found;
    }

    /** {@code AccessibleObjectFromEvent}; see {@link winevent.AccessibleObjects#accessibleObjectFromEvent}. */
    AccessibleObject fromEvent(long hwnd, int idObject, int idChild) {
        Window w = windows.get(hwnd);
        if (w == null) {
            throw new WinEventException(WinEventError.ERROR_INVALID_HANDLE, "window " + hwnd + " does not exist");
        }
        AccessibleObject o;
        try {
            o = w.source.get(idObject, idChild);
        } catch (RuntimeException e) {
            WinEventException failure = new WinEventException(WinEventError.ERROR_INVALID_PARAMETER, "the source of "
                    + describe(w) + " failed for object " + idObject + ", child " + idChild + ": " + e);
            failure.initCause(e);
            throw failure;
        }
        if (o == null) {
            throw new WinEventException(WinEventError.ERROR_INVALID_PARAMETER,
                    describe(w) + " has no object " + idObject + ", child " + idChild);
        }
        return o;
    }

    private static String describe(Window w) {
        return "window " + w.hwnd + " '" + w.name + "' of " + w.owner;
    }

    /**
     * Destroys every window of a context (it ended). Idempotent.
     *
     * @param owner the context's ID
     */
    void destroyAll(long owner) {
        windows.values().removeIf(w -> w.owner.id() == owner);
    }

    /**
     * Every live window.
     *
     * @return them by handle
     */
    List<Window> list() {
        return windows.values().stream().sorted(Comparator.comparingLong(Window::hwnd)).toList();
    }

    /** Destroys every window; creating one fails from now on. */
    void close() {
        closed = true;
        windows.clear();
    }
}
