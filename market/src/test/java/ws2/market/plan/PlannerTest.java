package ws2.market.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.felix.resolver.Logger;
import org.apache.felix.resolver.ResolverImpl;
import org.junit.jupiter.api.Test;
import org.osgi.resource.Resource;
import org.osgi.resource.Wiring;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.BundleChange;
import ws2.market.Fixtures;
import ws2.market.Plan;
import ws2.market.index.RepositoryIndex;

/** Plans made with the Felix resolver over hand-made installed and offered resources (issue 7). */
class PlannerTest {
    private final RepositoryIndex installedIndex = Fixtures.index("installed.xml");
    private final List<RepositoryIndex> sources = List.of(Fixtures.index("offered.xml"));
    private final Planner planner = new Planner(new Installed() {
        @Override
        public List<Resource> resources() {
            return List.copyOf(installedIndex.resources());
        }

        @Override
        public Map<Resource, Wiring> wirings() {
            return Map.of();
        }

        @Override
        public List<String> refreshedBy(Collection<String> symbolicNames) {
            return symbolicNames.contains("ws2.lib") ? List.of("ws2.user") : List.of();
        }
    }, new ResolverImpl(new Logger(Logger.LOG_ERROR)),
            id -> id.toString().equals("11111111-2222-4333-8444-555555555555") ? 3 : 0);

    PlannerTest() throws WsaException {
    }

    @Test
    void theNewestVersionIsPlannedWithWhatTheResolverPullsIn() throws WsaException {
        Plan plan = planner.plan("ws2.provider.tls", sources);
        String source = Fixtures.url("offered.xml");
        assertEquals(List.of(new BundleChange("ws2.provider.tls", "", "1.0.0", source)), plan.changes());
        assertEquals(List.of(new BundleChange("ws2.lib", "0.9.0", "1.1.0", source)), plan.pulledIn(),
                "the installed 0.9.0 is too old: an update");
        assertEquals(List.of("ws2.user"), plan.refreshes());
        assertEquals(List.of(
                "ws2.provider.tls: ws2.layered: ws2 TLS, categories 0x40, over (type=1), rank 100, fail-closed",
                "ws2.provider.tls: chain ws2 TLS over ws2 Tcpip [TCP/IP] (ws2.provider.tcpip)"), plan.declarations());
        assertEquals(3, plan.openSockets(), "the sockets open through what the updated ws2.lib declares");
    }

    @Test
    void anUnknownNameIsWsaserviceNotFound() {
        WsaException e = assertThrows(WsaException.class, () -> planner.plan("ws2.nobody", sources));
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, e.error());
        assertTrue(e.getMessage().contains("ws2.nobody"), e.getMessage());
    }

    @Test
    void anUnresolvableBundleNamesTheRequirementAndTheVersionsOffered() {
        WsaException e = assertThrows(WsaException.class, () -> planner.plan("ws2.broken", sources));
        assertEquals(WsaError.WSANO_RECOVERY, e.error());
        String m = e.getMessage();
        assertTrue(m.contains("ws2.broken 1.0.0 from " + Fixtures.url("offered.xml") + " cannot be resolved"), m);
        assertTrue(m.contains("missing osgi.wiring.package (&(osgi.wiring.package=ws2.lib)(version>=2.0.0))"), m);
        assertTrue(m.contains("version 0.9.0 from ws2.lib 0.9.0") && m.contains("version 1.1.0 from ws2.lib 1.1.0"), m);
    }
}
