package ws2.core.event;

/**
 * One catalog announcement waiting to be notified: the window is named by its role, so the handle
 * is taken from the bus connection current when it is sent.
 *
 * @param event the WinEvent ID, or 0 for the provider-configuration change (its ID is an atom)
 * @param window which window
 * @param idChild the child (a catalog entry ID, or {@code CHILDID_SELF})
 */
record Notice(int event, Window window, int idChild) {
    /** The windows ws2.core announces on. */
    enum Window {
        /** The native catalog. */
        NATIVE_CATALOG,
        /** The 32-bit catalog. */
        COMPAT32_CATALOG
    }
}
