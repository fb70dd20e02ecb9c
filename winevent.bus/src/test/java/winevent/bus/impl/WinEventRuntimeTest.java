package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static winevent.bus.impl.Codes.code;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;

import winevent.AccessibleObjects;
import winevent.WinEventBus;
import winevent.WinEventError;
import winevent.WinEventHook;
import winevent.WinEvents;

/**
 * The OSGi side without a framework: bundle-scoped services through their factories, cleanup on
 * STOPPING and on unget, configuration, deactivation (requirements 6, 8).
 */
class WinEventRuntimeTest {
    private final Map<Class<?>, ServiceFactory<?>> factories = new HashMap<>();
    private final List<String> unregistered = new ArrayList<>();
    private final List<BundleListener> listeners = new ArrayList<>();
    private final Bundle client = FakeBundles.bundle(40, "client");
    private final Bundle core = FakeBundles.bundle(12, "ws2.core");
    private WinEventRuntime runtime = new WinEventRuntime(context(), config(Map.of("stallTimeoutMillis", 1000L)));

    @AfterEach
    void deactivate() {
        if (runtime != null) {
            runtime.deactivate();
        }
    }

    private static WinEventRuntime.Config config(Map<String, Object> values) {
        return Configs.of(WinEventRuntime.Config.class, values);
    }

    private BundleContext context() {
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "addBundleListener":
                            listeners.add((BundleListener) args[0]);
                            return null;
                        case "removeBundleListener":
                            listeners.remove(args[0]);
                            return null;
                        case "registerService":
                            Class<?> type = (Class<?>) args[0];
                            factories.put(type, (ServiceFactory<?>) args[1]);
                            return registration(type);
                        default:
                            throw new UnsupportedOperationException(m.getName());
                    }
                });
    }

    private ServiceRegistration<?> registration(Class<?> type) {
        return (ServiceRegistration<?>) Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                new Class<?>[] {ServiceRegistration.class}, (proxy, m, args) -> {
                    if (m.getName().equals("unregister")) {
                        unregistered.add(type.getSimpleName());
                        return null;
                    }
                    throw new UnsupportedOperationException(m.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private <S> S get(Class<S> type, Bundle b) {
        return ((ServiceFactory<S>) factories.get(type)).getService(b, null);
    }

    @SuppressWarnings("unchecked")
    private <S> void unget(Class<S> type, Bundle b, S service) {
        ((ServiceFactory<S>) factories.get(type)).ungetService(b, null, service);
    }

    private void stopping(Bundle b) {
        for (BundleListener l : new ArrayList<>(listeners)) {
            l.bundleChanged(new BundleEvent(BundleEvent.STOPPING, b));
        }
    }

    @Test
    void eachBundleGetsItsOwnContext() {
        WinEventBus bus = get(WinEventBus.class, client);
        assertEquals(40, bus.processId());
        assertEquals(WinEventError.ERROR_ACCESS_DENIED,
                code(() -> bus.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 1, 0, 0)));
        WinEventBus system = get(WinEventBus.class, core);
        assertDoesNotThrow(() -> system.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 1, 0, 0));
        assertTrue(listeners.get(0) instanceof SynchronousBundleListener);
    }

    @Test
    void aStoppingBundleLosesItsHooksAtomsAndWindows() {
        WinEventBus bus = get(WinEventBus.class, client);
        AccessibleObjects objects = get(AccessibleObjects.class, client);
        WinEventHook h = bus.setWinEventHook(0x0101, 0x01FF, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        bus.addAtom("client atom");
        objects.createWindow("client window", (o, c) -> null);
        WinEventBus other = get(WinEventBus.class, core);
        other.setWinEventHook(0x0101, 0x01FF, client, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);

        stopping(client);

        assertTrue(runtime.desktop().bus().hooks().isEmpty(), "its hooks and the hooks with it as module");
        assertEquals(0, other.findAtom("client atom"));
        assertEquals(0, objects.findWindow("client window"));
        assertFalse(Await.threadAlive("winevent-hook-" + h.value()));
        unget(WinEventBus.class, client, bus);
        unget(AccessibleObjects.class, client, objects);
    }

    @Test
    void ungettingAServiceReleasesWhatWasHeldThroughIt() {
        WinEventBus bus = get(WinEventBus.class, client);
        AccessibleObjects objects = get(AccessibleObjects.class, client);
        bus.setWinEventHook(0x0101, 0x01FF, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        bus.addAtom("client atom");
        objects.createWindow("client window", (o, c) -> null);
        unget(WinEventBus.class, client, bus);
        assertTrue(runtime.desktop().bus().hooks().isEmpty());
        assertEquals(0, bus.findAtom("client atom"));
        assertTrue(objects.findWindow("client window") > 0);
        unget(AccessibleObjects.class, client, objects);
        assertEquals(0, objects.findWindow("client window"));
    }

    @Test
    void aNewConfigurationAppliesInPlaceAndABadOneIsRefused() {
        WinEventBus bus = get(WinEventBus.class, client);
        WinEventHook h = bus.setWinEventHook(0x0101, 0x01FF, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        runtime.modified(config(Map.of("systemBundles", new String[] {"client"}, "queueCapacity", 1024)));
        assertDoesNotThrow(() -> bus.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 1, 0, 0));
        assertEquals(1024, runtime.desktop().bus().settings().queueCapacity());
        runtime.modified(config(Map.of("queueCapacity", 1000)));
        assertEquals(1024, runtime.desktop().bus().settings().queueCapacity());
        assertEquals(List.of(h.value()), runtime.desktop().bus().hooks().stream().map(Hook::value).toList());
    }

    @Test
    void deactivationUnregistersAndStopsEverything() {
        WinEventBus bus = get(WinEventBus.class, client);
        WinEventHook h = bus.setWinEventHook(0x0101, 0x01FF, null, new Recorder(), 0, 0, WINEVENT_OUTOFCONTEXT);
        runtime.deactivate();
        runtime = null;
        assertEquals(List.of("WinEventBus", "AccessibleObjects"), unregistered);
        assertTrue(listeners.isEmpty());
        assertFalse(Await.threadAlive("winevent-hook-" + h.value()));
        assertThrows(IllegalStateException.class, () -> bus.addAtom("too late"));
    }

    @Test
    void anInvalidConfigurationFailsActivation() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WinEventRuntime(context(), config(Map.of("queueCapacity", 100))));
        assertTrue(e.getMessage().contains("100"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> new WinEventRuntime(context(), config(Map.of("stallTimeoutMillis", 0L))));
    }
}
