package ws2.bench;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;

/**
 * Hot deployment: the time from a layer bundle landing in the deploy folder (an atomic move, as
 * a deployment tool does) to its chain serving new sockets, with FileInstall polling every
 * {@value #POLL_MS} ms as the runtime does. Each invocation deploys the pass-through bundle and
 * creates sockets until one is made on its three-layer chain; between invocations the jar is
 * removed and its bundle uninstalled. Score: milliseconds. Goal (issue 5): at most 500 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, batchSize = 1)
@Measurement(iterations = 20, batchSize = 1)
public class DeployBenchmark {
    /** FileInstall's poll interval, the runtime's default. */
    static final int POLL_MS = 100;
    private static final String LAYERS = "ws2.provider.passthrough";

    private Ws2Felix felix;
    private Winsock ws;
    private ProviderCatalog catalog;
    private Path deploy;
    private Path staged;

    /**
     * Boots ws2 with FileInstall on an empty deploy folder.
     *
     * @throws Exception if it does not come up
     */
    @Setup(Level.Trial)
    public void boot() throws Exception {
        deploy = Files.createTempDirectory("ws2-bench-deploy");
        staged = Files.createTempDirectory("ws2-bench-staged").resolve(LAYERS + ".jar");
        try (InputStream in = DeployBenchmark.class.getResourceAsStream("/bundles/" + LAYERS + ".jar")) {
            Files.copy(in, staged);
        }
        felix = Ws2Felix.start(Map.of("felix.fileinstall.dir", deploy.toString(),
                "felix.fileinstall.poll", String.valueOf(POLL_MS), "felix.fileinstall.noInitialDelay", "true",
                "felix.fileinstall.bundles.new.start", "true", "felix.fileinstall.log.level", "1"),
                "org.apache.felix.fileinstall");
        catalog = felix.service(ProviderCatalog.class);
        ws = felix.factory().open("deploy-bench");
        ws.startup(Winsock.VERSION_2_2);
    }

    /** Stops ws2. */
    @TearDown(Level.Trial)
    public void stop() {
        ws.close();
        felix.close();
    }

    /**
     * Deploys the layers and waits until a new socket is made on their chain.
     *
     * @return the socket's catalog entry
     * @throws Exception on failure
     */
    @Benchmark
    public int deployUntilServing() throws Exception {
        Path target = deploy.resolve(LAYERS + ".jar");
        Files.copy(staged, deploy.resolve(LAYERS + ".tmp"), StandardCopyOption.REPLACE_EXISTING);
        Files.move(deploy.resolve(LAYERS + ".tmp"), target, StandardCopyOption.ATOMIC_MOVE);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
            int entry = s.catalogEntryId();
            ws.closeSocket(s);
            if (entry == servingChain()) {
                return entry;
            }
            Thread.sleep(1);
        }
        throw new IllegalStateException("the deployed layers never served a socket");
    }

    /** The ID of the three-layer chain when all its layers are present, or -1. */
    private int servingChain() {
        for (CatalogEntry e : catalog.entries(CatalogView.NATIVE)) {
            if (e.info().protocolChain().length() == 4 && e.available() && e.reason().isEmpty()) {
                return e.info().catalogEntryId();
            }
        }
        return -1;
    }

    /**
     * Removes the jar and waits until FileInstall has uninstalled the bundle.
     *
     * @throws Exception on failure
     */
    @TearDown(Level.Invocation)
    public void undeploy() throws Exception {
        Files.delete(deploy.resolve(LAYERS + ".jar"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (servingChain() != -1) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the layers were not removed");
            }
            Thread.sleep(5);
        }
    }
}
