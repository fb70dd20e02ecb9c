package ws2.core.upcall;

import java.util.Objects;
import java.util.UUID;

import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.core.catalog.CatalogData;
import ws2.core.catalog.CatalogStore;
import ws2.core.catalog.StoredEntry;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.HandleTable;
import ws2.spi.upcall.Apc;
import ws2.spi.upcall.BlockingCallback;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The upcall table of one provider bundle: every {@code WPU*} function.
 *
 * <p>Socket handles it issues remember it as their issuer. Events created through it belong to the
 * provider bundle itself (its own "process"); set, reset and close accept any live event, since a
 * provider acts on the events its clients hand it.
 */
public final class UpcallService implements Upcall {
    private final String providerName;
    private final HandleTable table;
    private final CatalogStore catalog;

    /**
     * Creates the upcall table of one provider bundle.
     *
     * @param providerName the bundle's symbolic name, for messages
     * @param table the core's handle table
     * @param catalog the catalog, to check catalog entry IDs and find provider paths
     */
    public UpcallService(String providerName, HandleTable table, CatalogStore catalog) {
        this.providerName = Objects.requireNonNull(providerName, "providerName");
        this.table = Objects.requireNonNull(table, "table");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public SocketHandle createSocketHandle(int catalogEntryId, Object context) throws WsaException {
        requireEntry(catalogEntryId, "WPUCreateSocketHandle");
        return table.allocate(v -> new CoreSocket(v, catalogEntryId, null, context, this), "socket");
    }

    @Override
    public SocketHandle modifyIfsHandle(int catalogEntryId, IfsHandle proposed) throws WsaException {
        if (proposed == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WPUModifyIFSHandle needs a proposed IFS handle, got null");
        }
        requireEntry(catalogEntryId, "WPUModifyIFSHandle");
        return table.allocate(v -> new CoreSocket(v, catalogEntryId, proposed, null, this), "socket");
    }

    @Override
    public Object querySocketHandleContext(SocketHandle s) throws WsaException {
        return nonIfs(s, WsaError.WSAENOTSOCK, "WPUQuerySocketHandleContext").context();
    }

    @Override
    public void closeSocketHandle(SocketHandle s) throws WsaException {
        CoreSocket cs = nonIfs(s, WsaError.WSAENOTSOCK, "WPUCloseSocketHandle");
        if (!table.release(cs)) {
            throw new WsaException(WsaError.WSAENOTSOCK, "socket " + cs.value() + " is already closed");
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The outcome is recorded first, then the core's own follow-up runs (an overlapped connect or
     * accept marks its socket connected), then the event is signalled (a closed event is skipped)
     * and the packet goes to the socket's completion port, unless the socket skips the port on
     * success and the operation completed inside the call that started it.
     */
    @Override
    public void completeOverlappedRequest(SocketHandle s, Overlapped overlapped, int error, int transferred, int flags)
            throws WsaException {
        if (!(s instanceof CoreSocket) || ((CoreSocket) s).isReleased()) {
            throw new WsaException(WsaError.WSAEINVAL, "WPUCompleteOverlappedRequest: " + s + " is not an open socket handle");
        }
        CoreSocket cs = ((CoreSocket) s).top();
        overlapped.complete(error, transferred, flags);
        cs.completed(overlapped, error);
        if (overlapped.event() instanceof EventObject && !((EventObject) overlapped.event()).isReleased()) {
            ((EventObject) overlapped.event()).set();
        }
        CoreSocket.CompletionSink sink = cs.sink();
        if (sink != null && !(cs.skipsPortOnSuccess() && overlapped.isStartingIn(Thread.currentThread()))) {
            sink.completed(overlapped, error, transferred);
        }
    }

    private CoreSocket nonIfs(SocketHandle s, WsaError code, String function) throws WsaException {
        if (!(s instanceof CoreSocket) || ((CoreSocket) s).isReleased()) {
            throw new WsaException(code, function + ": " + s + " is not an open socket handle");
        }
        CoreSocket cs = (CoreSocket) s;
        if (cs.ifsHandle() != null) {
            throw new WsaException(code, function + " works only on handles of WPUCreateSocketHandle; socket "
                    + cs.value() + " is an IFS handle");
        }
        return cs;
    }

    @Override
    public EventHandle createEvent() throws WsaException {
        return table.allocate(v -> new EventObject(v, this), "event");
    }

    @Override
    public void setEvent(EventHandle event) throws WsaException {
        event(event, "WPUSetEvent").set();
    }

    @Override
    public void resetEvent(EventHandle event) throws WsaException {
        event(event, "WPUResetEvent").reset();
    }

    @Override
    public void closeEvent(EventHandle event) throws WsaException {
        if (!table.release(event(event, "WPUCloseEvent"))) {
            throw new WsaException(WsaError.WSA_INVALID_HANDLE, "WPUCloseEvent: event " + event.value() + " is already closed");
        }
    }

    private static EventObject event(EventHandle event, String function) throws WsaException {
        if (!(event instanceof EventObject) || ((EventObject) event).isReleased()) {
            throw new WsaException(WsaError.WSA_INVALID_HANDLE, function + ": " + event + " is not an open event object");
        }
        return (EventObject) event;
    }

    @Override
    public boolean fdIsSet(SocketHandle s, FdSet set) {
        return set != null && set.isSet(s);
    }

    @Override
    public String getProviderPath(UUID providerId) throws WsaException {
        CatalogData data = catalog.data();
        for (CatalogView v : CatalogView.values()) {
            for (StoredEntry e : data.view(v).entries()) {
                if (e.info().providerId().equals(providerId)) {
                    return e.path();
                }
            }
        }
        throw new WsaException(WsaError.WSAEINVAL, "WPUGetProviderPath: provider " + providerId + " is not installed");
    }

    @Override
    public ThreadId openCurrentThread() {
        return new ThreadIdImpl(ThreadState.current(), true);
    }

    @Override
    public void closeThread(ThreadId thread) throws WsaException {
        if (!(thread instanceof ThreadIdImpl) || !((ThreadIdImpl) thread).close()) {
            throw new WsaException(WsaError.WSAEINVAL, "WPUCloseThread: " + thread + " is not an open thread identity");
        }
    }

    @Override
    public void queueApc(ThreadId thread, Apc apc, Object context) throws WsaException {
        Objects.requireNonNull(apc, "apc");
        if (!(thread instanceof ThreadIdImpl) || ((ThreadIdImpl) thread).isClosed()) {
            throw new WsaException(WsaError.WSAEFAULT, "WPUQueueApc: " + thread + " is not an open thread identity");
        }
        ((ThreadIdImpl) thread).state().queue(() -> apc.run(context));
    }

    @Override
    public boolean postMessage(WindowHandle window, int message, long wParam, long lParam) {
        return window instanceof MessageWindow && ((MessageWindow) window).post(new WindowMessage(message, client(wParam), lParam));
    }

    /**
     * The LSP sample's async-select window in one step: a message about a lower socket of a
     * layer's socket names the handle the client holds.
     */
    private long client(long wParam) {
        HandleTable.Handle h = table.lookup(wParam);
        return h instanceof CoreSocket ? ((CoreSocket) h).top().value() : wParam;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The callback answers false once another thread cancelled the calling thread's blocking
     * call ({@code WSACancelBlockingCall}), after calling the provider's
     * {@code WSPCancelBlockingCall} on this thread; it also answers false when the thread was
     * interrupted.
     */
    @Override
    public BlockingCallback queryBlockingCallback(int catalogEntryId) throws WsaException {
        requireEntry(catalogEntryId, "WPUQueryBlockingCallback");
        return ThreadState.current().blockingCallback();
    }

    private void requireEntry(int catalogEntryId, String function) throws WsaException {
        CatalogData data = catalog.data();
        for (CatalogView v : CatalogView.values()) {
            if (data.view(v).byId(catalogEntryId).isPresent()) {
                return;
            }
        }
        throw new WsaException(WsaError.WSAEINVAL, function + ": catalog entry " + catalogEntryId
                + " is not installed (provider " + providerName + ")");
    }

    @Override
    public String toString() {
        return "upcalls of " + providerName;
    }
}
