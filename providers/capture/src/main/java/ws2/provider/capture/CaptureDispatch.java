package ws2.provider.capture;

import java.nio.ByteBuffer;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.MessageFlags;
import ws2.api.Overlapped;
import ws2.api.Received;
import ws2.api.ShutdownHow;
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
 * The {@code WSPPROC_TABLE} of the capture layer for one client context: every call is forwarded
 * as by {@link ForwardingDispatch}, and while capture is on what the sockets move is recorded.
 *
 * <h3>What is recorded</h3>
 * <ul>
 * <li>{@code WSPSend}, {@code WSPSendTo}: the bytes the lower provider took, as many as it returned.</li>
 * <li>{@code WSPRecv}, {@code WSPRecvFrom}: the bytes it delivered; a stream receive that returns 0
 * into a non-empty buffer records the peer's {@code FIN}. {@code MSG_PEEK} receives record
 * nothing (the data is recorded when it is read).</li>
 * <li>{@code WSPConnect}, {@code ConnectEx} completed at once, {@code WSPAccept}: the TCP handshake.</li>
 * <li>{@code WSPShutdown} of the sending side, {@code WSPCloseSocket}: this socket's {@code FIN}.</li>
 * </ul>
 * Only calls that complete synchronously are seen. An overlapped call left pending
 * ({@code WSA_IO_PENDING}) completes from the lower provider to the client through ws2.core
 * without passing this layer, so its data is not recorded; neither is a failed call.
 *
 * <h3>Cost</h3>
 * While capture is off a call costs one volatile read more than a pass-through layer. While it is
 * on, the data is copied once, packets are built, and each is written under the file's lock.
 * Recording never changes a call's outcome: when the lower socket cannot tell its addresses the
 * call is not recorded, and a file that fails is logged once and written no more until the next
 * configuration (fail-open).
 */
final class CaptureDispatch extends ForwardingDispatch {
    private final Recorder recorder;

    /**
     * Creates the dispatch of one client context.
     *
     * @param data the negotiated {@code WSPDATA}
     * @param upcall the upcall table
     * @param next the next layer
     * @param recorder the capture shared by the layer's contexts
     */
    CaptureDispatch(WsaData data, Upcall upcall, NextLayer next, Recorder recorder) {
        super(data, upcall, next);
        this.recorder = recorder;
    }

    @Override
    protected LayeredSocket newSocket(Lower lower, ProtocolInfo entry) {
        return new CaptureSocket(lower, entry);
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        super.connect(s, name, data);
        opened(s, true);
    }

    /** {@inheritDoc} Reached only when the connection is made at once; a pending one is not seen. */
    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        int n = super.connectEx(s, name, overlapped, routine, thread);
        opened(s, true);
        return n;
    }

    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        SocketHandle accepted = super.accept(s, condition);
        opened(accepted, false);
        return accepted;
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        super.shutdown(s, how);
        if (how != ShutdownHow.SD_RECEIVE) {
            finished(captured(s));
        }
    }

    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        CaptureSocket cs = captured(s);
        super.closeSocket(s);
        finished(cs);
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        CaptureSocket cs = captured(s);
        Lower l = cs.lower();
        PcapngWriter out = recorder.writer();
        Tap tap = out == null ? null : Tap.of(out, buffers);
        int n = l.dispatch().send(l.handle(), buffers, flags, overlapped, routine, thread);
        sent(cs, tap, n, null);
        return n;
    }

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        CaptureSocket cs = captured(s);
        Lower l = cs.lower();
        PcapngWriter out = recorder.writer();
        Tap tap = out == null ? null : Tap.of(out, buffer);
        int n = l.dispatch().send(l.handle(), buffer, flags);
        sent(cs, tap, n, null);
        return n;
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        CaptureSocket cs = captured(s);
        Lower l = cs.lower();
        PcapngWriter out = recorder.writer();
        Tap tap = out == null ? null : Tap.of(out, buffers);
        int n = l.dispatch().sendTo(l.handle(), buffers, flags, to, overlapped, routine, thread);
        sent(cs, tap, n, to);
        return n;
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        CaptureSocket cs = captured(s);
        Lower l = cs.lower();
        PcapngWriter out = reading(flags);
        Tap tap = out == null ? null : Tap.of(out, buffers);
        int n = l.dispatch().recv(l.handle(), buffers, flags, overlapped, routine, thread);
        received(cs, tap, n, null);
        return n;
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        CaptureSocket cs = captured(s);
        Lower l = cs.lower();
        PcapngWriter out = reading(flags);
        Tap tap = out == null ? null : Tap.of(out, buffer);
        int n = l.dispatch().recv(l.handle(), buffer, flags);
        received(cs, tap, n, null);
        return n;
    }

    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        CaptureSocket cs = captured(s);
        Lower l = cs.lower();
        PcapngWriter out = reading(flags);
        Tap tap = out == null ? null : Tap.of(out, buffers);
        Received r = l.dispatch().recvFrom(l.handle(), buffers, flags, overlapped, routine, thread);
        received(cs, tap, r.bytes(), r.from());
        return r;
    }

    private CaptureSocket captured(SocketHandle s) throws WsaException {
        return (CaptureSocket) layered(s);
    }

    /** The writer for a receive: none while capture is off or when the call only peeks. */
    private PcapngWriter reading(int flags) {
        return (flags & MessageFlags.MSG_PEEK) != 0 ? null : recorder.writer();
    }

    private void opened(SocketHandle s, boolean active) throws WsaException {
        PcapngWriter out = recorder.writer();
        if (out != null) {
            CaptureSocket cs = captured(s);
            try {
                cs.opened(out, active);
            } catch (WsaException unrecorded) {
                // fail-open: a connection whose addresses cannot be read is recorded without its handshake
            }
        }
    }

    private void finished(CaptureSocket cs) {
        PcapngWriter out = recorder.writer();
        if (out != null) {
            cs.finished(out);
        }
    }

    private static void sent(CaptureSocket cs, Tap tap, int n, SockAddr to) {
        if (tap != null) {
            try {
                cs.sent(tap.out(), tap.data(n), to);
            } catch (WsaException unrecorded) {
                // fail-open: data whose addresses cannot be read is not recorded; the call succeeded
            }
        }
    }

    private static void received(CaptureSocket cs, Tap tap, int n, SockAddr from) {
        if (tap != null) {
            boolean end = n == 0 && tap.room() > 0;
            try {
                cs.received(tap.out(), tap.data(n), end, from);
            } catch (WsaException unrecorded) {
                // fail-open: data whose addresses cannot be read is not recorded; the call succeeded
            }
        }
    }
}
