package ws2.it;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

import winevent.WinEventBus;
import winevent.WinEvents;

/**
 * The activator of a throw-away bundle built by {@link WinEventIT}: it hooks an event and adds an
 * atom, and does not clean up, so the test sees the bus do it when the bundle stops.
 */
public final class HookingActivator implements BundleActivator {
    /** The atom string the bundle adds. */
    public static final String ATOM = "{5E0C2B7A-8F31-4D6E-9A47-C1B3D2E4F506}";

    @Override
    public void start(BundleContext context) {
        WinEventBus bus = context.getService(context.getServiceReference(WinEventBus.class));
        bus.addAtom(ATOM);
        bus.setWinEventHook(0x01A0, 0x01A0, null, (h, e, w, o, c, t, time) -> { }, 0, 0, WinEvents.WINEVENT_OUTOFCONTEXT);
    }

    @Override
    public void stop(BundleContext context) {
        // Deliberately nothing: the bus removes the bundle's hooks and atoms.
    }
}
