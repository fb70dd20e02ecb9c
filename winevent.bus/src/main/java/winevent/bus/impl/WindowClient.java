package winevent.bus.impl;

import winevent.AccessibleObject;
import winevent.AccessibleObjectSource;
import winevent.AccessibleObjects;

/**
 * One client context's {@link AccessibleObjects}: the {@link WindowTable} seen from that context,
 * which owns the windows it creates.
 */
final class WindowClient implements AccessibleObjects {
    private final WindowTable windows;
    private final Client client;

    WindowClient(WindowTable windows, Client client) {
        this.windows = windows;
        this.client = client;
    }

    @Override
    public long createWindow(String name, AccessibleObjectSource source) {
        return windows.create(client, name, source);
    }

    @Override
    public void destroyWindow(long hwnd) {
        windows.destroy(client, hwnd);
    }

    @Override
    public long findWindow(String name) {
        return windows.find(name);
    }

    @Override
    public AccessibleObject accessibleObjectFromEvent(long hwnd, int idObject, int idChild) {
        return windows.fromEvent(hwnd, idObject, idChild);
    }

    @Override
    public String toString() {
        return "AccessibleObjects of " + client;
    }
}
