package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.UUID;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import ws2.api.AddrInfo;
import ws2.api.AddressFamily;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProviderCatalog;

/**
 * The hosts namespace provider in a real Felix (issue 6): lookups and getaddrinfo through the
 * namespace stack, an edited file noticed with change notification, disabling the provider, and the
 * provider's bundle stopping during a lookup.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HostsIT {
    static final UUID HOSTS = UUID.fromString("a1c4e2f0-6b3d-4f59-8e27-0d9c5b7a3e11");
    static final Path FILE = Ws2TestSupport.tempDir("ws2-hosts-it").resolve("hosts");

    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinsockFactory factory;
    @Inject
    ConfigurationAdmin configs;
    @Inject
    CommandProcessor shell;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), frameworkProperty("ws2.ns.cache.ttl").value("0"),
                Ws2TestSupport.bundleOf("org.apache.felix.configadmin"), Ws2TestSupport.bundleOf("ws2.provider.hosts"));
    }

    @Before
    public void hostsFile() throws Exception {
        if (!Files.exists(FILE)) {
            Files.writeString(FILE, "127.0.0.1 db.example.test db\n::1 db.example.test\n127.0.0.2 web.example.test\n");
            Dictionary<String, Object> p = new Hashtable<>();
            p.put("file", FILE.toString());
            p.put("pollInterval", 50L);
            configs.getConfiguration("ws2.hosts", "?").update(p);
        }
        Ws2TestSupport.await("the hosts provider serving the test file", Duration.ofSeconds(10), () -> {
            try (Winsock ws = factory.open("hosts.probe")) {
                ws.startup(Winsock.VERSION_2_2);
                return !ws.getAddrInfo("web.example.test", "80", AddressFamily.AF_INET, 1).isEmpty();
            } catch (WsaException e) {
                return false;
            }
        });
    }

    @Test
    public void hostsAnswerLookupsGetAddrInfoAndTheShell() throws Exception {
        try (Winsock ws = factory.open("hosts.client")) {
            ws.startup(Winsock.VERSION_2_2);
            List<AddrInfo> ai = ws.getAddrInfo("DB.example.test", "5432", AddressFamily.AF_UNSPEC, 1);
            assertEquals(List.of("127.0.0.1:5432", "[::1]:5432"), ai.stream().map(a -> a.address().toString()).toList());
            assertEquals("db.example.test", ai.get(0).canonicalName());
            SocketHandle listener = ws.socket(ai.get(0).family(), ai.get(0).socketType(), ai.get(0).protocol());
            ws.bind(listener, ai.get(0).address());
            ws.listen(listener, 1);
            SocketHandle client = ws.socket(ai.get(0).family(), ai.get(0).socketType(), ai.get(0).protocol());
            ws.connect(client, ws.getAddrInfo("db.example.test", String.valueOf(ws.getSockName(listener).port()),
                    AddressFamily.AF_INET, 1).get(0).address());
            ws.closeSocket(client);
            ws.closeSocket(listener);
            assertEquals(WsaError.WSAHOST_NOT_FOUND, assertThrows(WsaException.class,
                    () -> ws.getAddrInfo("nowhere.example.test", "80", AddressFamily.AF_UNSPEC, 0)).error());
        }
        String out = Shell.run(shell, "ws2:lookup db.example.test");
        assertTrue(out, out.contains("ws2 Hosts") && out.contains("127.0.0.1") && out.contains("db (alias)"));
        String ns = Shell.run(shell, "ws2:ns");
        assertTrue(ns, ns.contains(HOSTS.toString()) && ns.contains("NS_DNS") && ns.contains("active"));
    }

    @Test
    public void anEditedFileIsNoticedAndNotified() throws Exception {
        try (Winsock ws = factory.open("hosts.watcher")) {
            ws.startup(Winsock.VERSION_2_2);
            LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery("web.example.test", NameSpaces.NS_DNS),
                    LookupFlags.LUP_RETURN_ADDR);
            assertEquals(WsaError.WSAEWOULDBLOCK, assertThrows(WsaException.class,
                    () -> ws.nspIoctl(h, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null)).error());
            Files.writeString(FILE, "127.0.0.1 db.example.test db\n::1 db.example.test\n127.0.0.9 web.example.test\n");
            Files.setLastModifiedTime(FILE, FileTime.from(Instant.now().plusSeconds(5)));
            Ws2TestSupport.await("the change notified", Duration.ofSeconds(10), () -> {
                try {
                    ws.nspIoctl(h, LookupFlags.SIO_NSP_NOTIFY_CHANGE, null);
                    return true;
                } catch (WsaException e) {
                    return false;
                }
            });
            ws.lookupServiceEnd(h);
            assertEquals("127.0.0.9", ws.getAddrInfo("web.example.test", "80", AddressFamily.AF_INET, 1).get(0).address().host());
        }
    }

    @Test
    public void aDisabledOrStoppedProviderIsNotAsked() throws Exception {
        try (Winsock ws = factory.open("hosts.client2")) {
            ws.startup(Winsock.VERSION_2_2);
            catalog.enableNSProvider(HOSTS, false);
            try {
                assertTrue(catalog.enumNameSpaceProviders().stream().anyMatch((NamespaceInfo n) -> !n.active()));
                assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                        () -> ws.lookupServiceBegin(QuerySet.hostQuery("db.example.test", NameSpaces.NS_DNS), 0)).error());
            } finally {
                catalog.enableNSProvider(HOSTS, true);
            }
            LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery("db.example.test", NameSpaces.NS_DNS),
                    LookupFlags.LUP_RETURN_ALL);
            Bundle hosts = Ws2TestSupport.installed(context, "ws2.provider.hosts");
            hosts.stop();
            try {
                WsaException x = assertThrows(WsaException.class, () -> ws.lookupServiceNext(h, 0));
                assertEquals(x.getMessage(), WsaError.WSA_E_CANCELLED, x.error());
                assertEquals(WsaError.WSA_E_NO_MORE, assertThrows(WsaException.class, () -> ws.lookupServiceNext(h, 0)).error());
                ws.lookupServiceEnd(h);
                assertEquals(WsaError.WSASERVICE_NOT_FOUND, assertThrows(WsaException.class,
                        () -> ws.lookupServiceBegin(QuerySet.hostQuery("db.example.test", NameSpaces.NS_DNS), 0)).error());
            } finally {
                hosts.start();
            }
        }
    }
}
