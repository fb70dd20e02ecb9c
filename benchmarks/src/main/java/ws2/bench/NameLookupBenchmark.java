package ws2.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import ws2.api.AddrInfo;
import ws2.api.AddressFamily;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.SocketType;
import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * A cached host lookup through the namespace stack against {@code InetAddress.getByName} on the
 * same name, in the same run: {@code localhost}, which the JDK answers from its own cache and ws2
 * from the hosts provider ({@code /etc/hosts}) through its result cache. {@link #ws2Lookup} is
 * {@code WSALookupServiceBegin}/{@code Next}/{@code End}; {@link #ws2GetAddrInfo} is
 * {@code getaddrinfo} for stream sockets. Score: nanoseconds per lookup. Goal (issue 6): ws2 at
 * most 1.5 times the JDK.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
public class NameLookupBenchmark {
    private static final String NAME = "localhost";
    private static final QuerySet QUERY = QuerySet.hostQuery(NAME, NameSpaces.NS_ALL);
    private static final int FLAGS = LookupFlags.LUP_RETURN_ADDR | LookupFlags.LUP_RETURN_NAME;

    private Ws2Felix felix;
    private Winsock ws;

    /**
     * Boots ws2 with the hosts provider and checks both sides resolve the name.
     *
     * @throws Exception if it does not come up
     */
    @Setup
    public void setup() throws Exception {
        felix = Ws2Felix.start(Map.of(), "ws2.provider.hosts");
        ws = felix.factory().open("lookup-bench");
        ws.startup(Winsock.VERSION_2_2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                ws2GetAddrInfo();
                break;
            } catch (WsaException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("ws2 does not resolve " + NAME, e);
                }
                Thread.sleep(10);
            }
        }
        jdk();
    }

    /** Stops ws2. */
    @TearDown
    public void tearDown() {
        ws.close();
        felix.close();
    }

    /**
     * {@code WSALookupServiceBegin}/{@code Next}/{@code End} for the name's addresses.
     *
     * @return the result
     * @throws WsaException on failure
     */
    @Benchmark
    public QuerySet ws2Lookup() throws WsaException {
        LookupHandle h = ws.lookupServiceBegin(QUERY, FLAGS);
        try {
            QuerySet r = ws.lookupServiceNext(h, FLAGS);
            try {
                ws.lookupServiceNext(h, FLAGS);
            } catch (WsaException e) {
                if (e.error() != WsaError.WSA_E_NO_MORE) {
                    throw e;
                }
            }
            return r;
        } finally {
            ws.lookupServiceEnd(h);
        }
    }

    /**
     * {@code getaddrinfo} for stream sockets.
     *
     * @return the addresses
     * @throws WsaException on failure
     */
    @Benchmark
    public List<AddrInfo> ws2GetAddrInfo() throws WsaException {
        return ws.getAddrInfo(NAME, null, AddressFamily.AF_UNSPEC, SocketType.SOCK_STREAM);
    }

    /**
     * The JDK's resolver on the same name.
     *
     * @return the address
     * @throws UnknownHostException on failure
     */
    @Benchmark
    public InetAddress jdk() throws UnknownHostException {
        return InetAddress.getByName(NAME);
    }
}
