package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import ws2.api.FdSet;
import ws2.api.Overlapped;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * Many threads on many connections through tiny pipes: blocking, select-driven and overlapped
 * transfers must deliver every byte in order, with no lost wake-up and no deadlock (each test fails
 * if it has not finished after a generous time).
 */
class ConcurrencyTest extends MemoryTestBase {
    private static final Duration GENEROUS = Duration.ofSeconds(60);
    private static final int CONNECTIONS = 6;
    private static final int BYTES = 64 * 1024;

    private static byte[] payload(int seed) {
        byte[] b = new byte[BYTES];
        new Random(seed).nextBytes(b);
        return b;
    }

    /** Receives exactly {@code length} bytes with blocking receives of random sizes. */
    private byte[] receiveAll(SocketHandle s, int length, Random random) throws WsaException {
        ByteBuffer all = ByteBuffer.allocate(length);
        while (all.hasRemaining()) {
            ByteBuffer chunk = all.slice().limit(Math.min(all.remaining(), 1 + random.nextInt(100)));
            int n = d.recv(s, chunk, 0);
            if (n == 0) {
                throw new AssertionError("the stream ended early");
            }
            all.position(all.position() + n);
        }
        return all.array();
    }

    /** Sends everything with blocking sends of random sizes. */
    private void sendAll(SocketHandle s, byte[] data, Random random) throws WsaException {
        ByteBuffer all = ByteBuffer.wrap(data);
        while (all.hasRemaining()) {
            ByteBuffer chunk = all.slice().limit(Math.min(all.remaining(), 1 + random.nextInt(300)));
            all.position(all.position() + d.send(s, chunk, 0));
        }
    }

