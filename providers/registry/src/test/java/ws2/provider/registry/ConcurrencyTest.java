package ws2.provider.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ws2.api.LookupFlags.RNRSERVICE_DELETE;
import static ws2.api.LookupFlags.RNRSERVICE_REGISTER;
import static ws2.api.LookupFlags.SERVICE_MULTIPLE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Sessions changing the registry from several threads while others look up. */
class ConcurrencyTest extends RegistryTestBase {
    private static final int THREADS = 8;
    private static final int PORTS = 200;

    @Test
    void concurrentChangesAreAllApplied() throws Exception {
        register(bundleA, instance("shared", PRINTERS).build());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int first = 1 + t * PORTS;
                work.add(pool.submit(() -> changeAndLookUp(first)));
            }
            for (Future<?> done : work) {
                done.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertEquals(THREADS * PORTS, lookupOne(query("shared", PRINTERS)).addresses().size());
        assertEquals(List.of("shared"), names(lookup(query("*", PRINTERS))));
    }

    private Void changeAndLookUp(int firstPort) throws Exception {
        Object session = provider.startup(RegistryProvider.PROVIDER_ID);
        for (int port = firstPort; port < firstPort + PORTS; port++) {
            set(session, instance("shared", PRINTERS, tcp4(port)).build(), RNRSERVICE_REGISTER, SERVICE_MULTIPLE)
                    .succeeded();
            register(session, instance("own" + port, PRINTERS, tcp4(port)).build());
            lookupOne(query("own" + port, PRINTERS));
            set(session, instance("own" + port, PRINTERS).build(), RNRSERVICE_DELETE, 0).succeeded();
        }
        return null;
    }
}
