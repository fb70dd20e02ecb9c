package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.AfProtocols;
import ws2.api.IpProtocol;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.QuerySet.ServiceVersion;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** {@code NSPv2LookupServiceBegin}/{@code NextEx}/{@code End} across the sessions of two bundles. */
class LookupTest extends RegistryTestBase {
    @Test
    void findsAnInstanceAnotherBundleRegistered() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).comment("2nd floor")
                .version(new ServiceVersion(3, ServiceVersion.COMP_NOTLESS)).build());

        QuerySet result = lookupOne(query("lobby", PRINTERS));

        assertEquals(instance("lobby", PRINTERS, tcp4(631)).comment("2nd floor")
                .version(new ServiceVersion(3, ServiceVersion.COMP_EQUAL))
                .nsProviderId(RegistryProvider.PROVIDER_ID).build(), result);
    }

    @Test
    void theWildcardReturnsEveryInstanceOfTheClassInRegistrationOrder() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        register(bundleB, instance("office", PRINTERS, tcp4(632)).build());
        register(bundleA, instance("desk", SCANNERS, tcp4(6566)).build());
        register(bundleA, instance("attic", PRINTERS, tcp4(633)).build());

        assertEquals(List.of("lobby", "office", "attic"), names(lookup(query("*", PRINTERS))));
        assertEquals(List.of("lobby", "office", "attic"), names(lookup(query(null, PRINTERS))));
    }

    @Test
    void noServiceClassMatchesEveryClass() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        register(bundleB, instance("lobby", SCANNERS, tcp4(6566)).build());
        register(bundleB, instance("desk", SCANNERS, tcp4(6567)).build());

        assertEquals(List.of("lobby", "lobby"), names(lookup(query("LOBBY", null))));
        assertEquals(3, lookup(query("*", null)).size());
    }

    @Test
    void aVersionRestrictsTheInstances() throws Exception {
        register(bundleA, instance("v1", PRINTERS, tcp4(1)).version(new ServiceVersion(1, 0)).build());
        register(bundleA, instance("v2", PRINTERS, tcp4(2)).version(new ServiceVersion(2, 0)).build());
        register(bundleA, instance("none", PRINTERS, tcp4(3)).build());

        assertEquals(List.of("v1"), names(lookup(versioned(new ServiceVersion(1, ServiceVersion.COMP_EQUAL)))));
        assertEquals(List.of("v1", "v2"), names(lookup(versioned(new ServiceVersion(1, ServiceVersion.COMP_NOTLESS)))));
        assertNotFound(versioned(new ServiceVersion(3, ServiceVersion.COMP_NOTLESS)));
    }

    private static QuerySet versioned(ServiceVersion version) {
        return query("*", PRINTERS).toBuilder().version(version).build();
    }

    @Test
    void familiesAndProtocolsRestrictTheAddressesAndTheInstances() throws Exception {
        register(bundleA, instance("dual", PRINTERS, tcp4(631), tcp6(631)).build());
        register(bundleA, instance("v6only", PRINTERS, tcp6(632)).build());

        assertEquals(List.of(instance("dual", PRINTERS, tcp4(631)).nsProviderId(RegistryProvider.PROVIDER_ID).build()),
                lookup(restricted(new AfProtocols(AddressFamily.AF_INET, IpProtocol.IPPROTO_TCP))));
        assertEquals(List.of(2, 1), lookup(restricted(new AfProtocols(AddressFamily.AF_UNSPEC, 0))).stream()
                .map(r -> r.addresses().size()).toList());
        assertEquals(List.of(1, 1), lookup(restricted(new AfProtocols(AddressFamily.AF_INET6, 0))).stream()
                .map(r -> r.addresses().size()).toList());
        assertNotFound(restricted(new AfProtocols(AddressFamily.AF_INET, IpProtocol.IPPROTO_UDP)));
    }

    private static QuerySet restricted(AfProtocols protocols) {
        return query("*", PRINTERS).toBuilder().protocols(List.of(protocols)).build();
    }

    @Test
    void anUnknownInstanceIsNotFound() {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());

        assertNotFound(query("office", PRINTERS));
        assertNotFound(query("lobby", SCANNERS));
    }

    @Test
    void anotherNamespaceIsRefused() {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());

        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class,
                () -> begin(query("lobby", PRINTERS).toBuilder().nameSpace(NameSpaces.NS_DNS).build())).error());
    }

    @Test
    void nextFailsWithNoMoreAfterTheLastResultAndKeepsFailing() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        Object lookup = begin(query("lobby", PRINTERS));

        next(lookup).succeeded();
        assertEquals(WsaError.WSA_E_NO_MORE, next(lookup).failed());
        assertEquals(WsaError.WSA_E_NO_MORE, next(lookup).failed());
    }

    @Test
    void nextAfterEndFailsWithInvalidHandle() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        Object lookup = begin(query("lobby", PRINTERS));
        provider.lookupServiceEnd(lookup);

        assertEquals(WsaError.WSA_INVALID_HANDLE, next(lookup).failed());
    }

    @Test
    void aLookupReturnsTheInstancesRegisteredWhenItBegan() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        Object lookup = begin(query("*", PRINTERS));
        register(bundleA, instance("office", PRINTERS, tcp4(632)).build());
        register(bundleA, instance("lobby", PRINTERS, tcp4(9100)).build());

        assertEquals(List.of(tcp4(631)), next(lookup).succeeded().addresses());
        assertEquals(WsaError.WSA_E_NO_MORE, next(lookup).failed());
    }
}
