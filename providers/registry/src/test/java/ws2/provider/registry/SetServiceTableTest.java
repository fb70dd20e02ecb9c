package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static ws2.api.LookupFlags.RNRSERVICE_DELETE;
import static ws2.api.LookupFlags.RNRSERVICE_DEREGISTER;
import static ws2.api.LookupFlags.RNRSERVICE_REGISTER;
import static ws2.api.LookupFlags.SERVICE_MULTIPLE;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.QuerySet.ServiceVersion;
import ws2.api.WsaError;

/** The {@code NSPSetService} table (reference §8.8), row by row, and the refused calls. */
class SetServiceTableTest extends RegistryTestBase {
    @Test
    void registerCreatesTheInstance() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());

        assertEquals(List.of(tcp4(631)), lookupOne(query("lobby", PRINTERS)).addresses());
    }

    @Test
    void registerOverwritesTheInstanceWithOnlyTheGivenAddresses() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp4(9100)).comment("old")
                .version(new ServiceVersion(1, ServiceVersion.COMP_EQUAL)).build());
        register(bundleA, instance("lobby", PRINTERS, tcp6(631)).comment("new").build());

        QuerySet result = lookupOne(query("lobby", PRINTERS));
        assertEquals(List.of(tcp6(631)), result.addresses());
        assertEquals("new", result.comment());
        assertNull(result.version());
    }

    @Test
    void registerMultipleAddsTheGivenAddressesOnce() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).comment("kept").build());
        set(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).comment("ignored").build(),
                RNRSERVICE_REGISTER, SERVICE_MULTIPLE).succeeded();

        QuerySet result = lookupOne(query("lobby", PRINTERS));
        assertEquals(List.of(tcp4(631), tcp6(631)), result.addresses());
        assertEquals("kept", result.comment());
    }

    @Test
    void registerMultipleCreatesAMissingInstance() throws Exception {
        set(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp4(631)).build(), RNRSERVICE_REGISTER,
                SERVICE_MULTIPLE).succeeded();

        assertEquals(List.of(tcp4(631)), lookupOne(query("lobby", PRINTERS)).addresses());
    }

    @Test
    void deregisterRemovesEveryAddressAndKeepsTheInstance() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).comment("type info").build());
        set(bundleA, instance("lobby", PRINTERS).build(), RNRSERVICE_DEREGISTER, 0).succeeded();

        QuerySet result = lookupOne(query("lobby", PRINTERS));
        assertEquals(List.of(), result.addresses());
        assertEquals("type info", result.comment());
    }

    @Test
    void deregisterMultipleRemovesOnlyTheGivenAddresses() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).build());
        set(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp4(1)).build(), RNRSERVICE_DEREGISTER,
                SERVICE_MULTIPLE).succeeded();

        assertEquals(List.of(tcp6(631)), lookupOne(query("lobby", PRINTERS)).addresses());
    }

    @Test
    void deregisterMultipleOfTheLastAddressKeepsTheInstance() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        set(bundleA, instance("lobby", PRINTERS, tcp4(631)).build(), RNRSERVICE_DEREGISTER, SERVICE_MULTIPLE)
                .succeeded();

        assertEquals(List.of(), lookupOne(query("lobby", PRINTERS)).addresses());
    }

    @Test
    void deleteRemovesTheInstance() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        set(bundleA, instance("lobby", PRINTERS).build(), RNRSERVICE_DELETE, 0).succeeded();

        assertNotFound(query("lobby", PRINTERS));
    }

    @Test
    void deleteMultipleRemovesTheGivenAddressesAndKeepsAnInstanceWithOthers() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).build());
        set(bundleA, instance("lobby", PRINTERS, tcp6(631)).build(), RNRSERVICE_DELETE, SERVICE_MULTIPLE)
                .succeeded();

        assertEquals(List.of(tcp4(631)), lookupOne(query("lobby", PRINTERS)).addresses());
    }

    @Test
    void deleteMultipleRemovesTheInstanceWhenNoAddressRemains() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).build());
        set(bundleA, instance("lobby", PRINTERS, tcp4(631), tcp6(631)).build(), RNRSERVICE_DELETE,
                SERVICE_MULTIPLE).succeeded();

        assertNotFound(query("lobby", PRINTERS));
    }

    @ParameterizedTest(name = "operation {0} flags {1}")
    @CsvSource({"1, 0", "1, 1", "2, 0", "2, 1"})
    void deregisterAndDeleteOfAMissingInstanceFailWithServiceNotFound(int operation, int flags) throws Exception {
        register(bundleA, instance("lobby", SCANNERS, tcp4(631)).build());

        assertEquals(WsaError.WSASERVICE_NOT_FOUND,
                set(bundleA, instance("lobby", PRINTERS, tcp4(631)).build(), operation, flags).failed());
        lookupOne(query("lobby", SCANNERS));
    }

    @Test
    void instanceNamesAreComparedWithoutRegardToCase() throws Exception {
        register(bundleA, instance("Lobby", PRINTERS, tcp4(631)).build());
        register(bundleA, instance("LOBBY", PRINTERS, tcp4(9100)).build());

        QuerySet result = lookupOne(query("lobby", PRINTERS));
        assertEquals("LOBBY", result.instanceName());
        set(bundleA, instance("lObBy", PRINTERS).build(), RNRSERVICE_DELETE, 0).succeeded();
        assertNotFound(query("lobby", PRINTERS));
    }

    @Test
    void theSameNameInAnotherClassIsAnotherInstance() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).build());
        register(bundleA, instance("lobby", SCANNERS, tcp4(6566)).build());
        set(bundleA, instance("lobby", SCANNERS).build(), RNRSERVICE_DELETE, 0).succeeded();

        assertEquals(List.of(tcp4(631)), lookupOne(query("lobby", PRINTERS)).addresses());
    }

    static Stream<Arguments> refusedCalls() {
        QuerySet good = instance("lobby", PRINTERS).build();
        return Stream.of(
                Arguments.of("no service class", good.toBuilder().serviceClassId(null).build(), RNRSERVICE_REGISTER, 0),
                Arguments.of("no instance name", good.toBuilder().instanceName(null).build(), RNRSERVICE_REGISTER, 0),
                Arguments.of("empty instance name", good.toBuilder().instanceName("").build(), RNRSERVICE_REGISTER, 0),
                Arguments.of("wildcard instance name", good.toBuilder().instanceName("*").build(), RNRSERVICE_REGISTER, 0),
                Arguments.of("another namespace", good.toBuilder().nameSpace(NameSpaces.NS_DNS).build(),
                        RNRSERVICE_REGISTER, 0),
                Arguments.of("unknown operation", good, 3, 0),
                Arguments.of("unknown flag", good, RNRSERVICE_REGISTER, 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedCalls")
    void malformedCallsFailWithEinvalAndChangeNothing(String why, QuerySet regInfo, int operation, int flags) {
        assertEquals(WsaError.WSAEINVAL, set(bundleA, regInfo, operation, flags).failed());
        assertNotFound(query("*", null));
    }

    @Test
    void aCallWithoutSessionFailsWithEinval() {
        assertEquals(WsaError.WSAEINVAL,
                set(null, instance("lobby", PRINTERS).build(), RNRSERVICE_REGISTER, 0).failed());
    }

    @Test
    void nsAllIsAccepted() throws Exception {
        register(bundleA, instance("lobby", PRINTERS, tcp4(631)).nameSpace(NameSpaces.NS_ALL).build());

        lookupOne(query("lobby", PRINTERS).toBuilder().nameSpace(NameSpaces.NS_ALL).build());
    }
}
