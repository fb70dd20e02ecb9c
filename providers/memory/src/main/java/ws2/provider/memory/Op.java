package ws2.provider.memory;

import java.nio.ByteBuffer;

import ws2.api.CompletionRoutine;
import ws2.api.MessageFlags;
import ws2.api.Overlapped;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.upcall.ThreadId;

/**
 * One transfer or accept: an overlapped {@code WSPSend}, {@code WSPRecv} or {@code AcceptEx}
 * waiting in an endpoint's queue, or the progress of a synchronous send or receive. It keeps its own
 * copy of the buffer array, as the SPI requires of operations that complete later, and its outcome:
 * the bytes moved so far and an error code.
 *
 * <p>Guarded by the lock of the endpoint whose queue holds it; after it leaves the queue only the
 * thread that took it touches it.
 */
final class Op {
    /** The descriptor the operation was started on; its handle and upcalls report the completion. */
    final Descriptor issuer;
    /** The buffers, or null for an accept. */
    final ByteBuffer[] buffers;
    /** {@code MSG_*} flags. */
    final int flags;
    /** The overlapped structure, or null for a synchronous call. */
    final Overlapped overlapped;
    /** The completion routine, or null. */
    final CompletionRoutine routine;
    /** The thread to run the routine on, or null. */
    final ThreadId thread;
    /** {@code AcceptEx}: the socket to accept into; else null. */
    final Descriptor target;
    /** Bytes moved so far. */
    long done;
    /** 0, or the {@code WSAE*} code the operation failed with. */
    int error;
    /** {@code AcceptEx}: the connection handed to it, to attach to {@link #target} outside the listener's lock. */
    Endpoint.Handover handover;

    private Op(Descriptor issuer, ByteBuffer[] buffers, int flags, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread, Descriptor target) {
        this.issuer = issuer;
        this.buffers = buffers;
        this.flags = flags;
        this.overlapped = overlapped;
        this.routine = routine;
        this.thread = thread;
        this.target = target;
    }

    /**
     * A send or receive.
     *
     * @param issuer the descriptor it runs on
     * @param buffers the caller's buffers, whose array an overlapped operation copies
     * @param flags {@code MSG_*} flags
     * @param overlapped the overlapped structure, or null for a synchronous call
     * @param routine the completion routine, or null
     * @param thread the routine's thread, or null
     * @return the operation
     */
    static Op transfer(Descriptor issuer, ByteBuffer[] buffers, int flags, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) {
        return new Op(issuer, overlapped == null ? buffers : buffers.clone(), flags, overlapped, routine, thread, null);
    }

    /**
     * An {@code AcceptEx}.
     *
     * @param listener the listening socket's descriptor
     * @param target the socket to accept into
     * @param overlapped the overlapped structure
     * @param routine the completion routine, or null
     * @param thread the routine's thread, or null
     * @return the operation
     */
    static Op accept(Descriptor listener, Descriptor target, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) {
        return new Op(listener, null, 0, overlapped, routine, thread, target);
    }

    /**
     * Tells whether the buffers have bytes to give or room to take.
     *
     * @return true if any buffer has remaining bytes
     */
    boolean hasBytes() {
        for (ByteBuffer b : buffers) {
            if (b.hasRemaining()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a receive waits until its buffers are full ({@code MSG_WAITALL}).
     *
     * @return true with {@code MSG_WAITALL}
     */
    boolean waitAll() {
        return (flags & MessageFlags.MSG_WAITALL) != 0;
    }

    /**
     * Tells whether a receive leaves the bytes in the pipe ({@code MSG_PEEK}).
     *
     * @return true with {@code MSG_PEEK}
     */
    boolean peek() {
        return (flags & MessageFlags.MSG_PEEK) != 0;
    }

    /**
     * Ends the operation with an error.
     *
     * @param e the code
     * @return true: the operation is complete
     */
    boolean fail(WsaError e) {
        error = e.code();
        return true;
    }

    /**
     * Returns the byte count to report.
     *
     * @return {@link #done}, saturated to an int
     */
    int transferred() {
        return (int) Math.min(done, Integer.MAX_VALUE);
    }

    /**
     * Indicates the completion, first attaching an accepted connection to the {@code AcceptEx}
     * socket; a connection that cannot be attached is reset and the operation fails. Called with no
     * lock held.
     */
    void deliver() {
        if (handover != null) {
            try {
                target.endpoint.attach(handover, target, "AcceptEx");
            } catch (WsaException e) {
                handover.link().abort();
                error = e.code();
            }
        }
        issuer.complete(overlapped, routine, thread, error, transferred());
    }
}
