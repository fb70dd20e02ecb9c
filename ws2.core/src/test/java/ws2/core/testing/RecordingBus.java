package ws2.core.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.framework.Bundle;

import winevent.AccessibleObject;
import winevent.AccessibleObjectSource;
import winevent.AccessibleObjects;
import winevent.WinEventBus;
import winevent.WinEventHook;
import winevent.WinEventProc;

/** A WinEvent bus that records what the core notifies and keeps the windows it creates. */
public final class RecordingBus implements WinEventBus, AccessibleObjects {
    /**
     * One notification.
     *
     * @param event the event
     * @param hwnd the window
     * @param idObject the object
     * @param idChild the child
     */
    public record Notified(int event, long hwnd, int idObject, int idChild) {
    }

    /** What was notified, in order. */
    public final List<Notified> notified = new CopyOnWriteArrayList<>();
    private final Map<Long, AccessibleObjectSource> windows = new ConcurrentHashMap<>();
    private final Map<String, Long> names = new ConcurrentHashMap<>();
    private final Map<String, Integer> atoms = new ConcurrentHashMap<>();
    private final AtomicLong nextHwnd = new AtomicLong(0x10000);

    @Override
    public long processId() {
        return 1;
    }

    @Override
    public WinEventHook setWinEventHook(int eventMin, int eventMax, Bundle module, WinEventProc proc, long processId,
            long threadId, int flags) {
        throw new UnsupportedOperationException("the core never hooks");
    }

    @Override
    public void unhookWinEvent(WinEventHook hook) {
        throw new UnsupportedOperationException("the core never hooks");
    }

    @Override
    public void notifyWinEvent(int event, long hwnd, int idObject, int idChild) {
        notified.add(new Notified(event, hwnd, idObject, idChild));
    }

    @Override
    public int addAtom(String name) {
        return atoms.computeIfAbsent(name, n -> 0xC000 + atoms.size());
    }

    @Override
    public int findAtom(String name) {
        return atoms.getOrDefault(name, 0);
    }

    @Override
    public String atomName(int atom) {
        return atoms.entrySet().stream().filter(e -> e.getValue() == atom).findFirst().orElseThrow().getKey();
    }

    @Override
    public void deleteAtom(int atom) {
        atoms.values().remove(atom);
    }

    @Override
    public long createWindow(String name, AccessibleObjectSource source) {
        long hwnd = nextHwnd.getAndIncrement();
        windows.put(hwnd, source);
        names.put(name, hwnd);
        return hwnd;
    }

    @Override
    public void destroyWindow(long hwnd) {
        windows.remove(hwnd);
        names.values().remove(hwnd);
    }

    @Override
    public long findWindow(String name) {
        return names.getOrDefault(name, 0L);
    }

    @Override
    public AccessibleObject accessibleObjectFromEvent(long hwnd, int idObject, int idChild) {
        return windows.get(hwnd).get(idObject, idChild);
    }
}
