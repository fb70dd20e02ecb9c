package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ws2.api.LookupFlags.RNRSERVICE_DEREGISTER;
import static ws2.api.LookupFlags.RNRSERVICE_REGISTER;
import static ws2.api.LookupFlags.SERVICE_MULTIPLE;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** One-shot change notification on a lookup. */
class NotifyChangeTest extends RegistryTestBase {
    private final AtomicInteger told = new AtomicInteger();

    private Object watchedLookup() throws WsaException {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        Object lookup = begin(query("*", PRINTERS));
        provider.notifyChange(lookup, told::incrementAndGet);
        return lookup;
    }

    @Test
    void firesWhenAMatchingInstanceIsRegistered() throws Exception {
        watchedLookup();

        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());

        assertEquals(1, told.get());
    }

    @Test
    void firesWhenTheInstanceIsDeregistered() throws Exception {
        watchedLookup();

        set(bundleA, instance("lobby", PRINTERS).build(), RNRSERVICE_DEREGISTER, 0).succeeded();

        assertEquals(1, told.get());
    }

    @Test
    void firesWhenTheRegisteringSessionRunsDown() throws Exception {
        watchedLookup();

        provider.clientSessionRundown(RegistryProvider.PROVIDER_ID, bundleA);

        assertEquals(1, told.get());
    }

    @Test
    void staysQuietForChangesOutsideTheResults() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        Object lookup = begin(query("*", PRINTERS).toBuilder()
                .protocols(List.of(new AfProtocols(AddressFamily.AF_INET, 0))).build());
        provider.notifyChange(lookup, told::incrementAndGet);

        register(bundleB, instance("lobby", SCANNERS, tcp4(6566)).build());
        set(bundleA, instance("lobby", PRINTERS, tcp6(631)).build(), RNRSERVICE_REGISTER, SERVICE_MULTIPLE)
                .succeeded();
        register(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).build());
        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleB);

        assertEquals(0, told.get());
    }

    @Test
    void firesOnceAndRearmedReportsOnlyWhatChangedSinceThen() throws Exception {
        Object lookup = watchedLookup();

        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());
        register(bundleB, instance("attic", PRINTERS, tcp4(633)).build());
        assertEquals(1, told.get());

        provider.notifyChange(lookup, told::incrementAndGet);
        assertEquals(2, told.get(), "attic came after the first notice");
        provider.notifyChange(lookup, told::incrementAndGet);
        assertEquals(2, told.get());
        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleA);
        assertEquals(3, told.get());
    }

    @Test
    void firesAtOnceWhenTheResultsChangedBeforeArming() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        Object lookup = begin(query("*", PRINTERS));
        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());

        provider.notifyChange(lookup, told::incrementAndGet);

        assertEquals(1, told.get());
    }

    @Test
    void endingTheLookupDropsThePendingNotification() throws Exception {
        Object lookup = watchedLookup();
        provider.lookupServiceEnd(lookup);

        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());

        assertEquals(0, told.get());
        assertEquals(WsaError.WSA_INVALID_HANDLE,
                assertThrows(WsaException.class, () -> provider.notifyChange(lookup, told::incrementAndGet)).error());
    }

    @Test
    void endingTheSessionThatBeganTheLookupDropsThePendingNotification() throws Exception {
        watchedLookup();
        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleB);

        register(bundleA, instance("office", PRINTERS, tcp4(632)).build());

        assertEquals(0, told.get());
    }

    @Test
    void armingTwiceFailsWithEinval() throws Exception {
        Object lookup = watchedLookup();

        assertEquals(WsaError.WSAEINVAL,
                assertThrows(WsaException.class, () -> provider.notifyChange(lookup, told::incrementAndGet)).error());
    }

    @Test
    void aFailingListenerNeitherFailsTheChangeNorSilencesOthers() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        provider.notifyChange(begin(query("*", PRINTERS)), () -> {
            throw new IllegalStateException("listener bug");
        });
        provider.notifyChange(begin(query("*", PRINTERS)), told::incrementAndGet);

        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());

        assertEquals(1, told.get());
    }
}
