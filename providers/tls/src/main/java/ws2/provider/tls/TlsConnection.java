package ws2.provider.tls;

import java.nio.ByteBuffer;
import java.util.concurrent.locks.ReentrantLock;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLEngineResult.Status;
import javax.net.ssl.SSLException;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * One TLS connection over a {@link Wire}: the JSSE {@link SSLEngine} of a connected socket and its
 * record buffers, what a Windows TLS LSP keeps per socket beside its Schannel context
 * ({@code InitializeSecurityContext}/{@code AcceptSecurityContext} for the handshake,
 * {@code EncryptMessage}/{@code DecryptMessage} for the data).
 *
 * <h3>Buffers</h3>
 * Bytes read from the wire wait until they make a whole record; decrypted plaintext waits until the
 * application takes it, so a receive smaller than a record loses nothing and a receive never
 * returns more than one record's plaintext. A send wraps the plaintext record by record and writes
 * each record before wrapping the next.
 *
 * <h3>Threads</h3>
 * {@link #handshake} runs before the connection is published. Afterwards one thread may send while
 * another receives: a send holds the send lock, a receive the receive lock, and the engine allows
 * wrap and unwrap at once. A receive that must answer the peer (a TLS 1.3 {@code KeyUpdate}, the
 * TLS 1.2 reply to {@code close_notify}) also takes the send lock, always after its own; a send
 * never takes the receive lock.
 */
final class TlsConnection {
    private static final ByteBuffer[] NOTHING = {ByteBuffer.allocate(0)};

    private final SSLEngine engine;
    private final Wire wire;
    private final ReentrantLock sending = new ReentrantLock();
    private final ReentrantLock receiving = new ReentrantLock();
    /** Guarded by {@link #sending}: the records of one wrap, written before the next. */
    private ByteBuffer netOut;
    /** Guarded by {@link #receiving}, in write mode: bytes read from the wire, not yet unwrapped. */
    private ByteBuffer netIn;
    /** Guarded by {@link #receiving}, in read mode: plaintext not yet received. */
    private ByteBuffer appIn;
    /** Guarded by {@link #receiving}: close_notify or the end of the stream was read. */
    private boolean inboundDone;
    /** {@code appIn.remaining()}, readable without the lock. */
    private volatile int buffered;

    private TlsConnection(SSLEngine engine, Wire wire) {
        this.engine = engine;
        this.wire = wire;
        int packet = engine.getSession().getPacketBufferSize();
        netOut = ByteBuffer.allocate(packet);
        netIn = ByteBuffer.allocate(packet);
        appIn = ByteBuffer.allocate(engine.getSession().getApplicationBufferSize()).flip();
    }

    /**
     * Runs the TLS handshake on a connected wire: a client handshake for an engine in client mode,
     * a server handshake otherwise.
     *
     * @param engine a new engine, in client or server mode
     * @param wire the connected lower socket
     * @return the connection, ready to carry data
     * @throws WsaException {@code WSAECONNABORTED} with the {@link SSLException}'s message if the
     *         handshake fails (the alert is sent to the peer if it can be), or if the peer closes
     *         during it; the wire's own failure otherwise
     */
    static TlsConnection handshake(SSLEngine engine, Wire wire) throws WsaException {
        TlsConnection c = new TlsConnection(engine, wire);
        c.handshake();
        return c;
    }

    private void handshake() throws WsaException {
        try {
            engine.beginHandshake();
            HandshakeStatus hs = engine.getHandshakeStatus();
            while (hs != HandshakeStatus.FINISHED && hs != HandshakeStatus.NOT_HANDSHAKING) {
                hs = switch (hs) {
                    case NEED_WRAP -> wrap(NOTHING).getHandshakeStatus();
                    case NEED_TASK -> runTasks();
                    default -> handshakeUnwrap();
                };
            }
            if (engine.isInboundDone() || engine.isOutboundDone()) {
                throw new SSLException("the TLS connection was closed during the handshake");
            }
        } catch (SSLException e) {
            WsaException failure = aborted("TLS handshake failed: ", e);
            try {
                engine.closeOutbound();
                wrap(NOTHING);
            } catch (SSLException | WsaException alertLost) {
                failure.addSuppressed(alertLost);
            }
            throw failure;
        }
    }

    private HandshakeStatus handshakeUnwrap() throws SSLException, WsaException {
        SSLEngineResult r = unwrap();
        if (r == null || r.getStatus() == Status.CLOSED) {
            throw new SSLException("the peer closed the connection");
        }
        return r.getHandshakeStatus();
    }

    /**
     * Encrypts and sends plaintext ({@code WSPSend}), blocking until every record is written.
     *
     * @param src the plaintext; positions advance by what was sent
     * @return plaintext bytes sent: all of them unless the connection closed for sending meanwhile
     * @throws WsaException {@code WSAESHUTDOWN} once {@code close_notify} was sent or the engine
     *         closed; {@code WSAECONNABORTED} if the engine fails or the peer renegotiates; the
     *         wire's failure
     */
    int send(ByteBuffer[] src) throws WsaException {
        sending.lock();
        try {
            int sent = 0;
            while (hasRemaining(src)) {
                SSLEngineResult r = wrap(src);
                sent += r.bytesConsumed();
                if (r.getStatus() == Status.CLOSED) {
                    if (sent > 0) {
                        return sent;
                    }
                    throw new WsaException(WsaError.WSAESHUTDOWN, "the TLS connection is closed for sending"
                            + " (close_notify was sent)");
                }
                if (r.getHandshakeStatus() == HandshakeStatus.NEED_TASK) {
                    runTasks();
                } else if (r.bytesConsumed() == 0 && r.bytesProduced() == 0) {
                    throw new WsaException(WsaError.WSAECONNABORTED, "the peer started a TLS renegotiation, which"
                            + " ws2 TLS does not support");
                }
            }
            return sent;
        } catch (SSLException e) {
            throw aborted("TLS send failed: ", e);
        } finally {
            sending.unlock();
        }
    }

    /**
     * Receives plaintext ({@code WSPRecv}): what is buffered, else the plaintext of the next record
     * with any, blocking until it arrives.
     *
     * @param dst where the plaintext goes, filled in order
     * @param peek whether to leave the plaintext buffered ({@code MSG_PEEK})
     * @return bytes received; 0 after the peer's {@code close_notify} or the end of the stream, or
     *         when {@code dst} has no room
     * @throws WsaException {@code WSAECONNABORTED} with the {@link SSLException}'s message for a
     *         record that does not decrypt; the wire's failure
     */
    int recv(ByteBuffer[] dst, boolean peek) throws WsaException {
        if (!hasRemaining(dst)) {
            return 0;
        }
        receiving.lock();
        try {
            if (!appIn.hasRemaining() && !fill()) {
                return 0;
            }
            int start = appIn.position();
            for (ByteBuffer d : dst) {
                int n = Math.min(d.remaining(), appIn.remaining());
                d.put(d.position(), appIn, appIn.position(), n).position(d.position() + n);
                appIn.position(appIn.position() + n);
            }
            int n = appIn.position() - start;
            if (peek) {
                appIn.position(start);
            }
            buffered = appIn.remaining();
            return n;
        } catch (SSLException e) {
            throw aborted("TLS receive failed: ", e);
        } finally {
            receiving.unlock();
        }
    }

    /**
     * The plaintext a receive would return at once ({@code FIONREAD}), read without waiting for a
     * receive in progress.
     *
     * @return buffered plaintext bytes
     */
    int buffered() {
        return buffered;
    }

    /**
     * Sends {@code close_notify} ({@code shutdown(SD_SEND)}); later sends fail with
     * {@code WSAESHUTDOWN}. Sending it again does nothing.
     *
     * @param wait whether to wait for a send in progress; if false and one is in progress, nothing
     *        is sent (a socket being closed must not wait on a send blocked in the lower provider)
     * @throws WsaException {@code WSAECONNABORTED} if the engine fails; the wire's failure
     */
    void closeOutbound(boolean wait) throws WsaException {
        if (wait) {
            sending.lock();
        } else if (!sending.tryLock()) {
            return;
        }
        try {
            engine.closeOutbound();
            while (!engine.isOutboundDone() && wrap(NOTHING).bytesProduced() > 0) {
                // each wrap writes one closing record
            }
        } catch (SSLException e) {
            throw aborted("TLS close_notify failed: ", e);
        } finally {
            sending.unlock();
        }
    }

    /** Unwraps records until plaintext arrives; false at close_notify or the end of the stream. */
    private boolean fill() throws SSLException, WsaException {
        while (!inboundDone) {
            SSLEngineResult r = unwrap();
            inboundDone = r == null || r.getStatus() == Status.CLOSED;
            answer();
            if (appIn.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /** Does what a received record asks of the engine: run its tasks, send its reply. */
    private void answer() throws SSLException, WsaException {
        for (HandshakeStatus hs = engine.getHandshakeStatus();; hs = engine.getHandshakeStatus()) {
            if (hs == HandshakeStatus.NEED_TASK) {
                runTasks();
            } else if (hs == HandshakeStatus.NEED_WRAP) {
                sending.lock();
                try {
                    if (wrap(NOTHING).bytesProduced() == 0) {
                        return;
                    }
                } finally {
                    sending.unlock();
                }
            } else {
                return;
            }
        }
    }

    /** Wraps once and writes the records made; the caller holds the send lock or is the handshake. */
    private SSLEngineResult wrap(ByteBuffer[] src) throws SSLException, WsaException {
        SSLEngineResult r;
        while ((r = engine.wrap(src, netOut.clear())).getStatus() == Status.BUFFER_OVERFLOW) {
            netOut = ByteBuffer.allocate(Math.max(2 * netOut.capacity(), engine.getSession().getPacketBufferSize()));
        }
        wire.write(netOut.flip());
        return r;
    }

    /**
     * Unwraps the next record, reading the wire until one is whole; the caller holds the receive
     * lock or is the handshake.
     *
     * @return the result, or null at the end of the stream
     */
    private SSLEngineResult unwrap() throws SSLException, WsaException {
        while (true) {
            SSLEngineResult r;
            appIn.compact();
            try {
                r = engine.unwrap(netIn.flip(), appIn);
            } finally {
                netIn.compact();
                appIn.flip();
            }
            if (r.getStatus() == Status.BUFFER_UNDERFLOW) {
                if (!netIn.hasRemaining()) {
                    netIn = grow(netIn, engine.getSession().getPacketBufferSize());
                }
                if (wire.read(netIn) == 0) {
                    return null;
                }
            } else if (r.getStatus() == Status.BUFFER_OVERFLOW) {
                appIn = grow(appIn.compact(), engine.getSession().getApplicationBufferSize()).flip();
            } else {
                buffered = appIn.remaining();
                return r;
            }
        }
    }

    private HandshakeStatus runTasks() {
        for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
            task.run();
        }
        return engine.getHandshakeStatus();
    }

    /** A larger buffer in write mode holding what {@code full} (in write mode) holds. */
    private static ByteBuffer grow(ByteBuffer full, int extra) {
        return ByteBuffer.allocate(full.capacity() + extra).put(full.flip());
    }

    private static boolean hasRemaining(ByteBuffer[] buffers) {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    private static WsaException aborted(String what, SSLException e) {
        return new WsaException(WsaError.WSAECONNABORTED, what + e.getMessage(), e);
    }
}
