package ws2.api;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An overlapped operation's state: the Java form of {@code WSAOVERLAPPED}.
 *
 * <p>The caller creates one per outstanding operation, optionally with an {@link EventHandle} to
 * be signalled on completion, and passes it to an overlapped send, receive or ioctl. The provider
 * records the outcome with {@link #complete(int, int, int)} (the {@code Internal}/{@code InternalHigh}/
 * {@code Offset}/{@code OffsetHigh} protocol of {@code WPUCompleteOverlappedRequest}); ws2.core then
 * signals the event or queues the completion routine.
 *
 * <p>One structure serves one operation at a time: ws2.core refuses it with {@code WSAEINVAL} while
 * an operation that uses it is in progress, and it may be reused once that one completed.
 *
 * <p>Thread-safe: the outcome fields are written before the volatile status that publishes them.
 */
public final class Overlapped {
    private static final VarHandle STARTING_IN;

    static {
        try {
            STARTING_IN = MethodHandles.lookup().findVarHandle(Overlapped.class, "startingIn", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code Internal} value while the operation is in progress ({@code WSS_OPERATION_IN_PROGRESS}). */
    public static final int WSS_OPERATION_IN_PROGRESS = 0x103;

    private final EventHandle event;
    private int transferred;
    private int flags;
    private int error;
    private SockAddr sender;
    private volatile int internal;
    private volatile boolean awaited;
    private volatile Thread startingIn;

    /** Creates an overlapped structure completed through a routine or a completion queue. */
    public Overlapped() {
        this(null);
    }

    /**
     * Creates an overlapped structure whose completion signals an event ({@code hEvent}).
     *
     * @param event the event to signal, or null
     */
    public Overlapped(EventHandle event) {
        this.event = event;
    }

    /**
     * Returns the event signalled on completion.
     *
     * @return {@code hEvent}, or null
     */
    public EventHandle event() {
        return event;
    }

    /**
     * Marks the operation as started ({@code Internal = WSS_OPERATION_IN_PROGRESS}) and forgets the
     * outcome of an earlier use. ws2.core calls it before handing the structure to a provider.
     */
    public void begin() {
        sender = null;
        internal = WSS_OPERATION_IN_PROGRESS;
    }

    /**
     * Marks the thread whose call is starting the operation. ws2.core uses it for
     * {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}: a completion indicated in that thread, before
     * the call returned, completed at once and queues no packet.
     *
     * @param thread the starting thread
     * @since 1.3
     */
    public void startingIn(Thread thread) {
        startingIn = thread;
    }

    /**
     * Clears the mark of {@link #startingIn(Thread)} when that thread's call returned, unless the
     * structure was meanwhile reused by another thread (the operation pended, completed and a new
     * one began), whose mark stays.
     *
     * @param thread the thread whose call returned
     * @since 1.3
     */
    public void startedIn(Thread thread) {
        STARTING_IN.compareAndSet(this, thread, null);
    }

    /**
     * Tells whether the operation is being started by a call of the given thread.
     *
     * @param thread a thread, normally the current one
     * @return true between {@code startingIn(thread)} and {@code startedIn(thread)}
     * @since 1.3
     */
    public boolean isStartingIn(Thread thread) {
        return startingIn == thread;
    }

    /**
     * Records the outcome: byte count, result flags and error code, then publishes them.
     *
     * @param error 0 on success, else the {@code WSAE*} code of the failure
     * @param transferred the bytes transferred ({@code InternalHigh})
     * @param flags the result flags, for example {@link MessageFlags#MSG_PARTIAL} ({@code Offset})
     */
    public void complete(int error, int transferred, int flags) {
        this.transferred = transferred;
        this.flags = flags;
        this.error = error;
        this.internal = 0;
        if (awaited) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    /**
     * Records the sender of a datagram an overlapped {@code WSARecvFrom} received ({@code lpFrom});
     * the provider calls it before {@link #complete}.
     *
     * @param from the sender
     */
    public void recordSender(SockAddr from) {
        this.sender = from;
    }

    /**
     * Returns the sender of the datagram an overlapped {@code WSARecvFrom} received.
     *
     * @return the sender, or null if the operation was not a receive-from or is not complete
     */
    public SockAddr sender() {
        return internal == WSS_OPERATION_IN_PROGRESS ? null : sender;
    }

    /**
     * Waits until the operation completes: what {@code WSAGetOverlappedResult} with
     * {@code fWait = TRUE} does, here for every completion mechanism.
     *
     * @param timeoutNanos how long to wait; negative waits for ever
     * @return true if complete, false if the time ran out
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(long timeoutNanos) throws InterruptedException {
        if (isComplete()) {
            return true;
        }
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (this) {
            awaited = true;
            while (!isComplete()) {
                if (timeoutNanos < 0) {
                    wait();
                } else {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    wait(left / 1_000_000, (int) (left % 1_000_000));
                }
            }
            return true;
        }
    }

    /**
     * Tells whether the operation has completed.
     *
     * @return true once {@link #complete} ran
     */
    public boolean isComplete() {
        return internal != WSS_OPERATION_IN_PROGRESS;
    }

    /**
     * Returns the bytes transferred; meaningful once complete.
     *
     * @return the byte count
     */
    public int transferred() {
        return internal == WSS_OPERATION_IN_PROGRESS ? 0 : transferred;
    }

    /**
     * Returns the result flags; meaningful once complete.
     *
     * @return the flags
     */
    public int flags() {
        return internal == WSS_OPERATION_IN_PROGRESS ? 0 : flags;
    }

    /**
     * Returns the error code; meaningful once complete.
     *
     * @return 0 for success, else a {@code WSAE*} code
     */
    public int error() {
        return internal == WSS_OPERATION_IN_PROGRESS ? 0 : error;
    }
}
