package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static ws2.api.LookupFlags.RNRSERVICE_REGISTER;
import static ws2.api.LookupFlags.SERVICE_MULTIPLE;

import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.QuerySet;

/** The end of a client session ({@code NSPv2Cleanup}, {@code NSPv2ClientSessionRundown}) removes its instances. */
class SessionTest extends RegistryTestBase {
    @Test
    void everyStartupOpensItsOwnSession() {
        assertNotSame(bundleA, bundleB);
    }

    @Test
    void cleanupRemovesTheSessionsInstancesAndNoOthers() throws Exception {
        registerOneEach();

        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleA);

        assertEquals(List.of("office"), names(lookup(query("*", PRINTERS))));
    }

    @Test
    void rundownRemovesTheSessionsInstancesAndNoOthers() throws Exception {
        registerOneEach();

        provider.clientSessionRundown(RegistryProvider.PROVIDER_ID, bundleB);

        assertEquals(List.of("lobby"), names(lookup(query("*", PRINTERS))));
    }

    @Test
    void anInstanceBelongsToTheSessionThatLastOverwroteIt() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        register(bundleB, instance("lobby", PRINTERS, tcp4(9100)).build());

        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleA);
        lookupOne(query("lobby", PRINTERS));
        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleB);
        assertNotFound(query("lobby", PRINTERS));
    }

    @Test
    void addingAddressesLeavesTheInstanceWithItsOwner() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        set(bundleB, instance("lobby", PRINTERS, tcp4(9100)).build(), RNRSERVICE_REGISTER, SERVICE_MULTIPLE)
                .succeeded();

        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleB);
        assertEquals(List.of(tcp4(631), tcp4(9100)), lookupOne(query("lobby", PRINTERS)).addresses());
        provider.cleanup(RegistryProvider.PROVIDER_ID, bundleA);
        assertNotFound(query("lobby", PRINTERS));
    }

    @Test
    void endingASessionThatRegisteredNothingOrNoSessionChangesNothing() throws Exception {
        registerOneEach();

        provider.cleanup(RegistryProvider.PROVIDER_ID, provider.startup(RegistryProvider.PROVIDER_ID));
        provider.clientSessionRundown(RegistryProvider.PROVIDER_ID, null);

        assertEquals(2, lookup(query("*", PRINTERS)).size());
    }

    private void registerOneEach() {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());
    }
}
