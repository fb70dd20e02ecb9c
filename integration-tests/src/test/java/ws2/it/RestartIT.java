package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.AddressFamily.AF_INET6;
import static ws2.api.SocketType.SOCK_STREAM;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.Test;

import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderCatalog;

/**
 * The catalog across framework restarts: admin order, programmatic entries and categories survive;
 * a corrupt catalog file is kept aside and the runtime starts on the default catalog (issue 2).
 */
public class RestartIT {
    private static final UUID EXTRA = UUID.fromString("0d8b0a3e-1f0e-4e62-9a2f-5a3c7e0b9c11");

    private static List<Integer> ids(ProviderCatalog c, CatalogView v) {
        return c.entries(v).stream().map(e -> e.info().catalogEntryId()).toList();
    }

    @Test
    public void adminOrderEntriesAndCategoriesSurviveARestart() throws Exception {
        Path data = Ws2TestSupport.tempDir("ws2-restart-data");
        List<Integer> reordered;
        List<Integer> compat32;
        try (EmbeddedFelix felix = new EmbeddedFelix(Ws2TestSupport.tempDir("felix"), data)) {
            ProviderCatalog c = felix.service(ProviderCatalog.class);
            Ws2TestSupport.await("the tcpip entries", Duration.ofSeconds(10), () -> c.entries(CatalogView.NATIVE).size() == 4);
            c.installProvider(EXTRA, "file:/elsewhere/extra.jar", List.of(ProtocolInfo.builder().triple(AF_INET, 5, 0)
                    .sockAddrLengths(16, 16).protocolName("extra entry").build()));
            reordered = new java.util.ArrayList<>(ids(c, CatalogView.NATIVE));
            Collections.reverse(reordered);
            c.writeProviderOrder(reordered.stream().mapToInt(Integer::intValue).toArray());
            compat32 = ids(c, CatalogView.COMPAT32);
            c.setApplicationCategory("some.app", "", LspCategories.LSP_SYSTEM);
        }
        try (EmbeddedFelix felix = new EmbeddedFelix(Ws2TestSupport.tempDir("felix"), data)) {
            ProviderCatalog c = felix.service(ProviderCatalog.class);
            Ws2TestSupport.await("tcpip available again", Duration.ofSeconds(10),
                    () -> c.entries(CatalogView.NATIVE).stream().filter(CatalogEntry::available).count() == 4);
            assertEquals("admin order and IDs after the restart", reordered, ids(c, CatalogView.NATIVE));
            assertEquals("the 32-bit catalog is independent and kept too", compat32, ids(c, CatalogView.COMPAT32));
            assertEquals("file:/elsewhere/extra.jar", c.getProviderPath(EXTRA));
            assertEquals(LspCategories.LSP_SYSTEM, c.getApplicationCategory("some.app", ""));
            Winsock ws = felix.service(WinsockFactory.class).open("restart-test");
            ws.startup(Winsock.VERSION_2_2);
            SocketHandle s = ws.socket(0, SOCK_STREAM, 0);
            assertEquals("the reversed order puts TCP/IPv6 first for a family wildcard", AF_INET6,
                    ws.getSockOpt(s, ws2.api.SockOpt.SO_PROTOCOL_INFOW).addressFamily());
            ws.close();
        }
    }

    @Test
    public void aCorruptCatalogIsKeptAsideAndTheDefaultCatalogUsed() throws Exception {
        Path data = Ws2TestSupport.tempDir("ws2-corrupt-data");
        List<Integer> before;
        try (EmbeddedFelix felix = new EmbeddedFelix(Ws2TestSupport.tempDir("felix"), data)) {
            ProviderCatalog c = felix.service(ProviderCatalog.class);
            Ws2TestSupport.await("the tcpip entries", Duration.ofSeconds(10), () -> c.entries(CatalogView.NATIVE).size() == 4);
            before = ids(c, CatalogView.NATIVE);
        }
        Path file = data.resolve("catalog.json");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 3));
        try (EmbeddedFelix felix = new EmbeddedFelix(Ws2TestSupport.tempDir("felix"), data)) {
            ProviderCatalog c = felix.service(ProviderCatalog.class);
            Ws2TestSupport.await("the default catalog", Duration.ofSeconds(10),
                    () -> c.entries(CatalogView.NATIVE).stream().filter(CatalogEntry::available).count() == 4);
            assertEquals(before.size(), ids(c, CatalogView.NATIVE).size());
            try (Stream<Path> files = Files.list(data)) {
                List<Path> aside = files.filter(p -> p.getFileName().toString().startsWith("catalog.json.corrupt-")).toList();
                assertEquals("the corrupt file is kept for inspection", 1, aside.size());
                assertEquals(whole.length / 3, Files.size(aside.get(0)));
            }
            Winsock ws = felix.service(WinsockFactory.class).open("corrupt-test");
            ws.startup(Winsock.VERSION_2_2);
            assertTrue(ws.socket(AF_INET, SOCK_STREAM, 0).value() > 0);
            ws.close();
        }
    }
}
