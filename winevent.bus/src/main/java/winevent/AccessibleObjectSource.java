package winevent;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The server side of a window's accessible objects, the part of a window procedure that answers
 * {@code WM_GETOBJECT}: given to {@link AccessibleObjects#createWindow} by an event source (ws2.core
 * registers its catalog and socket windows this way).
 */
@ConsumerType
@FunctionalInterface
public interface AccessibleObjectSource {
    /**
     * Describes an object of the window, as it is now.
     *
     * @param idObject the object
     * @param idChild the child, {@link WinEvents#CHILDID_SELF} for the object itself
     * @return the details, or null when there is no such object (any more)
     */
    AccessibleObject get(int idObject, int idChild);
}
