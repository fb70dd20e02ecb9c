package ws2.bench.echo;

import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.Completion;
import ws2.api.CompletionPort;
import ws2.api.Overlapped;
import ws2.api.SockAddr;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WsaException;
import ws2.bench.Ws2Felix;

/**
 * An echo server written the way a Winsock server is written, on overlapped I/O and a completion
 * port, through ws2's client API inside a real Felix (ws2.core and the tcpip provider).
 *
 * <h2>Shape</h2>
 * <ul>
 * <li>One completion port; {@code workers} threads loop on {@code GetQueuedCompletionStatus}.</li>
 * <li>A listening socket associated with the port under key {@value #LISTENER}, with
 * {@value #ACCEPTS} {@code AcceptEx} outstanding at all times, each into a socket created beforehand
 * with {@code socket()}. A completed accept is replaced by a new one at once.</li>
 * <li>Each connection has its per-handle data ({@link Conn}: the socket, one 64-byte direct buffer,
 * one {@link Overlapped}), and is associated with the port under its own key, which indexes the
 * connection table (the Java stand-in for passing a pointer as the completion key).</li>
 * <li>The echo: post a {@code WSARecv}; on its completion post a {@code WSASend} of what came; on
 * the send's completion post the next {@code WSARecv}. One operation is outstanding per connection,
 * so one {@code Overlapped} serves both and no two workers touch a connection at once (the port's
 * queue orders one completion before the worker's next call).</li>
 * <li>Each connection is set to {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}
 * ({@code SetFileCompletionNotificationModes}), as high-throughput Windows servers are: a call that
 * completes at once queues no packet, and the worker goes on with the next step in the same
 * thread; only the operations that pend come back through the port.</li>
 * </ul>
 */
public final class Ws2EchoServer implements EchoServer {
    /** Completion key of the listening socket. */
    static final long LISTENER = 0;
    /** Completion key that tells a worker to stop. */
    static final long STOP = -1;
    /** How many {@code AcceptEx} are kept outstanding. */
    static final int ACCEPTS = 16;
    /** The receive buffer of a connection: the message size of the load. */
    static final int BUFFER = LoadGenerator.MESSAGE;

    /** Per-handle data of one connection. */
    private static final class Conn {
        final int key;
        final SocketHandle socket;
        final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        final ByteBuffer[] buffers = {buffer};
        final Overlapped io = new Overlapped();
        boolean receiving;

        Conn(int key, SocketHandle socket) {
            this.key = key;
            this.socket = socket;
        }
    }

    private final Ws2Felix felix;
    private final Winsock ws;
    private final CompletionPort port;
    private final SocketHandle listener;
    private final InetSocketAddress address;
    private final Map<Overlapped, Conn> accepting = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final List<Thread> workers = new ArrayList<>();
    private final Object tableLock = new Object();
    private volatile Conn[] table = new Conn[1024]; // index = completion key; 0 is the listener
    private int[] free = new int[0]; // guarded by tableLock: keys of closed connections
    private int freeCount; // guarded by tableLock
    private int nextKey = 1; // guarded by tableLock
    private volatile boolean closing;

