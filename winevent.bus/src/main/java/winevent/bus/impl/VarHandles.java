package winevent.bus.impl;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Finds the {@link VarHandle} of a field, for the classes that CAS their own fields. */
final class VarHandles {
    private VarHandles() {
    }

    /**
     * Returns the handle of a field of the lookup's class.
     *
     * @param lookup {@code MethodHandles.lookup()} of the class declaring the field
     * @param name the field
     * @param type its type
     * @return the handle
     * @throws ExceptionInInitializerError if there is no such field (a bug, found at class load)
     */
    static VarHandle field(MethodHandles.Lookup lookup, String name, Class<?> type) {
        try {
            return lookup.findVarHandle(lookup.lookupClass(), name, type);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
