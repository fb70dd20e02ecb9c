package winevent.bus.impl;

/**
 * What a hook is doing, as {@code winevent:hooks} shows it.
 */
enum HookState {
    /** Receiving events. */
    ACTIVE,
    /** Receiving events, but its queue was full and events for it were dropped; it clears when the queue drains. */
    OVERFLOWING,
    /** Stalled or failing: it receives nothing more and stays listed until its owner unhooks it or stops. */
    ISOLATED,
    /** Removed: no longer listed, its handle is invalid. */
    UNHOOKED
}