    private Ws2EchoServer(Ws2Felix felix, int workerThreads) throws WsaException {
        this.felix = felix;
        ws = felix.factory().open("ws2-echo");
        ws.startup(Winsock.VERSION_2_2);
        port = ws.createCompletionPort();
        listener = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        ws.bind(listener, SockAddr.of(InetAddress.getLoopbackAddress(), 0));
        ws.listen(listener, Winsock.SOMAXCONN);
        SockAddr bound = ws.getSockName(listener);
        address = new InetSocketAddress(InetAddress.getLoopbackAddress(), bound.port());
        ws.associate(port, listener, LISTENER);
        for (int i = 0; i < workerThreads; i++) {
            Thread t = new Thread(this::work, "ws2-echo-worker-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        for (int i = 0; i < ACCEPTS; i++) {
            postAccept();
        }
    }

    /**
     * Boots Felix with ws2 and starts the server on an ephemeral port of 127.0.0.1.
     *
     * @param workerThreads threads taking completion packets
     * @return the running server
     * @throws Exception if ws2 or the server does not come up
     */
    public static Ws2EchoServer start(int workerThreads) throws Exception {
        Ws2Felix felix = Ws2Felix.start();
        try {
            return new Ws2EchoServer(felix, workerThreads);
        } catch (WsaException | RuntimeException e) {
            felix.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public int connections() {
        return open.get();
    }

    // ---- the worker loop --------------------------------------------------------------------

    private void work() {
        while (true) {
            Completion c;
            try {
                c = ws.getQueuedCompletionStatus(port, null);
            } catch (WsaException e) {
                return; // the port was closed
            }
            long key = c.key();
            if (key == STOP) {
                return;
            }
            try {
                if (key == LISTENER) {
                    accepted(c);
                } else {
                    transferred(table[(int) key], c.error(), c.transferred());
                }
            } catch (WsaException | RuntimeException e) {
                if (!closing) {
                    System.err.println("ws2 echo: " + e);
                }
            }
        }
    }

    /** An {@code AcceptEx} completed: set the connection up, post its first receive, replace the accept. */
    private void accepted(Completion c) throws WsaException {
        Conn conn = accepting.remove(c.overlapped());
        if (closing) {
            return;
        }
        if (c.error() != 0) {
            close(conn);
        } else {
            ws.setSockOpt(conn.socket, SockOpt.TCP_NODELAY, true);
            ws.associate(port, conn.socket, conn.key);
            ws.setCompletionNotificationModes(conn.socket, Winsock.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS);
            open.incrementAndGet();
            if (start(conn, true)) {
                transferred(conn, conn.io.error(), conn.io.transferred());
            }
        }
        postAccept();
    }

    /**
     * A receive or send of a connection completed: echo, or receive again, going on in this thread
     * for as long as the next operation completes at once.
     */
    private void transferred(Conn conn, int error, int transferred) throws WsaException {
        int e = error;
        int n = transferred;
        while (true) {
            if (e != 0 || conn.receiving && n == 0) {
                disconnect(conn); // reset, or the peer closed
                return;
            }
            boolean receiveNext;
            if (conn.receiving) {
                conn.buffer.flip();
                conn.receiving = false;
                receiveNext = false;
            } else {
                receiveNext = !conn.buffer.hasRemaining(); // a stream send completes when every byte went out
            }
            if (!start(conn, receiveNext)) {
                return; // pending: its packet comes through the port
            }
            e = conn.io.error();
            n = conn.io.transferred();
        }
    }

    /**
     * Starts the next receive or send of a connection.
     *
     * @return true if it completed at once (its outcome is in the connection's overlapped)
     */
    private boolean start(Conn conn, boolean receive) {
        try {
            if (receive) {
                conn.buffer.clear();
                conn.receiving = true;
                return ws.recv(conn.socket, conn.buffers, 0, conn.io, null);
            }
            return ws.send(conn.socket, conn.buffers, 0, conn.io, null);
        } catch (WsaException e) {
            disconnect(conn);
            return false;
        }
    }

    private void postAccept() throws WsaException {
        SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, IPPROTO_TCP);
        Conn conn = register(s);
        Overlapped ov = new Overlapped();
        accepting.put(ov, conn);
        try {
            ws.acceptEx(listener, s, ov, null);
        } catch (WsaException e) {
            accepting.remove(ov);
            close(conn);
            throw e;
        }
    }

    private void disconnect(Conn conn) {
        open.decrementAndGet();
        close(conn);
    }

    private void close(Conn conn) {
        try {
            ws.closeSocket(conn.socket);
        } catch (WsaException e) {
            // already closed
        }
        synchronized (tableLock) {
            table[conn.key] = null;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, Math.max(16, free.length * 2));
            }
            free[freeCount++] = conn.key;
        }
    }

    /** Gives a socket a key and its per-handle data; the table grows by copying, published by one write. */
    private Conn register(SocketHandle s) {
        synchronized (tableLock) {
            int key = freeCount > 0 ? free[--freeCount] : nextKey++;
            Conn[] t = table;
            if (key >= t.length) {
                t = Arrays.copyOf(t, t.length * 2);
            }
            Conn conn = new Conn(key, s);
            t[key] = conn;
            table = t;
            return conn;
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        try {
            for (int i = 0; i < workers.size(); i++) {
                ws.postQueuedCompletionStatus(port, 0, STOP, null);
            }
        } catch (WsaException e) {
            // the port is gone: so are the workers
        }
        for (Thread t : workers) {
            t.join(TimeUnit.SECONDS.toMillis(5));
        }
        ws.close(); // closes every socket and the port
        felix.close();
    }

    @Override
    public String toString() {
        return "ws2 echo server on " + address;
    }
}