    private List<Connection> connections(int pipeBytes) throws WsaException {
        SocketHandle listener = listener("many");
        List<Connection> all = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            SocketHandle client = socket();
            d.setSockOpt(client, SockOpt.SO_SNDBUF, pipeBytes);
            d.connect(client, address("many"), null);
            SocketHandle server = d.accept(listener, null);
            d.setSockOpt(server, SockOpt.SO_SNDBUF, pipeBytes);
            all.add(new Connection(client, server));
        }
        return all;
    }

    @Test
    void blockingEchoesOnManyThreads() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            List<Background<byte[]>> clients = new ArrayList<>();
            List<Background<Void>> servers = new ArrayList<>();
            int i = 0;
            for (Connection c : connections(37)) {
                int seed = i++;
                servers.add(new Background<>("echo-" + seed, () -> {
                    Random random = new Random(seed);
                    ByteBuffer b = ByteBuffer.allocate(128);
                    for (int n; (n = d.recv(c.server(), b.clear(), 0)) > 0; ) {
                        sendAll(c.server(), java.util.Arrays.copyOf(b.array(), n), random);
                    }
                    d.closeSocket(c.server());
                    return null;
                }));
                clients.add(new Background<>("client-" + seed, () -> {
                    Random random = new Random(~seed);
                    Background<byte[]> reader = new Background<>("reader-" + seed,
                            () -> receiveAll(c.client(), BYTES, new Random(seed * 31L)));
                    sendAll(c.client(), payload(seed), random);
                    d.shutdown(c.client(), ws2.api.ShutdownHow.SD_SEND);
                    return reader.get();
                }));
            }
            for (int k = 0; k < clients.size(); k++) {
                assertArrayEquals(payload(k), clients.get(k).get());
                servers.get(k).get();
            }
        });
    }

    @Test
    void oneSelectLoopServesWritersOnOtherThreads() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            List<Connection> all = connections(16);
            List<Background<Void>> writers = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Connection c = all.get(i);
                int seed = i;
                writers.add(new Background<>("writer-" + i, () -> {
                    sendAll(c.client(), payload(seed), new Random(seed));
                    d.closeSocket(c.client());
                    return null;
                }));
            }
            List<ByteBuffer> got = new ArrayList<>();
            for (Connection c : all) {
                setNonBlocking(c.server(), true);
                got.add(ByteBuffer.allocate(BYTES));
            }
            int open = all.size();
            boolean[] ended = new boolean[all.size()];
            while (open > 0) {
                FdSet read = new FdSet();
                for (int i = 0; i < all.size(); i++) {
                    if (!ended[i]) {
                        read.set(all.get(i).server());
                    }
                }
                d.select(read, null, null, null);
                for (int i = 0; i < all.size(); i++) {
                    if (!ended[i] && read.isSet(all.get(i).server())) {
                        ByteBuffer into = got.get(i);
                        int n = into.hasRemaining() ? d.recv(all.get(i).server(), into, 0) : 0;
                        if (n == 0) {
                            ended[i] = true;
                            open--;
                        }
                    }
                }
            }
            for (int i = 0; i < all.size(); i++) {
                writers.get(i).get();
                assertArrayEquals(payload(i), got.get(i).array());
            }
        });
    }

    @Test
    void overlappedSendsAndReceivesFromBothSidesMeet() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            List<Connection> all = connections(8);
            List<Background<byte[]>> receivers = new ArrayList<>();
            List<Background<Void>> senders = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                Connection c = all.get(i);
                int seed = i;
                senders.add(new Background<>("sender-" + i, () -> {
                    byte[] data = payload(seed);
                    List<Overlapped> sends = new ArrayList<>();
                    List<Integer> sizes = new ArrayList<>();
                    for (int at = 0; at < data.length; at += 1000) {
                        Overlapped ov = new Overlapped(upcall.createEvent());
                        ov.begin();
                        ByteBuffer part = ByteBuffer.wrap(data, at, Math.min(1000, data.length - at));
                        sizes.add(part.remaining());
                        try {
                            d.send(c.client(), new ByteBuffer[] {part}, 0, ov, null, null);
                        } catch (WsaException e) {
                            assertEquals(WsaError.WSA_IO_PENDING, e.error());
                        }
                        sends.add(ov);
                    }
                    for (int k = 0; k < sends.size(); k++) {
                        assertEquals(sizes.get(k), d.getOverlappedResult(c.client(), sends.get(k), true),
                                "a stream send completes with all its bytes");
                    }
                    return null;
                }));
                receivers.add(new Background<>("receiver-" + i, () -> {
                    ByteBuffer into = ByteBuffer.allocate(BYTES);
                    while (into.hasRemaining()) {
                        Overlapped ov = new Overlapped(upcall.createEvent());
                        ov.begin();
                        ByteBuffer chunk = into.slice().limit(Math.min(into.remaining(), 700));
                        try {
                            d.recv(c.server(), new ByteBuffer[] {chunk}, 0, ov, null, null);
                        } catch (WsaException e) {
                            assertEquals(WsaError.WSA_IO_PENDING, e.error());
                        }
                        into.position(into.position() + d.getOverlappedResult(c.server(), ov, true));
                    }
                    return into.array();
                }));
            }
            for (int i = 0; i < all.size(); i++) {
                senders.get(i).get();
                assertArrayEquals(payload(i), receivers.get(i).get());
            }
        });
    }

    @Test
    void closesRacingWithBlockedCallsEndThemAll() {
        assertTimeoutPreemptively(GENEROUS, () -> {
            for (int round = 0; round < 50; round++) {
                Connection c = connect();
                Background<Integer> reader = new Background<>("reader", () -> d.recv(c.server(),
                        ByteBuffer.allocate(1), 0));
                Background<Integer> selector = new Background<>("select", () -> d.select(FdSet.of(c.server()), null,
                        null, null));
                d.closeSocket(c.server());
                for (Background<Integer> b : List.of(reader, selector)) {
                    try {
                        b.get();
                    } catch (WsaException e) {
                        if (e.error() != WsaError.WSAEINTR && e.error() != WsaError.WSAENOTSOCK) {
                            throw e;
                        }
                    }
                }
                d.closeSocket(c.client());
            }
        });
    }
}
