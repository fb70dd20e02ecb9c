package ws2.provider.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** A TLS client and server {@link TlsConnection} over an in-memory wire, without a framework or a socket. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsConnectionTest {
    private static final SockAddr PEER = SockAddr.of(InetAddress.getLoopbackAddress(), 443);

    @TempDir
    static Path dir;
    static TestStores stores;
    static TlsSettings server;
    static TlsSettings client;

    @BeforeAll
    static void stores() throws Exception {
        stores = TestStores.make(dir);
        server = TlsSettings.load(stores.keyStore.toString(), TestStores.PASSWORD, "", "", new String[0]);
        client = TlsSettings.load("", "", stores.trustStore.toString(), TestStores.PASSWORD, new String[0]);
    }

    /** The two ends after their handshakes, and the wires under them. */
    private record Pair(TlsConnection client, TlsConnection server, MemoryWire clientWire, MemoryWire serverWire,
            SSLEngine clientEngine) {
    }

    private static Pair connect(TlsSettings clientSettings) throws Exception {
        MemoryWire[] wires = MemoryWire.pair();
        SSLEngine serverEngine = server.serverEngine();
        CompletableFuture<TlsConnection> accepted = CompletableFuture.supplyAsync(() -> {
            try {
                return TlsConnection.handshake(serverEngine, wires[1]);
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
        });
        SSLEngine clientEngine = clientSettings.clientEngine(PEER);
        TlsConnection c = TlsConnection.handshake(clientEngine, wires[0]);
        return new Pair(c, accepted.get(30, TimeUnit.SECONDS), wires[0], wires[1], clientEngine);
    }

    private static ByteBuffer[] one(ByteBuffer b) {
        return new ByteBuffer[] {b};
    }

    @Test
    void aMebibyteArrivesIntactThroughSmallReceivesAndOnlyRecordsGoOnTheWire() throws Exception {
        Pair p = connect(client);
        assertEquals("TLSv1.3", p.clientEngine().getSession().getProtocol());
        byte[] data = new byte[1 << 20];
        new Random(7).nextBytes(data);
        CompletableFuture<Integer> sent = CompletableFuture.supplyAsync(() -> {
            try {
                return p.client().send(one(ByteBuffer.wrap(data)));
            } catch (WsaException e) {
                throw new IllegalStateException(e);
            }
        });
        ByteBuffer in = ByteBuffer.allocate(data.length);
        ByteBuffer chunk = ByteBuffer.allocate(1000);
        while (in.hasRemaining()) {
            int n = p.server().recv(one(chunk.clear()), false);
            assertTrue(n > 0 && n <= 1000);
            in.put(chunk.flip());
        }
        assertEquals(data.length, sent.get(30, TimeUnit.SECONDS));
        assertArrayEquals(data, in.array());
        byte[] wire = p.clientWire().written.toByteArray();
        assertTrue(wire.length > data.length, "records add their overhead");
        assertEquals(0x16, wire[0], "the first record is a handshake record");
        assertFalse(new String(wire, StandardCharsets.ISO_8859_1).contains(new String(data, 0, 64,
                StandardCharsets.ISO_8859_1)), "no plaintext on the wire");
    }

    @Test
    void peekLeavesPlaintextBufferedAndBuffersAreFilledInOrder() throws Exception {
        Pair p = connect(client);
        p.client().send(one(ByteBuffer.wrap("hello, world".getBytes(StandardCharsets.US_ASCII))));
        ByteBuffer peeked = ByteBuffer.allocate(5);
        assertEquals(5, p.server().recv(one(peeked), true));
        assertEquals(12, p.server().buffered());
        ByteBuffer a = ByteBuffer.allocate(7);
        ByteBuffer b = ByteBuffer.allocate(20);
        assertEquals(12, p.server().recv(new ByteBuffer[] {a, b}, false));
        assertEquals("hello, world", new String(a.array(), StandardCharsets.US_ASCII)
                + new String(b.array(), 0, b.position(), StandardCharsets.US_ASCII));
        assertEquals(0, p.server().buffered());
        assertEquals(0, p.server().recv(one(ByteBuffer.allocate(0)), false), "no room, nothing read");
    }

    @Test
    void closeNotifyEndsTheStreamAndLaterSendsAreShutDown() throws Exception {
        Pair p = connect(client);
        p.client().send(one(ByteBuffer.wrap(new byte[] {1, 2, 3})));
        p.client().closeOutbound(true);
        p.client().closeOutbound(true);
        ByteBuffer in = ByteBuffer.allocate(10);
        assertEquals(3, p.server().recv(one(in), false));
        assertEquals(0, p.server().recv(one(in), false));
        assertEquals(0, p.server().recv(one(in), false), "the end stays the end");
        WsaException e = assertThrows(WsaException.class, () -> p.client().send(one(ByteBuffer.wrap(new byte[1]))));
        assertEquals(WsaError.WSAESHUTDOWN, e.error());
        p.server().send(one(ByteBuffer.wrap(new byte[] {9})));
        assertEquals(1, p.client().recv(one(ByteBuffer.allocate(4)), false), "TLS 1.3 half-close: the other way still works");
    }

    @Test
    void aDroppedConnectionEndsTheStreamWithoutCloseNotify() throws Exception {
        Pair p = connect(client);
        p.clientWire().closeOutput();
        assertEquals(0, p.server().recv(one(ByteBuffer.allocate(10)), false));
    }

    @Test
    void tls12WorksWhenItIsTheOnlyProtocolOffered() throws Exception {
        Pair p = connect(TlsSettings.load("", "", stores.trustStore.toString(), TestStores.PASSWORD,
                new String[] {"TLSv1.2"}));
        assertEquals("TLSv1.2", p.clientEngine().getSession().getProtocol());
        p.client().send(one(ByteBuffer.wrap(new byte[] {42})));
        ByteBuffer in = ByteBuffer.allocate(1);
        assertEquals(1, p.server().recv(one(in), false));
        assertEquals(42, in.get(0));
    }

    @Test
    void anUntrustedServerAbortsTheHandshakeOnBothEnds() throws Exception {
        TlsSettings jdkTrust = TlsSettings.load("", "", "", "", new String[0]);
        MemoryWire[] wires = MemoryWire.pair();
        CompletableFuture<WsaError> serverSide = CompletableFuture.supplyAsync(() -> {
            try {
                TlsConnection.handshake(server.serverEngine(), wires[1]);
                return null;
            } catch (WsaException e) {
                return e.error();
            }
        });
        WsaException e = assertThrows(WsaException.class,
                () -> TlsConnection.handshake(jdkTrust.clientEngine(PEER), wires[0]));
        assertEquals(WsaError.WSAECONNABORTED, e.error());
        assertTrue(e.getMessage().contains("TLS handshake failed: ") && e.getMessage().contains("PKIX path building failed"),
                e.getMessage());
        assertEquals(WsaError.WSAECONNABORTED, serverSide.get(30, TimeUnit.SECONDS), "the alert reached the server");
    }
}
