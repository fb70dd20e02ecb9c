package winevent;

/**
 * The object an event is about: the {@code (hwnd, idObject, idChild)} passed to a hook, which
 * {@link AccessibleObjects#accessibleObjectFromEvent} turns into details.
 *
 * @param hwnd the window
 * @param idObject the object
 * @param idChild the child, {@link WinEvents#CHILDID_SELF} for the object itself
 */
public record EventTriple(long hwnd, int idObject, int idChild) {
}
