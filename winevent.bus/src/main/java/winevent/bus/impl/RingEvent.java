package winevent.bus.impl;

/**
 * One event moved out of an {@link EventRing} by its consumer: a mutable holder the delivery
 * thread reuses, so taking an event allocates nothing and the callback runs without a reference
 * to the ring (which an isolation can then free). Confined to the delivery thread.
 */
final class RingEvent {
    int event;
    long hwnd;
    int idObject;
    int idChild;
    long thread;
    long time;

    void set(int event, long hwnd, int idObject, int idChild, long thread, long time) {
        this.event = event;
        this.hwnd = hwnd;
        this.idObject = idObject;
        this.idChild = idChild;
        this.thread = thread;
        this.time = time;
    }
}
