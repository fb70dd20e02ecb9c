package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

import ws2.api.AddressFamily;
import ws2.api.IoctlCodes;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;

/**
 * A started memory dispatch on a {@link TestUpcall}, the provider's catalog entry, and helpers that
 * make listeners and connections. Each test gets a fresh provider (so a fresh name space) and
 * dispatch, cleaned up afterwards.
 */
abstract class MemoryTestBase {
    static final ProtocolInfo ENTRY = ProtocolInfo.builder().providerId(UUID.fromString(MemoryProvider.ID))
            .catalogEntryId(1005).triple(AddressFamily.AF_UNIX, SocketType.SOCK_STREAM, 0)
            .serviceFlags1(MemoryProvider.SERVICE_FLAGS).providerFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO)
            .sockAddrLengths(UnixAddress.MIN_LENGTH, UnixAddress.MAX_LENGTH).protocolName("ws2 Memory [pipe stream]")
            .build();

    final MemoryProvider provider = new MemoryProvider();
    final TestUpcall upcall = new TestUpcall();
    WspDispatch d;

    @BeforeEach
    void startDispatch() throws WsaException {
        d = provider.startup(TransportProvider.SPI_VERSION, ENTRY, upcall);
    }

    @AfterEach
    void cleanupDispatch() throws WsaException {
        cleanupQuietly(d);
    }

    /** {@code WSPCleanup} of a dispatch a test may have cleaned up already. */
    static void cleanupQuietly(WspDispatch dispatch) throws WsaException {
        try {
            dispatch.cleanup();
        } catch (WsaException e) {
            if (e.error() != WsaError.WSANOTINITIALISED) {
                throw e;
            }
        }
    }

    /** A second client context of the same provider: another dispatch with its own upcalls. */
    WspDispatch otherContext(TestUpcall upcalls) throws WsaException {
        return provider.startup(TransportProvider.SPI_VERSION, ENTRY, upcalls);
    }

    /** A new socket of the entry. */
    SocketHandle socket() throws WsaException {
        return d.socket(0, 0, 0, ENTRY, 0, 0);
    }

    /** The address of a name. */
    static SockAddr address(String name) {
        try {
            return UnixAddress.of(name);
        } catch (WsaException e) {
            throw new AssertionError(e);
        }
    }

    /** A socket listening on a name. */
    SocketHandle listener(String name) throws WsaException {
        SocketHandle s = socket();
        d.bind(s, address(name));
        d.listen(s, 16);
        return s;
    }

    /** The two ends of a connection. */
    record Connection(SocketHandle client, SocketHandle server) {
    }

    /** A connection through a listener that is closed afterwards. */
    Connection connect() throws WsaException {
        SocketHandle listener = listener("pair");
        SocketHandle client = socket();
        d.connect(client, address("pair"), null);
        SocketHandle server = d.accept(listener, null);
        d.closeSocket(listener);
        return new Connection(client, server);
    }

    void setNonBlocking(SocketHandle s, boolean on) throws WsaException {
        ByteBuffer in = ByteBuffer.allocate(4).putInt(0, on ? 1 : 0);
        assertEquals(0, d.ioctl(s, IoctlCodes.FIONBIO, in, null, null, null, null));
    }

    int fionread(SocketHandle s) throws WsaException {
        ByteBuffer out = ByteBuffer.allocate(4);
        assertEquals(4, d.ioctl(s, IoctlCodes.FIONREAD, null, out, null, null, null));
        return out.getInt(0);
    }

    /** Sends all of a text. */
    void sendText(SocketHandle s, String text) throws WsaException {
        ByteBuffer b = bytes(text);
        assertEquals(b.remaining(), d.send(s, b, 0));
    }

    /** Receives once into a buffer of {@code capacity} bytes and checks that exactly {@code expected} arrived. */
    void receives(SocketHandle s, int capacity, String expected) throws WsaException {
        ByteBuffer b = ByteBuffer.allocate(capacity);
        assertEquals(expected.length(), d.recv(s, b, 0));
        assertEquals(expected, text(b.flip()));
    }

    static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    static ByteBuffer[] buffers(String... texts) {
        return Arrays.stream(texts).map(MemoryTestBase::bytes).toArray(ByteBuffer[]::new);
    }

    static String text(ByteBuffer b) {
        return StandardCharsets.UTF_8.decode(b).toString();
    }

    /** Asserts that a call fails with a code and returns the failure. */
    static WsaException fails(WsaError error, Executable call) {
        WsaException e = assertThrows(WsaException.class, call);
        assertEquals(error, e.error(), e::getMessage);
        return e;
    }

    /** A call running on its own thread, so the test can see it block and wake. */
    static final class Background<T> {
        final Thread thread;
        private final CompletableFuture<T> result = new CompletableFuture<>();

        Background(String name, Callable<T> body) {
            thread = new Thread(() -> {
                try {
                    result.complete(body.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            }, name);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits (up to 10 s, failing then) until the thread parks in a blocking wait of the provider. */
        Background<T> awaitBlocked() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && !result.isDone()) {
                if (thread.getState() == Thread.State.WAITING || thread.getState() == Thread.State.TIMED_WAITING) {
                    if (Arrays.stream(thread.getStackTrace()).anyMatch(f -> f.getClassName().equals(Blocking.class.getName())
                            && f.getMethodName().equals("await"))) {
                        return this;
                    }
                }
                Thread.sleep(1);
            }
            throw new AssertionError("'" + thread.getName() + "' did not block in the provider"
                    + (result.isDone() ? "; it finished" : ""));
        }

        /** The call's result, waiting up to 10 s. */
        T get() throws Exception {
            try {
                return result.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception) {
                    throw (Exception) e.getCause();
                }
                throw e;
            }
        }

        /** Asserts the call failed with a code, waiting up to 10 s. */
        WsaException fails(WsaError error) throws Exception {
            WsaException e = assertThrows(WsaException.class, this::get);
            assertEquals(error, e.error(), e::getMessage);
            return e;
        }

        /** Asserts the call has not finished. */
        void stillRunning() {
            assertTrue(!result.isDone(), "'" + thread.getName() + "' finished: " + result);
        }
    }
}
