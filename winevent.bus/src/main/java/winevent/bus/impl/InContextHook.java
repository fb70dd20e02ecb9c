package winevent.bus.impl;

import java.util.concurrent.atomic.LongAdder;

/**
 * A {@code WINEVENT_INCONTEXT} hook: called synchronously in the notifying thread, before
 * {@code notifyWinEvent} returns, with no queue, lock or allocation in between.
 *
 * <h2>Unhooking</h2>
 * Once {@code unhookWinEvent} returns, no notification that happens after it (in the Java memory
 * model sense: on the same thread, or on a thread that learned of the unhook) calls the hook: the
 * bus published an index without it before returning, and the state is checked again just
 * before each call. Calls already running on other threads, and notifications racing with the
 * unhook, may still finish; unhook does not wait for them (it cannot know when a notifier that
 * read the old index is done without a per-call handshake on every notification).
 *
 * <h2>Stalls</h2>
 * An in-context callback that blocks blocks its notifier: that is the in-context contract, and
 * nothing can pre-empt it. The watchdog does not watch in-context hooks; only
 * {@link Failures#LIMIT} consecutive exceptions isolate one.
 */
final class InContextHook extends Hook {
    private final LongAdder delivered = new LongAdder();

    InContextHook(Bus bus, long value, HookSpec spec) {
        super(bus, value, spec);
    }

    @Override
    void deliver(int event, long hwnd, int idObject, int idChild, long thread, long time) {
        if (active()) {
            delivered.increment();
            call(event, hwnd, idObject, idChild, thread, time);
        }
    }

    @Override
    void cutOff() {
        // Nothing is queued; the state change alone stops new calls.
    }

    @Override
    void stop(boolean wasActive, long deadline) {
        // Nothing is queued and no thread is owned; running calls are not awaited (see above).
    }

    @Override
    HookState state() {
        return life();
    }

    @Override
    long delivered() {
        return delivered.sum();
    }

    @Override
    long pending() {
        return 0;
    }

    @Override
    long dropped() {
        return 0;
    }
}
