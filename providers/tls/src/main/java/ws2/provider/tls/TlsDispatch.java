package ws2.provider.tls;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IoctlCodes;
import ws2.api.MessageFlags;
import ws2.api.Overlapped;
import ws2.api.Received;
import ws2.api.ShutdownHow;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.layer.ForwardingDispatch;
import ws2.spi.layer.LayeredSocket;
import ws2.spi.layer.Lower;
import ws2.spi.layer.NextLayer;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The {@code WSPPROC_TABLE} of the TLS layer for one client context: sockets that connect run a TLS
 * client handshake, accepted sockets a server handshake, and the data functions carry plaintext for
 * the caller and TLS records on the lower socket. Everything else is forwarded as by
 * {@link ForwardingDispatch}.
 *
 * <h3>Intercepted</h3>
 * <ul>
 * <li>{@code WSPConnect}: the lower connect, then the client handshake; {@code WSPAccept}: the lower
 * accept, then the server handshake, on the calling thread. A failed handshake is
 * {@code WSAECONNABORTED} with the JSSE message; an accepted connection that fails it, or that
 * arrives while no key store is configured ({@code WSAEACCES}), is closed and the listener stays
 * usable.</li>
 * <li>{@code WSPSend}, {@code WSPSendTo} (the address is ignored, as on any connected stream):
 * encrypt and write every record, blocking. {@code WSPRecv}, {@code WSPRecvFrom}: buffered plaintext
 * first, else the next record's; 0 after {@code close_notify} or the end of the stream.
 * {@code MSG_PEEK} and {@code MSG_WAITALL} work on plaintext.</li>
 * <li>{@code WSPShutdown} ({@code SD_SEND}, {@code SD_BOTH}) and {@code WSPSendDisconnect} send
 * {@code close_notify} first; {@code WSPCloseSocket} sends it if no send is in progress.</li>
 * <li>{@code FIONREAD} counts buffered plaintext; {@code WSPSelect} reports a socket with buffered
 * plaintext readable (a socket whose lower socket is readable may still wait for the rest of a
 * record).</li>
 * </ul>
 *
 * <h3>Refused with {@code WSAEOPNOTSUPP}</h3>
 * Overlapped sends and receives, {@code AcceptEx}, {@code ConnectEx}, {@code FIONBIO} (non-blocking
 * mode), {@code WSPEventSelect} and {@code WSPAsyncSelect}: their completions and readiness would
 * come from the lower socket, whose TLS records do not map one to one to the caller's plaintext.
 * {@code MSG_OOB}, as urgent data would pass outside the records. {@code WSPDuplicateSocket}, as a
 * TLS session cannot be shared.
 */
final class TlsDispatch extends ForwardingDispatch {
    private static final Logger LOG = LoggerFactory.getLogger(TlsDispatch.class);

    private final Supplier<TlsSettings> settings;

    /**
     * Creates the dispatch of one client context.
     *
     * @param data the negotiated {@code WSPDATA}
     * @param upcall the upcall table
     * @param next the next layer
     * @param settings the settings in force, read once for each handshake
     */
    TlsDispatch(WsaData data, Upcall upcall, NextLayer next, Supplier<TlsSettings> settings) {
        super(data, upcall, next);
        this.settings = settings;
    }

    @Override
    protected LayeredSocket newSocket(Lower lower, ProtocolInfo entry) {
        return new TlsSocket(lower, entry);
    }

    private TlsSocket tls(SocketHandle s) throws WsaException {
        return (TlsSocket) layered(s);
    }

    // ---- connections ------------------------------------------------------------------------

