package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.options;
import static winevent.WinEvents.OBJID_CLIENT;
import static winevent.WinEvents.WINEVENT_OUTOFCONTEXT;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import winevent.WinEventBus;
import winevent.WinEventHook;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;
import ws2.market.BundleChange;
import ws2.market.HistoryEntry;
import ws2.market.Marketplace;
import ws2.market.Plan;
import ws2.market.Source;

/**
 * Marketplace installs (issue 7, second slice): install, uninstall and rollback of a provider from
 * the build's repository served over HTTP on 127.0.0.1, and the refusals that must leave the
 * framework as it was: a tampered download, pinned publisher keys, an activator that throws. Each
 * test runs in a fresh framework and serves its own copy of the repository, so it may tamper with it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class MarketInstallIT {
    static final String METRICS = "ws2.provider.metrics";
    static final String FAILING = "ws2.it.failing";
    static final String METRICS_CHAIN = "ws2 Metrics over [ws2 Tcpip [TCP/IP]]";

    @Inject
    Marketplace market;
    @Inject
    BundleContext context;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinEventBus bus;
    @Inject
    WinsockFactory factory;

    private Path served;
    private HttpServer server;
    private String base;
    private final List<String> progress = new ArrayList<>();

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.resolver"),
                Ws2TestSupport.bundleOf("ws2.market"));
    }

    @Before
    public void serveACopyOfTheRepository() throws IOException, WsaException {
        if (!Files.isRegularFile(MarketIT.REPOSITORY.resolve("index.xml"))) {
            fail("no repository index at " + MarketIT.REPOSITORY + ": build it first with mvn -B -q install -pl repository");
        }
        for (Source s : market.sources()) { // the data folder outlives a framework: start without sources
            market.remove(s.url());
        }
        served = Files.createTempDirectory("ws2-market-served");
        try (Stream<Path> files = Files.list(MarketIT.REPOSITORY)) {
            for (Path f : files.toList()) {
                Files.copy(f, served.resolve(f.getFileName()));
            }
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::serve);
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @After
    public void stopServing() throws WsaException, IOException {
        try {
            for (Source s : market.sources()) {
                market.remove(s.url());
            }
        } finally {
            server.stop(0);
            try (Stream<Path> files = Files.walk(served)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Path file = served.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
        try (exchange; OutputStream out = exchange.getResponseBody()) {
            if (!file.startsWith(served) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            Files.copy(file, out);
        }
    }

    /** The installed bundles as (symbolic name, version, state), to compare before and after a refusal. */
    private List<String> state() {
        return Stream.of(context.getBundles()).map(b -> b.getSymbolicName() + " " + b.getVersion() + " " + b.getState())
                .sorted().toList();
    }

    private Bundle bundle(String symbolicName) {
        return Ws2TestSupport.find(context, symbolicName);
    }

    /** The newest marketplace entry; catalog changes are journaled too and passed over here. */
    private HistoryEntry last() throws WsaException {
        List<HistoryEntry> h = market.history().stream().filter(e -> !e.action().equals("catalog")).toList();
        return h.get(h.size() - 1);
    }

    private void assertRefused(WsaError code, String action, List<String> before, String... words) throws WsaException {
        try {
            market.install(METRICS.equals(action) ? METRICS : action, progress::add);
            fail("installed " + action + " despite " + code);
        } catch (WsaException e) {
            assertEquals(e.getMessage(), code, e.error());
            for (String w : words) {
                assertTrue(e.getMessage() + " lacks " + w, e.getMessage().contains(w));
            }
        }
        assertEquals(before, state());
        HistoryEntry refusal = last();
        assertEquals("install", refusal.action());
        assertTrue(refusal.outcome(), refusal.outcome().startsWith("refused " + code.name() + " ("));
    }

    @Test
    public void metricsIsInstalledUninstalledAndBroughtBackByRollback() throws Exception {
        // the data folder, and so the catalog, outlives each framework: wait for tcpip, not for exactly its entries
        Ws2TestSupport.await("the tcpip entries available", Duration.ofSeconds(10), () -> catalog.entries(CatalogView.NATIVE)
                .stream().anyMatch(e -> e.available() && e.info().providerId().toString().equals(Ws2TestSupport.TCPIP_ID)));
        market.add(base + "index.xml", List.of());
        HistoryEntry installed = market.install(METRICS, progress::add);
        System.out.println("market install progress:\n  " + String.join("\n  ", progress));

        assertEquals(Bundle.ACTIVE, bundle(METRICS).getState());
        Ws2TestSupport.await("the metrics chain in the catalog", Duration.ofSeconds(10), () -> catalog
                .entries(CatalogView.NATIVE).stream().anyMatch(e -> e.available() && e.info().protocolName().startsWith("ws2 Metrics over [")));
        String version = bundle(METRICS).getVersion().toString();
        assertEquals("install", installed.action());
        assertEquals(List.of(METRICS + " none -> " + version), installed.changes());
        assertEquals(installed, last());
        assertTrue(progress.toString(), progress.contains("downloading " + METRICS + " 19 KiB / 19 KiB")
                || progress.stream().anyMatch(l -> l.startsWith("downloading " + METRICS + " ")));
        assertTrue(progress.toString(), progress.stream().anyMatch(l -> l.startsWith("verifying " + METRICS)));
        assertTrue(progress.toString(), progress.contains("started " + METRICS + " " + version));

        HistoryEntry uninstalled = market.uninstall(METRICS);
        assertEquals(null, bundle(METRICS));
        assertEquals(List.of(METRICS + " " + version + " -> none"), uninstalled.changes());
        // ws2.core keeps the entries of a stopped provider, unavailable; the bundle is what must be gone

        HistoryEntry rolledBack = market.rollback(uninstalled.number(), progress::add);
        assertEquals(Bundle.ACTIVE, bundle(METRICS).getState());
        assertEquals(List.of(METRICS + " none -> " + version), rolledBack.changes());
        assertEquals("entry " + uninstalled.number(), rolledBack.subject());
        Ws2TestSupport.await("the metrics chain back", Duration.ofSeconds(10), () -> catalog.entries(CatalogView.NATIVE)
                .stream().anyMatch(e -> e.available() && e.info().protocolName().startsWith("ws2 Metrics over [")));

        // installing what is installed is refused, and journaled
        List<String> before = state();
        assertRefused(WsaError.WSAEINVAL, METRICS, before, "already installed");
    }

    @Test
    public void aTamperedDownloadIsRefusedAndNothingInstalled() throws Exception {
        Path jar = served.resolve("ws2.provider.firewall.jar");
        try (RandomAccessFile f = new RandomAccessFile(jar.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 0xff);
        }
        String actual = SigningKeys.sha256(jar);
        market.add(base + "index.xml", List.of());
        String expected = market.search("ws2.provider.firewall").stream()
                .filter(o -> o.symbolicName().equals("ws2.provider.firewall")).findFirst().orElseThrow().sha256();
        List<String> before = state();
        assertRefused(WsaError.WSAEINVAL, "ws2.provider.firewall", before, "ws2.provider.firewall", expected, actual);
    }

    @Test
    public void pinnedKeysAcceptOnlyJarsTheirPublisherSigned() throws Exception {
        Path keys = Files.createTempDirectory("ws2-market-keys");
        try {
            Path publisher = SigningKeys.keyStore(keys, "publisher");
            Path other = SigningKeys.keyStore(keys, "other");
            Path signedFolder = Files.createDirectories(served.resolve("signed"));
            Path signed = SigningKeys.sign(served.resolve(METRICS + ".jar"), publisher, signedFolder.resolve(METRICS + ".jar"));
            writeIndexFor(signedFolder, signed);
            String publisherKey = SigningKeys.fingerprint(publisher).toLowerCase(); // with colons, lower case: both accepted
            String otherKey = SigningKeys.fingerprint(other).replace(":", "");

            List<String> before = state();
            // signed by the publisher, but the source pins another key
            market.add(base + "signed/index.xml", List.of(otherKey));
            assertRefused(WsaError.WSAEACCES, METRICS, before, "is signed by SHA-256 " + SigningKeys.fingerprint(publisher),
                    "not by a key the source pins");
            market.remove(base + "signed/index.xml");

            // the unsigned jar, from a source pinning the publisher's key
            market.add(base + "index.xml", List.of(publisherKey));
            assertRefused(WsaError.WSAEACCES, METRICS, before, "is not signed, but the source pins keys");
            market.remove(base + "index.xml");

            // signed by the publisher, pinned
            market.add(base + "signed/index.xml", List.of(publisherKey));
            market.install(METRICS, progress::add);
            assertEquals(Bundle.ACTIVE, bundle(METRICS).getState());
            String signer = "signed by pinned key " + SigningKeys.fingerprint(publisher);
            assertTrue(progress.toString(), progress.stream().anyMatch(l -> l.contains(signer)));
            assertEquals(HistoryEntry.OK, last().outcome());
        } finally {
            try (Stream<Path> files = Files.walk(keys)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    public void anUnresolvableRequirementIsRefusedNamingItAndTheVersionsOnOffer() throws Exception {
        Path folder = Files.createDirectories(served.resolve("unresolvable"));
        Files.copy(served.resolve(METRICS + ".jar"), folder.resolve(METRICS + ".jar"));
        String requirement = "<requirement namespace=\"osgi.wiring.package\">\n"
                + "      <directive name=\"filter\" value=\"(&amp;(osgi.wiring.package=ws2.api)(version&gt;=9.0.0)"
                + "(!(version&gt;=10.0.0)))\"/>\n"
                + "    </requirement>\n    ";
        String resource = metricsResource().replaceFirst("<requirement ", Matcher.quoteReplacement(requirement) + "<requirement ");
        Files.writeString(folder.resolve("index.xml"), repository("  " + resource + "\n"), StandardCharsets.UTF_8);
        market.add(base + "unresolvable/index.xml", List.of());
        List<String> before = state();
        try {
            market.plan(METRICS);
            fail("planned " + METRICS + " despite its requirement on ws2.api [9,10)");
        } catch (WsaException e) {
            assertEquals(e.getMessage(), WsaError.WSANO_RECOVERY, e.error());
            assertTrue(e.getMessage(), e.getMessage().contains("(osgi.wiring.package=ws2.api)(version>=9.0.0)"));
        }
        assertRefused(WsaError.WSANO_RECOVERY, METRICS, before, "cannot be resolved",
                "missing osgi.wiring.package (&(osgi.wiring.package=ws2.api)(version>=9.0.0)",
                "offered for ws2.api: version ");
        assertEquals(null, bundle(METRICS));
    }

    @Test
    public void aBundleWhoseActivatorThrowsIsRolledBack() throws Exception {
        Path folder = Files.createDirectories(served.resolve("failing"));
        Path jar = folder.resolve(FAILING + ".jar");
        try (InputStream in = ManifestBundles.bundle(FAILING, Map.of("Bundle-Activator", FailingActivator.class.getName(),
                "Import-Package", "org.osgi.framework"), FailingActivator.class)) {
            Files.copy(in, jar);
        }
        String resource = "  <resource>\n"
                + "    <capability namespace=\"osgi.identity\">\n"
                + "      <attribute name=\"osgi.identity\" value=\"" + FAILING + "\"/>\n"
                + "      <attribute name=\"type\" value=\"osgi.bundle\"/>\n"
                + "      <attribute name=\"version\" value=\"1.0.0\" type=\"Version\"/>\n"
                + "    </capability>\n"
                + content(jar)
                + "    <requirement namespace=\"osgi.wiring.package\">\n"
                + "      <directive name=\"filter\" value=\"(osgi.wiring.package=org.osgi.framework)\"/>\n"
                + "    </requirement>\n"
                + "  </resource>\n";
        Files.writeString(folder.resolve("index.xml"), repository(resource), StandardCharsets.UTF_8);
        market.add(base + "failing/index.xml", List.of());
        int entries = market.history().size();

        List<String> before = state();
        assertRefused(WsaError.WSAEPROVIDERFAILEDINIT, FAILING, before, FAILING, "the test activator refuses to start",
                "put back");
        assertEquals(entries + 1, market.history().size());
        assertTrue(progress.toString(), progress.contains("rolled back"));
    }

    @Test
    public void eachJournalEntryIsAnnouncedAsTheJournalAtomsEvent() throws Exception {
        Ws2TestSupport.await("the marketplace's journal atom", Duration.ofSeconds(10),
                () -> bus.findAtom(Marketplace.JOURNAL_EVENT_ATOM) != 0);
        int atom = bus.findAtom(Marketplace.JOURNAL_EVENT_ATOM);
        List<int[]> seen = new CopyOnWriteArrayList<>();
        WinEventHook hook = bus.setWinEventHook(atom, atom, null,
                (h, e, w, o, c, t, time) -> seen.add(new int[] {e, o, c}), 0, 0, WINEVENT_OUTOFCONTEXT);
        try {
            market.add(base + "index.xml", List.of());
            HistoryEntry installed = market.install(METRICS, progress::add);
            Ws2TestSupport.await("the install's entry number " + installed.number(), Duration.ofSeconds(10),
                    () -> seen.stream().anyMatch(s -> s[2] == installed.number()));
            int[] event = seen.stream().filter(s -> s[2] == installed.number()).findFirst().orElseThrow();
            assertEquals(atom, event[0]);
            assertEquals(OBJID_CLIENT, event[1]);
            assertEquals("the entry number reads the entry", installed, market.history().get(event[2] - 1));
            List<Integer> announced = seen.stream().map(s -> s[2]).toList();
            assertEquals("the source added, then the install, in order (catalog entries are not announced again)",
                    installed.number(), (int) announced.get(announced.size() - 1));
            assertTrue(announced.toString(), announced.size() == 2 && announced.get(0) < installed.number()
                    && market.history().get(announced.get(0) - 1).action().equals("add-source"));
        } finally {
            bus.unhookWinEvent(hook);
        }
    }

    /** The installed bundles as {@code name version}, normalised. */
    private Set<String> installedVersions() {
        Set<String> out = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            out.add(b.getSymbolicName() + " " + b.getVersion());
        }
        return out;
    }

    @Test
    public void thePlanMatchesWhatTheInstallThenDoes() throws Exception {
        market.add(base + "index.xml", List.of());
        Set<String> before = installedVersions();
        Plan plan = market.plan(METRICS);
        Set<String> planned = new TreeSet<>();
        Stream.concat(plan.changes().stream(), plan.pulledIn().stream())
                .forEach(c -> planned.add(c.symbolicName() + " " + Version.parseVersion(c.toVersion())));
        assertTrue("the plan installs " + METRICS + ": " + planned, planned.stream().anyMatch(p -> p.startsWith(METRICS + " ")));
        assertEquals("a dry run changes nothing", before, installedVersions());

        market.install(METRICS, progress::add);
        Set<String> changed = installedVersions();
        changed.removeAll(before);
        assertEquals("the bundles the install added or changed are the ones planned", planned, changed);
    }

    /** Sends and receives 8 KiB rounds over one ws2 TCP connection until told to stop, checksumming both ends. */
    private static final class Traffic implements Runnable {
        final AtomicBoolean stop = new AtomicBoolean();
        final AtomicLong rounds = new AtomicLong();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final CRC32 sent = new CRC32();
        final CRC32 received = new CRC32();
        long sentBytes;
        long receivedBytes;
        private final Winsock ws;

        Traffic(Winsock ws) {
            this.ws = ws;
        }

        @Override
        public void run() {
            try {
                SocketHandle listener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
                ws.bind(listener, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
                ws.listen(listener, 1);
                SocketHandle client = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
                ws.connect(client, ws.getSockName(listener));
                SocketHandle server = ws.accept(listener);
                ws.closeSocket(listener);
                Random random = new Random(42);
                byte[] out = new byte[8192];
                ByteBuffer in = ByteBuffer.allocate(out.length);
                while (!stop.get()) {
                    random.nextBytes(out);
                    sent.update(out);
                    ByteBuffer b = ByteBuffer.wrap(out);
                    while (b.hasRemaining()) {
                        sentBytes += ws.send(client, b, 0);
                    }
                    in.clear();
                    while (in.hasRemaining()) {
                        int n = ws.recv(server, in, 0);
                        if (n <= 0) {
                            throw new AssertionError("the connection closed after " + receivedBytes + " bytes");
                        }
                        receivedBytes += n;
                    }
                    received.update(in.array(), 0, in.position());
                    rounds.incrementAndGet();
                }
                ws.closeSocket(client);
                ws.closeSocket(server);
            } catch (Throwable t) {
                failure.set(t);
            }
        }

        void awaitRounds(long count) {
            Ws2TestSupport.await(count + " rounds of traffic", Duration.ofSeconds(30),
                    () -> rounds.get() >= count || failure.get() != null);
        }
    }

    @Test
    public void anInstallUnderTrafficBreaksNoConnectionAndNewSocketsTakeTheNewChain() throws Exception {
        Ws2TestSupport.await("the tcpip entries available", Duration.ofSeconds(10), () -> catalog.entries(CatalogView.NATIVE)
                .stream().anyMatch(e -> e.available() && e.info().providerId().toString().equals(Ws2TestSupport.TCPIP_ID)));
        market.add(base + "index.xml", List.of());
        try (Winsock ws = factory.open("market.traffic")) {
            ws.startup(Winsock.VERSION_2_2);
            Traffic traffic = new Traffic(ws);
            Thread thread = new Thread(traffic, "market-traffic");
            thread.start();
            try {
                traffic.awaitRounds(20);
                market.install(METRICS, progress::add);
                Ws2TestSupport.await("the metrics chain available", Duration.ofSeconds(10), () -> {
                    CatalogEntry e = Ws2TestSupport.entry(catalog, METRICS_CHAIN);
                    return e != null && e.available();
                });
                long afterInstall = traffic.rounds.get();
                traffic.awaitRounds(afterInstall + 20);
            } finally {
                traffic.stop.set(true);
                thread.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertFalse("the traffic thread ended", thread.isAlive());
            if (traffic.failure.get() != null) {
                throw new AssertionError("the exchange failed during the install", traffic.failure.get());
            }
            assertEquals("every byte sent arrived", traffic.sentBytes, traffic.receivedBytes);
            assertEquals("and arrived intact", traffic.sent.getValue(), traffic.received.getValue());
            assertTrue(traffic.rounds.get() + " rounds", traffic.rounds.get() >= 40);

            SocketHandle after = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            assertEquals("a socket made after the install runs through the new chain",
                    Ws2TestSupport.entry(catalog, METRICS_CHAIN).info().catalogEntryId(), after.catalogEntryId());
            ws.closeSocket(after);
        }
    }

    /** A Bundle-Activator that refuses to start. */
    public static final class FailingActivator implements BundleActivator {
        @Override
        public void start(BundleContext bundleContext) {
            throw new IllegalStateException("the test activator refuses to start");
        }

        @Override
        public void stop(BundleContext bundleContext) {
        }
    }

    private static String content(Path jar) throws Exception {
        String sha = SigningKeys.sha256(jar);
        return "    <capability namespace=\"osgi.content\">\n"
                + "      <attribute name=\"size\" value=\"" + Files.size(jar) + "\" type=\"Long\"/>\n"
                + "      <attribute name=\"url\" value=\"" + jar.getFileName() + "\"/>\n"
                + "      <attribute name=\"osgi.content\" value=\"" + sha + "\"/>\n"
                + "    </capability>\n";
    }

    private static String repository(String resources) {
        return "<?xml version='1.0' encoding='UTF-8'?>\n"
                + "<repository xmlns=\"http://www.osgi.org/xmlns/repository/v1.0.0\" name=\"ws2 test\" increment=\"1\">\n"
                + resources + "</repository>\n";
    }

    @Test
    public void anUpdateReplacesTheVersionAndRollbackBringsTheOldOneBack() throws Exception {
        market.add(base + "index.xml", List.of());
        market.install(METRICS, progress::add);
        String oldVersion = bundle(METRICS).getVersion().toString();
        Path folder = Files.createDirectories(served.resolve("newer"));
        Path jar = folder.resolve(METRICS + ".jar");
        try (InputStream in = ManifestBundles.withVersion(served.resolve(METRICS + ".jar"), "0.2.0")) {
            Files.copy(in, jar);
        }
        String resource = metricsResource().replace("value=\"" + oldVersion + "\"", "value=\"0.2.0\"")
                .replaceFirst("(?s)<capability namespace=\"osgi.content\">.*?</capability>\\s*",
                        Matcher.quoteReplacement(content(jar).strip() + "\n    "));
        Files.writeString(folder.resolve("index.xml"), repository("  " + resource + "\n"), StandardCharsets.UTF_8);
        market.add(base + "newer/index.xml", List.of());

        Plan plan = market.plan(METRICS);
        assertEquals(List.of(new BundleChange(METRICS, oldVersion, "0.2.0", base + "newer/index.xml")), plan.changes());
        HistoryEntry updated = market.update(METRICS, progress::add);
        assertEquals("update", updated.action());
        assertEquals("0.2.0", bundle(METRICS).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(METRICS).getState());
        assertEquals(List.of(METRICS + " " + oldVersion + " -> 0.2.0"), updated.changes());

        market.rollback(updated.number(), progress::add);
        assertEquals(oldVersion, bundle(METRICS).getVersion().toString());
        assertEquals(Bundle.ACTIVE, bundle(METRICS).getState());
        market.uninstall(METRICS);
    }

    @Test
    public void aBundleRegisteringMoreThanItDeclaresIsRefusedAndRolledBack() throws Exception {
        String name = "test.overreaching";
        String declared = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b8";
        Path folder = Files.createDirectories(served.resolve("overreaching"));
        Path jar = folder.resolve(name + ".jar");
        String transport = "ws2.transport;ws2.transport=\"" + declared + "\";protocolName=\"overreaching\";family:Long=2"
                + ";type:Long=1;protocol:Long=6;protocolMaxOffset:Long=0;serviceFlags:Long=0;providerFlags:Long=0"
                + ";protocolVersion:Long=2;minSockAddr:Long=16;maxSockAddr:Long=16;byteOrder:Long=0;securityScheme:Long=0"
                + ";messageSize:Long=0;catalogs:List<String>=\"native,compat32\"";
        try (InputStream in = ManifestBundles.bundle(name, Map.of("Bundle-Activator", OverreachingActivator.class.getName(),
                "X-Serve-Guid", UUID.randomUUID().toString(), "Provide-Capability", transport,
                "Import-Package", "org.osgi.framework,ws2.api,ws2.catalog,ws2.spi.transport,ws2.spi.upcall"),
                OverreachingActivator.class)) {
            Files.copy(in, jar);
        }
        StringBuilder requirements = new StringBuilder();
        for (String pkg : List.of("org.osgi.framework", "ws2.api", "ws2.catalog", "ws2.spi.transport", "ws2.spi.upcall")) {
            requirements.append("    <requirement namespace=\"osgi.wiring.package\">\n")
                    .append("      <directive name=\"filter\" value=\"(osgi.wiring.package=").append(pkg).append(")\"/>\n")
                    .append("    </requirement>\n");
        }
        String resource = "  <resource>\n"
                + "    <capability namespace=\"osgi.identity\">\n"
                + "      <attribute name=\"osgi.identity\" value=\"" + name + "\"/>\n"
                + "      <attribute name=\"type\" value=\"osgi.bundle\"/>\n"
                + "      <attribute name=\"version\" value=\"1.0.0\" type=\"Version\"/>\n"
                + "    </capability>\n"
                + "    <capability namespace=\"ws2.transport\">\n"
                + "      <attribute name=\"ws2.transport\" value=\"" + declared + "\"/>\n"
                + "    </capability>\n"
                + content(jar)
                + requirements
                + "  </resource>\n";
        Files.writeString(folder.resolve("index.xml"), repository(resource), StandardCharsets.UTF_8);
        market.add(base + "overreaching/index.xml", List.of());
        List<String> before = state();
        assertRefused(WsaError.WSAEPROVIDERFAILEDINIT, name, before, name, declared);
        assertTrue(progress.toString(), progress.contains("rolled back"));
    }

    /** The real index's resource element of the metrics provider. */
    private String metricsResource() throws IOException {
        String index = Files.readString(served.resolve("index.xml"), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<resource>(?:(?!</resource>).)*?value=\"" + Pattern.quote(METRICS)
                + "\"(?:(?!</resource>).)*</resource>", Pattern.DOTALL).matcher(index);
        if (!m.find()) {
            throw new AssertionError("the repository index has no " + METRICS);
        }
        return m.group();
    }

    /** Writes an index offering the signed metrics jar: the real index's resource with its content replaced. */
    private void writeIndexFor(Path folder, Path signed) throws Exception {
        String resource = metricsResource().replaceFirst("(?s)<capability namespace=\"osgi.content\">.*?</capability>\\s*",
                Matcher.quoteReplacement(content(signed).strip() + "\n    "));
        Files.writeString(folder.resolve("index.xml"), repository("  " + resource + "\n"), StandardCharsets.UTF_8);
    }
}
