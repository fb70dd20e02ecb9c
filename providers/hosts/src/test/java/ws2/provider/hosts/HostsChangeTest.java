package ws2.provider.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.LookupFlags.LUP_RETURN_ADDR;
import static ws2.api.LookupFlags.LUP_RETURN_NAME;
import static ws2.api.QuerySet.SVCID_INET_HOSTADDRBYNAME;
import static ws2.provider.hosts.Lookups.all;
import static ws2.provider.hosts.Lookups.beginFails;
import static ws2.provider.hosts.Lookups.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.QuerySet;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;
import ws2.spi.namespace.NspLookup;

class HostsChangeTest {
    private static final UUID ID = UUID.fromString(HostsProvider.ID);
    private static final int NAME_AND_ADDR = LUP_RETURN_NAME | LUP_RETURN_ADDR;
    private static final long DEADLINE_MILLIS = 5_000;

    @TempDir
    Path dir;
    private Path hosts;
    private long generation;

    @BeforeEach
    void writeFirstVersion() throws IOException {
        hosts = dir.resolve("hosts");
        edit("10.0.0.1 app\n10.0.0.9 other\n");
    }

    /** Writes a new version with a later modification time, as an editor would. */
    private void edit(String text) throws IOException {
        Files.writeString(hosts, text);
        Files.setLastModifiedTime(hosts, FileTime.fromMillis(1_700_000_000_000L + 10_000 * generation++));
    }

    private static String address(NspDispatch dispatch, String name) throws WsaException {
        return all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, name), NAME_AND_ADDR).get(0).addresses().get(0)
                .remoteAddr().host();
    }

    private static NspLookup begin(NspDispatch dispatch, String name) throws WsaException {
        return dispatch.lookupServiceBegin(query(SVCID_INET_HOSTADDRBYNAME, name), null, NAME_AND_ADDR);
    }

    @Test
    void anEditIsSeenByLookupsWithoutThePoller() throws Exception {
        HostsProvider provider = new HostsProvider(Lookups.config(hosts.toString(), TimeUnit.HOURS.toMillis(1)), null);
        try {
            NspDispatch dispatch = provider.startup(ID);
            assertEquals("10.0.0.1", address(dispatch, "app"));
            edit("10.0.0.2 app\n");
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MILLIS);
            while (address(dispatch, "app").equals("10.0.0.1") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals("10.0.0.2", address(dispatch, "app"));
            assertEquals(WsaError.WSASERVICE_NOT_FOUND, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "other")));
        } finally {
            provider.deactivate();
        }
    }

    @Test
    void thePollerNoticesAnEditWithoutALookupAndNotifiesTheQuery() throws Exception {
        HostsProvider provider = new HostsProvider(Lookups.config(hosts.toString(), 20), null);
        try {
            NspLookup lookup = begin(provider.startup(ID), "app");
            CountDownLatch changed = new CountDownLatch(1);
            lookup.notifyChange(changed::countDown);
            edit("10.0.0.2 app\n");
            assertTrue(changed.await(DEADLINE_MILLIS, TimeUnit.MILLISECONDS), "no change notification");
            lookup.end();
        } finally {
            provider.deactivate();
        }
    }

    @Test
    void onlyQueriesWhoseResultsChangeAreNotifiedAndEachOnce() throws Exception {
        HostsSource source = new HostsSource(hosts, ID);
        NspDispatch dispatch = new HostsDispatch(source);
        AtomicInteger app = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        begin(dispatch, "app").notifyChange(app::incrementAndGet);
        begin(dispatch, "other").notifyChange(other::incrementAndGet);

        edit("10.0.0.1 app\n10.0.0.9 other\n# only a comment was added\n");
        source.refresh();
        assertEquals(List.of(0, 0), List.of(app.get(), other.get()));

        edit("10.0.0.1 app\n10.0.0.8 other\n");
        source.refresh();
        assertEquals(List.of(0, 1), List.of(app.get(), other.get()));

        edit("10.0.0.1 app www\n10.0.0.7 other\n");
        source.refresh();
        edit("10.0.0.2 app\n");
        source.refresh();
        assertEquals(List.of(1, 1), List.of(app.get(), other.get()), "an alias added counts; a notification fires once");
    }

    @Test
    void anEndedLookupIsNotNotified() throws Exception {
        HostsSource source = new HostsSource(hosts, ID);
        NspLookup lookup = begin(new HostsDispatch(source), "app");
        AtomicInteger calls = new AtomicInteger();
        lookup.notifyChange(calls::incrementAndGet);
        lookup.end();
        edit("10.0.0.2 app\n");
        source.refresh();
        assertEquals(0, calls.get());
    }

    @Test
    void aChangeBeforeNotifyChangeIsNotifiedAtOnce() throws Exception {
        HostsSource source = new HostsSource(hosts, ID);
        NspLookup lookup = begin(new HostsDispatch(source), "app");
        edit("10.0.0.2 app\n");
        source.refresh();
        AtomicInteger calls = new AtomicInteger();
        lookup.notifyChange(calls::incrementAndGet);
        assertEquals(1, calls.get());
    }

    @Test
    void aDeletedFileServesNoNamesUntilItComesBack() throws Exception {
        HostsSource source = new HostsSource(hosts, ID);
        NspDispatch dispatch = new HostsDispatch(source);
        NspLookup lookup = begin(dispatch, "app");
        AtomicInteger calls = new AtomicInteger();
        lookup.notifyChange(calls::incrementAndGet);

        Files.delete(hosts);
        source.refresh();
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, beginFails(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "app")));
        assertEquals(1, calls.get(), "removing the host is a change");

        edit("10.0.0.3 app\n");
        source.refresh();
        assertEquals("10.0.0.3", address(dispatch, "app"));
    }

    @Test
    void aListenerThatThrowsDoesNotKeepOthersFromBeingNotified() throws Exception {
        HostsSource source = new HostsSource(hosts, ID);
        NspDispatch dispatch = new HostsDispatch(source);
        begin(dispatch, "app").notifyChange(() -> {
            throw new IllegalStateException("test: a failing listener");
        });
        AtomicInteger calls = new AtomicInteger();
        begin(dispatch, "app").notifyChange(calls::incrementAndGet);
        edit("10.0.0.2 app\n");
        source.refresh();
        assertEquals(1, calls.get());
    }

    @Test
    void lookupsBegunBeforeAnEditKeepTheirResults() throws Exception {
        HostsSource source = new HostsSource(hosts, ID);
        NspLookup lookup = begin(new HostsDispatch(source), "app");
        edit("10.0.0.2 app\n");
        source.refresh();
        QuerySet result = lookup.next(NAME_AND_ADDR);
        assertEquals("10.0.0.1", result.addresses().get(0).remoteAddr().host());
        lookup.end();
    }
}
