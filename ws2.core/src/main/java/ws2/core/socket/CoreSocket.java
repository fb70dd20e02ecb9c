package ws2.core.socket;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceFieldUpdater;
import java.util.function.IntConsumer;

import ws2.api.IfsHandle;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.WspDispatch;

/**
 * A socket handle issued by the core: created for a provider by {@code WPUModifyIFSHandle} (IFS)
 * or {@code WPUCreateSocketHandle} (non-IFS), then, if it is the socket a client asked for,
 * {@linkplain #adopt adopted} by that client's context.
 *
 * <p>The adoption bundles everything a client call needs (owner, the top provider's dispatch, the
 * catalog entry, the lease on the provider instance) in one immutable record behind one volatile
 * field: the data path checks ownership and finds the dispatch with a single read, no lookup and no
 * lock. Closing replaces the adoption with {@link #CLOSED}, so a closed handle fails the ownership
 * check like a foreign one.
 */
public final class CoreSocket extends HandleTable.Handle implements SocketHandle {
    /**
     * The client side of a socket.
     *
     * @param owner the client context that owns it (compared by identity)
     * @param dispatch the dispatch of the top provider of its chain
     * @param entry the catalog entry it was created on
     * @param lease the provider instance's lease, released after close
     */
    public record Adoption(Object owner, WspDispatch dispatch, ProtocolInfo entry, SocketLease lease) {
    }

    /** The adoption of a closed socket: owned by nobody. */
    public static final Adoption CLOSED = new Adoption(new Object(), null, null, s -> { });

    private static final AtomicReferenceFieldUpdater<CoreSocket, Adoption> ADOPTION =
            AtomicReferenceFieldUpdater.newUpdater(CoreSocket.class, Adoption.class, "adoption");

    private final int catalogEntryId;
    private final IfsHandle ifs;
    private final Object context;
    private final Object issuer;
    private volatile Adoption adoption;
    private volatile int connection;
    private volatile CompletionSink sink;
    private volatile boolean skipPortOnSuccess;
    private volatile Map<Overlapped, IntConsumer> onCompletion; // made by the first overlapped connect or accept
    private volatile CoreSocket upper;
    private volatile CoreSocket lower;

    /** Where the completed overlapped operations of a socket associated with a completion port go. */
    @FunctionalInterface
    public interface CompletionSink {
        /**
         * Takes one completion.
         *
         * @param overlapped the operation
         * @param error 0 or its {@code WSAE*} code
         * @param transferred bytes transferred
         */
        void completed(Overlapped overlapped, int error, int transferred);
    }

    /** {@link #connection()}: never connected. */
    public static final int UNCONNECTED = 0;
    /** {@link #connection()}: connected (by connect or accept). */
    public static final int CONNECTED = 1;
    /** {@link #connection()}: the connection was shut down or closed by the peer. */
    public static final int CONNECTION_CLOSED = 2;