    /**
     * {@inheritDoc}
     *
     * @throws WsaException {@code WSAECONNABORTED} if the client handshake fails (the lower
     *         connection stays open until the socket is closed); {@code WSAEACCES} before connecting
     *         while no configuration is in force
     */
    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        SSLEngine engine = settings.get().clientEngine(name);
        super.connect(s, name, data);
        TlsSocket ts = tls(s);
        ts.connected(TlsConnection.handshake(engine, Wire.of(ts.lower())));
    }

    /**
     * {@inheritDoc}
     *
     * @throws WsaException {@code WSAECONNABORTED} if the server handshake fails, {@code WSAEACCES}
     *         if no key store is configured; the accepted connection is then closed
     */
    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        SocketHandle accepted = super.accept(s, condition);
        try {
            TlsSocket ts = tls(accepted);
            ts.connected(TlsConnection.handshake(settings.get().serverEngine(), Wire.of(ts.lower())));
            return accepted;
        } catch (WsaException e) {
            try {
                super.closeSocket(accepted);
            } catch (WsaException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public void shutdown(SocketHandle s, int how) throws WsaException {
        TlsConnection c = tls(s).connectionIfAny();
        try {
            if (c != null && how != ShutdownHow.SD_RECEIVE) {
                c.closeOutbound(true);
            }
        } finally {
            super.shutdown(s, how);
        }
    }

    @Override
    public void sendDisconnect(SocketHandle s, ByteBuffer outboundData) throws WsaException {
        TlsConnection c = tls(s).connectionIfAny();
        try {
            if (c != null) {
                c.closeOutbound(true);
            }
        } finally {
            super.sendDisconnect(s, outboundData);
        }
    }

    /** {@inheritDoc} A {@code close_notify} that cannot be sent is logged; the socket closes anyway. */
    @Override
    public void closeSocket(SocketHandle s) throws WsaException {
        TlsConnection c = tls(s).connectionIfAny();
        if (c != null) {
            try {
                c.closeOutbound(false);
            } catch (WsaException e) {
                LOG.debug("ws2 TLS: no close_notify on socket {} ({}): {}", s.value(), e.error(), e.getMessage());
            }
        }
        super.closeSocket(s);
    }

    // ---- data ---------------------------------------------------------------------------------

    @Override
    public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        return send(s, new ByteBuffer[] {buffer}, flags, null, null, null);
    }

    @Override
    public int send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        requireBlocking(overlapped, "WSPSend");
        requireInBand(flags, "WSPSend");
        return tls(s).connection("WSPSend").send(buffers);
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return send(s, buffers, flags, overlapped, routine, thread);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
        return recv(s, new ByteBuffer[] {buffer}, flags, null, null, null);
    }

    @Override
    public int recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        requireBlocking(overlapped, "WSPRecv");
        requireInBand(flags, "WSPRecv");
        TlsConnection c = tls(s).connection("WSPRecv");
        boolean peek = (flags & MessageFlags.MSG_PEEK) != 0;
        if ((flags & MessageFlags.MSG_WAITALL) == 0) {
            return c.recv(buffers, peek);
        }
        if (peek) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPRecv: MSG_WAITALL cannot be combined with MSG_PEEK");
        }
        int total = 0;
        for (int n = c.recv(buffers, false); n > 0; n = c.recv(buffers, false)) {
            total += n;
        }
        return total;
    }

    /** {@inheritDoc} A connected stream has no sender address: {@code from} is null. */
    @Override
    public Received recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        return new Received(recv(s, buffers, flags, overlapped, routine, thread), 0, null);
    }

    @Override
    public int ioctl(SocketHandle s, int code, ByteBuffer in, ByteBuffer out, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        if (code == IoctlCodes.FIONBIO && in != null && in.remaining() >= Integer.BYTES
                && in.getInt(in.position()) != 0) {
            throw unsupported("FIONBIO", "non-blocking mode");
        }
        TlsConnection c = code == IoctlCodes.FIONREAD ? tls(s).connectionIfAny() : null;
        if (c != null && out != null && out.remaining() >= Integer.BYTES) {
            out.putInt(c.buffered());
            return Integer.BYTES;
        }
        return super.ioctl(s, code, in, out, overlapped, routine, thread);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Sockets with buffered plaintext are readable whatever their lower sockets say; when there
     * are any, the lower providers are only polled.
     */
    @Override
    public int select(FdSet read, FdSet write, FdSet except, Duration timeout) throws WsaException {
        List<SocketHandle> buffered = buffered(read);
        if (buffered.isEmpty()) {
            return super.select(read, write, except, timeout);
        }
        int n = super.select(read, write, except, Duration.ZERO);
        for (SocketHandle s : buffered) {
            if (!read.isSet(s)) {
                read.set(s);
                n++;
            }
        }
        return n;
    }

    private List<SocketHandle> buffered(FdSet read) throws WsaException {
        List<SocketHandle> out = List.of();
        for (int i = 0; read != null && i < read.count(); i++) {
            TlsConnection c = tls(read.get(i)).connectionIfAny();
            if (c != null && c.buffered() > 0) {
                out = out.isEmpty() ? new ArrayList<>() : out;
                out.add(read.get(i));
            }
        }
        return out;
    }

    // ---- refused ------------------------------------------------------------------------------

    @Override
    public int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        throw unsupported("AcceptEx", "overlapped accepts");
    }

    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        throw unsupported("ConnectEx", "overlapped connects");
    }

    @Override
    public void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        throw unsupported("WSPEventSelect", "network event notification");
    }

    @Override
    public void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        throw unsupported("WSPAsyncSelect", "network event notification");
    }

    @Override
    public ProtocolInfo duplicateSocket(SocketHandle s, int processId) throws WsaException {
        throw new WsaException(WsaError.WSAEOPNOTSUPP, "WSPDuplicateSocket: a TLS session belongs to one socket and"
                + " cannot be shared");
    }

    private static void requireBlocking(Overlapped overlapped, String call) throws WsaException {
        if (overlapped != null) {
            throw unsupported(call, "overlapped I/O");
        }
    }

    private static void requireInBand(int flags, String call) throws WsaException {
        if ((flags & MessageFlags.MSG_OOB) != 0) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, call + ": MSG_OOB would pass urgent data outside the TLS"
                    + " records; ws2 TLS carries in-band data only");
        }
    }

    private static WsaException unsupported(String call, String what) {
        return new WsaException(WsaError.WSAEOPNOTSUPP, call + ": ws2 TLS supports blocking sockets only, not " + what
                + ": TLS records do not map one to one to the lower socket's completions and readiness");
    }
}
