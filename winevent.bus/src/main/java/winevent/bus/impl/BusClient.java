package winevent.bus.impl;

import org.osgi.framework.Bundle;

import winevent.WinEventBus;
import winevent.WinEventHook;
import winevent.WinEventProc;

/**
 * One client context's {@link WinEventBus}: the {@link Bus} seen from that context, which every
 * call names as caller (owner of hooks and atom references, source of notifications).
 */
final class BusClient implements WinEventBus {
    private final Bus bus;
    private final Client client;

    BusClient(Bus bus, Client client) {
        this.bus = bus;
        this.client = client;
    }

    @Override
    public long processId() {
        return client.id();
    }

    @Override
    public WinEventHook setWinEventHook(int eventMin, int eventMax, Bundle module, WinEventProc proc, long processId,
            long threadId, int flags) {
        return bus.setHook(client, eventMin, eventMax, module, proc, processId, threadId, flags);
    }

    @Override
    public void unhookWinEvent(WinEventHook hook) {
        bus.unhook(client, hook);
    }

    @Override
    public void notifyWinEvent(int event, long hwnd, int idObject, int idChild) {
        bus.notifyEvent(client, event, hwnd, idObject, idChild);
    }

    @Override
    public int addAtom(String name) {
        return bus.addAtom(client, name);
    }

    @Override
    public int findAtom(String name) {
        return bus.findAtom(name);
    }

    @Override
    public String atomName(int atom) {
        return bus.atomName(atom);
    }

    @Override
    public void deleteAtom(int atom) {
        bus.deleteAtom(client, atom);
    }

    @Override
    public String toString() {
        return "WinEventBus of " + client;
    }
}