    /**
     * Creates a handle; called by the handle table.
     *
     * @param value the handle value
     * @param catalogEntryId the owning provider's catalog entry
     * @param ifs the IFS handle, or null for a non-IFS socket
     * @param context the non-IFS provider's context value, or null
     * @param issuer the upcall instance that issued it (identifies the provider bundle)
     */
    public CoreSocket(long value, int catalogEntryId, IfsHandle ifs, Object context, Object issuer) {
        super(value);
        this.catalogEntryId = catalogEntryId;
        this.ifs = ifs;
        this.context = context;
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    @Override
    public int catalogEntryId() {
        return catalogEntryId;
    }

    @Override
    public IfsHandle ifsHandle() {
        return ifs;
    }

    /**
     * Returns the non-IFS context value ({@code WPUQuerySocketHandleContext}).
     *
     * @return the context, or null for an IFS socket
     */
    public Object context() {
        return context;
    }

    /**
     * Returns the upcall instance that issued the handle.
     *
     * @return the issuer
     */
    public Object issuer() {
        return issuer;
    }

    /**
     * Returns the client side of the socket.
     *
     * @return the adoption, null if no client owns it, {@link #CLOSED} once closed
     */
    public Adoption adoption() {
        return adoption;
    }

    /**
     * Gives the socket to a client context; a socket is adopted at most once.
     *
     * @param a the client side
     * @return false if the socket was already adopted or closed
     */
    public boolean adopt(Adoption a) {
        return ADOPTION.compareAndSet(this, null, a);
    }

    /**
     * Takes the socket from its client for closing; only one caller gets the adoption.
     *
     * @param expected the adoption the caller saw
     * @return true if this caller closes the socket
     */
    public boolean disown(Adoption expected) {
        return expected != CLOSED && ADOPTION.compareAndSet(this, expected, CLOSED);
    }

    /**
     * Replaces the client side of an open socket (a drained socket keeps its owner, loses its
     * provider).
     *
     * @param expected the adoption the caller saw
     * @param next the new adoption
     * @return true if it was replaced
     */
    public boolean replace(Adoption expected, Adoption next) {
        return expected != CLOSED && ADOPTION.compareAndSet(this, expected, next);
    }

    /**
     * Returns what the core has seen of the socket's connection, for ws2:sockets and WinEvents.
     *
     * @return {@link #UNCONNECTED}, {@link #CONNECTED} or {@link #CONNECTION_CLOSED}
     */
    public int connection() {
        return connection;
    }

    /**
     * Records a connection state change.
     *
     * @param state the new state
     * @return true if it changed
     */
    public boolean connection(int state) {
        if (connection == state) {
            return false;
        }
        connection = state;
        return true;
    }

    /**
     * Associates the socket with a completion port; a socket is associated once.
     *
     * @param target where its completions go
     * @return false if it already was
     */
    public synchronized boolean associate(CompletionSink target) {
        if (sink != null) {
            return false;
        }
        sink = target;
        return true;
    }

    /**
     * Sets {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS}.
     *
     * @param skip whether operations completing at once queue no packet
     */
    public void skipPortOnSuccess(boolean skip) {
        skipPortOnSuccess = skip;
    }

    /**
     * Tells whether operations completing at once queue no packet.
     *
     * @return the {@code FILE_SKIP_COMPLETION_PORT_ON_SUCCESS} mode
     */
    public boolean skipsPortOnSuccess() {
        return skipPortOnSuccess;
    }

    /**
     * Returns where completions of the socket go.
     *
     * @return the completion port's sink, or null if not associated
     */
    public CompletionSink sink() {
        return sink;
    }

    /**
     * Registers what the core does when an overlapped operation of this socket completes (for
     * example, record that an overlapped connect connected).
     *
     * @param overlapped the operation
     * @param action called with the operation's error code, once
     */
    public void onCompletion(Overlapped overlapped, IntConsumer action) {
        Map<Overlapped, IntConsumer> actions = onCompletion;
        if (actions == null) {
            synchronized (this) {
                actions = onCompletion;
                if (actions == null) {
                    actions = new ConcurrentHashMap<>(2);
                    onCompletion = actions;
                }
            }
        }
        actions.put(overlapped, action);
    }

    /**
     * Runs and forgets the action registered for a completed operation.
     *
     * @param overlapped the operation
     * @param error 0 or its {@code WSAE*} code
     */
    public void completed(Overlapped overlapped, int error) {
        Map<Overlapped, IntConsumer> actions = onCompletion;
        if (actions != null && !actions.isEmpty()) {
            IntConsumer action = actions.remove(overlapped);
            if (action != null) {
                action.accept(error);
            }
        }
    }

    /**
     * Links a layer's socket to the lower socket it runs over.
     *
     * @param below the lower socket
     */
    public void stackOn(CoreSocket below) {
        lower = below;
        below.upper = this;
    }

    /**
     * Returns the socket this one runs over, if it is a layer's socket.
     *
     * @return the lower socket, or null
     */
    public CoreSocket below() {
        return lower;
    }

    /**
     * Returns the socket a client holds for this one: itself, or the topmost layer socket over it.
     * Completions and messages of a lower socket are delivered to it.
     *
     * @return the top socket
     */
    public CoreSocket top() {
        CoreSocket s = this;
        for (CoreSocket u = s.upper; u != null; u = s.upper) {
            s = u;
        }
        return s;
    }

    @Override
    public String toString() {
        return "socket " + value() + " (entry " + catalogEntryId + (ifs != null ? ", IFS" : ", non-IFS") + ")";
    }
}
