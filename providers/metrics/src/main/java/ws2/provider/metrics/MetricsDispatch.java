package ws2.provider.metrics;

import java.nio.ByteBuffer;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.Overlapped;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WsaData;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.layer.ForwardingDispatch;
import ws2.spi.layer.LayeredSocket;
import ws2.spi.layer.Lower;
import ws2.spi.layer.NextLayer;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The {@code WSP*} dispatch table of the metrics layer for one client context: every call is
 * forwarded as by {@link ForwardingDispatch}; {@code WSPSend}, {@code WSPSendTo}, {@code WSPRecv},
 * {@code WSPRecvFrom} (single-buffer, buffer-array and overlapped forms), {@code WSPConnect},
 * {@code ConnectEx}, {@code WSPAccept} and {@code AcceptEx} are also timed with
 * {@link System#nanoTime} and counted in the socket's {@link Meter}.
 *
 * <p>An overlapped call that completes at once returns its byte count, which is counted; one left
 * pending ({@code WSA_IO_PENDING}) is counted as a call only, since its completion goes from the
 * lower provider to the client through ws2.core without passing this layer. Accepts are counted
 * on the listening socket.
 *
 * <p>Each socket it issues is entered in the shared {@link MetricsRegistry} with the provider
 * below it (its {@code WSPDATA} description: the provider version actually below, layer or base)
 * and its chain entry, and folded into their totals when closed or at {@code WSPCleanup}.
 */
final class MetricsDispatch extends ForwardingDispatch {
    private final MetricsRegistry registry;

    /**
     * Creates the dispatch of one client context.
     *
     * @param data the negotiated {@code WSPDATA}
     * @param upcall the upcall table
     * @param next the next layer
     * @param registry the table shared by the layer's contexts
     */
    MetricsDispatch(WsaData data, Upcall upcall, NextLayer next, MetricsRegistry registry) {
        super(data, upcall, next);
        this.registry = registry;
    }

    @Override
    protected LayeredSocket newSocket(Lower lower, ProtocolInfo entry) {
        return new MetricsSocket(lower, entry);
    }

    @Override
    protected void closed(LayeredSocket socket) {
        registry.closed(socket.handle().value());
    }

    /** {@inheritDoc} The context's sockets left open are folded into the totals. */
    @Override
    public void cleanup() throws WsaException {
        registry.cleanup(this);
        super.cleanup();
    }

    @Override
    public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
            throws WsaException {
        return opened(super.socket(af, type, protocol, info, group, flags));
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        Meter m = metered(s).meter();
        long t = System.nanoTime();
        SocketHandle accepted;
        try {
            accepted = super.accept(s, condition);
        } catch (WsaException e) {
            throw m.failed(e, since(t));
        }
        m.completed(since(t));
        return opened(accepted);
    }

    @Override
    public int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        MetricsSocket ms = metered(listener);
        Lower l = ms.lower();
        SocketHandle lowerAccept = metered(accept).lower().handle();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().acceptEx(l.handle(), lowerAccept, overlapped, routine, thread);
            ms.meter().completed(since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            l.dispatch().connect(l.handle(), name, data);
            ms.meter().completed(since(t));
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().connectEx(l.handle(), name, overlapped, routine, thread);
            ms.meter().completed(since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().send(l.handle(), buffers, flags, overlapped, routine, thread);
            ms.meter().sent(n, since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().send(l.handle(), buffer, flags);
            ms.meter().sent(n, since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().sendTo(l.handle(), buffers, flags, to, overlapped, routine, thread);
            ms.meter().sent(n, since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().recv(l.handle(), buffers, flags, overlapped, routine, thread);
            ms.meter().received(n, since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            int n = l.dispatch().recv(l.handle(), buffer, flags);
            ms.meter().received(n, since(t));
            return n;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        MetricsSocket ms = metered(s);
        Lower l = ms.lower();
        long t = System.nanoTime();
        try {
            Received r = l.dispatch().recvFrom(l.handle(), buffers, flags, overlapped, routine, thread);
            ms.meter().received(r.bytes(), since(t));
            return r;
        } catch (WsaException e) {
            throw ms.meter().failed(e, since(t));
        }
    }

    private MetricsSocket metered(SocketHandle s) throws WsaException {
        return (MetricsSocket) layered(s);
    }

    /** Enters a socket this dispatch just issued in the registry. */
    private SocketHandle opened(SocketHandle h) throws WsaException {
        MetricsSocket ms = metered(h);
        registry.opened(this, h.value(), ms.lower().dispatch().data().description(), ms.entry().catalogEntryId(),
                ms.meter());
        return h;
    }

    private static long since(long start) {
        return System.nanoTime() - start;
    }
}
