package winevent.bus.impl;

import java.util.ArrayList;
import java.util.List;

import winevent.WinEventHook;
import winevent.WinEventProc;

/** A callback that records every call with the thread it ran on. Thread-safe. */
class Recorder implements WinEventProc {
    /** One recorded call. */
    record Call(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread, long eventTime,
            Thread ranOn) {
    }

    private final List<Call> calls = new ArrayList<>();

    @Override
    public void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread,
            long eventTime) {
        synchronized (calls) {
            calls.add(new Call(hook, event, hwnd, idObject, idChild, eventThread, eventTime, Thread.currentThread()));
        }
    }

    List<Call> calls() {
        synchronized (calls) {
            return new ArrayList<>(calls);
        }
    }

    int count() {
        synchronized (calls) {
            return calls.size();
        }
    }

    List<Integer> children() {
        return calls().stream().map(Call::idChild).toList();
    }

    void awaitCount(int n) {
        Await.until(n + " calls recorded", () -> count() >= n);
    }
}
