package ws2.core.context;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.Completion;
import ws2.api.CompletionPort;
import ws2.api.CompletionRoutine;
import ws2.api.EventHandle;
import ws2.api.NetworkEvents;
import ws2.api.Overlapped;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.Winsock;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.CoreSocket.Adoption;
import ws2.core.socket.HandleTable;
import ws2.core.upcall.CompletionPortImpl;
import ws2.core.upcall.EventObject;
import ws2.core.upcall.MessageWindow;
import ws2.core.upcall.ThreadState;
import ws2.spi.transport.CompletionDriver;
import ws2.spi.transport.DrivableDispatch;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.ThreadId;

/**
 * The asynchronous half of a client context: event and async selection with their windows,
 * overlapped operations, and completion ports ({@code WSAEventSelect}, {@code WSAAsyncSelect},
 * {@code WSASend}/{@code WSARecv} with an overlapped, {@code AcceptEx}, {@code ConnectEx},
 * {@code CreateIoCompletionPort}).
 *
 * <h2>Overlapped calls</h2>
 * Before a provider sees an overlapped structure the core refuses one still in use, resets its
 * event (as {@code WSARecv} does), marks it in progress and passes the calling thread's identity for
 * the completion routine. A call that fails to start leaves the structure reusable and indicates
 * nothing. Completion itself is the provider's: a routine goes through {@code WPUQueueApc}, the
 * rest through {@code WPUCompleteOverlappedRequest}, which signals the event and feeds the port.
 */
final class AsyncIo {
    private static final Logger LOG = LoggerFactory.getLogger(AsyncIo.class);

    /** One overlapped provider call, started once its structure is checked. */
    @FunctionalInterface
    private interface OverlappedCall {
        void start(WspDispatch dispatch, ThreadId thread) throws WsaException;
    }

    private final ClientContext context;

    AsyncIo(ClientContext context) {
        this.context = context;
    }

    // ---- event and async selection ----------------------------------------------------------

    void eventSelect(SocketHandle s, EventHandle event, int events) throws WsaException {
        Adoption a = context.own(s);
        EventObject e = events == 0 && event == null ? null : context.ownEvent(event); // cancelling needs no event
        checkEvents(events);
        try {
            a.dispatch().eventSelect(s, e, events);
        } catch (RuntimeException ex) {
            throw ClientContext.fault(a, "WSPEventSelect", ex);
        }
    }

    NetworkEvents enumNetworkEvents(SocketHandle s, EventHandle event) throws WsaException {
        Adoption a = context.own(s);
        EventObject e = event == null ? null : context.ownEvent(event);
        try {
            return a.dispatch().enumNetworkEvents(s, e);
        } catch (RuntimeException ex) {
            throw ClientContext.fault(a, "WSPEnumNetworkEvents", ex);
        }
    }

    WindowHandle createWindow() throws WsaException {
        return context.allocate(v -> new MessageWindow(v, context), "window");
    }

    void asyncSelect(SocketHandle s, WindowHandle window, int message, int events) throws WsaException {
        Adoption a = context.own(s);
        MessageWindow w = events == 0 && window == null ? null : ownWindow(window); // cancelling needs no window
        checkEvents(events);
        try {
            a.dispatch().asyncSelect(s, w, message, events);
        } catch (RuntimeException ex) {
            throw ClientContext.fault(a, "WSPAsyncSelect", ex);
        }
    }

    WindowMessage getMessage(WindowHandle window, Duration timeout) throws WsaException {
        return ownWindow(window).take(nanos(timeout));
    }

    void destroyWindow(WindowHandle window) throws WsaException {
        MessageWindow w = ownWindow(window);
        if (!context.free(w)) {
            throw new WsaException(WsaError.WSAEINVAL, "window " + w.value() + " is already destroyed");
        }
        w.destroy();
    }

    private MessageWindow ownWindow(WindowHandle window) throws WsaException {
        context.requireStarted();
        if (window instanceof MessageWindow && !((MessageWindow) window).isReleased()
                && ((MessageWindow) window).owner() == context) {
            return (MessageWindow) window;
        }
        throw new WsaException(WsaError.WSAEINVAL, window == null ? "the window handle is null"
                : window + " is not a window of client context '" + context.name() + "'");
    }

    private static void checkEvents(int events) throws WsaException {
        if ((events & ~NetworkEvents.FD_ALL_EVENTS) != 0) {
            throw new WsaException(WsaError.WSAEINVAL, "unknown FD_* bits 0x"
                    + Integer.toHexString(events & ~NetworkEvents.FD_ALL_EVENTS));
        }
    }

    // ---- overlapped operations --------------------------------------------------------------

    boolean send(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped ov, CompletionRoutine routine)
            throws WsaException {
        return overlapped(s, ov, routine, "WSPSend", (d, t) -> d.send(s, buffers, flags, ov, routine, t));
    }

    boolean recv(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped ov, CompletionRoutine routine)
            throws WsaException {
        return overlapped(s, ov, routine, "WSPRecv", (d, t) -> d.recv(s, buffers, flags, ov, routine, t));
    }

    boolean sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped ov,
            CompletionRoutine routine) throws WsaException {
        return overlapped(s, ov, routine, "WSPSendTo", (d, t) -> d.sendTo(s, buffers, flags, to, ov, routine, t));
    }

    boolean recvFrom(SocketHandle s, ByteBuffer[] buffers, int flags, Overlapped ov, CompletionRoutine routine)
            throws WsaException {
        return overlapped(s, ov, routine, "WSPRecvFrom", (d, t) -> d.recvFrom(s, buffers, flags, ov, routine, t));
    }

    /**
     * {@code AcceptEx}: both sockets must be this context's and of one provider; the accepted socket
     * is recorded as connected when the operation completes, whichever way it is indicated.
     */
    boolean acceptEx(SocketHandle listener, SocketHandle accept, Overlapped ov, CompletionRoutine routine)
            throws WsaException {
        Adoption target = context.own(accept);
        return connecting(listener, accept, ov, routine, "AcceptEx", (d, t, r) -> {
            if (d != target.dispatch()) {
                throw new WsaException(WsaError.WSAEINVAL, "AcceptEx: socket " + accept.value()
                        + " belongs to another provider than listening socket " + listener.value());
            }
            d.acceptEx(listener, accept, ov, r, t);
        });
    }

    boolean connectEx(SocketHandle s, SockAddr name, Overlapped ov, CompletionRoutine routine) throws WsaException {
        return connecting(s, s, ov, routine, "ConnectEx",
                (d, t, r) -> d.connectEx(s, name, ov, r, t));
    }

    /** An overlapped accept or connect, with the routine that marks the socket connected. */
    @FunctionalInterface
    private interface ConnectingCall {
        void start(WspDispatch dispatch, ThreadId thread, CompletionRoutine routine) throws WsaException;
    }

    private boolean connecting(SocketHandle reportedHandle, SocketHandle connectedHandle, Overlapped ov,
            CompletionRoutine routine, String function, ConnectingCall call) throws WsaException {
        context.own(reportedHandle);
        context.own(connectedHandle);
        CoreSocket reported = (CoreSocket) reportedHandle;
        CoreSocket connected = (CoreSocket) connectedHandle;
        CompletionRoutine marking = routine == null ? null : (error, n, o, flags) -> {
            connectedIfOk(connected, error);
            routine.completed(error, n, o, flags);
        };
        if (routine == null) {
            reported.onCompletion(ov, error -> connectedIfOk(connected, error));
        }
        boolean done;
        try {
            done = overlapped(reported, ov, marking, function, (d, t) -> call.start(d, t, marking));
        } catch (WsaException e) {
            reported.completed(ov, e.error().code());
            throw e;
        }
        return done;
    }

    private void connectedIfOk(CoreSocket s, int error) {
        if (error == 0) {
            context.connection(s, CoreSocket.CONNECTED);
        }
    }

    private boolean overlapped(SocketHandle s, Overlapped ov, CompletionRoutine routine, String function,
            OverlappedCall call) throws WsaException {
        Adoption a = context.own(s);
        Objects.requireNonNull(ov, "overlapped");
        if (!ov.isComplete()) {
            throw new WsaException(WsaError.WSAEINVAL, function + ": the overlapped structure is in use by an"
                    + " operation that has not completed");
        }
        if (ov.event() != null) {
            context.ownEvent(ov.event()).reset();
        }
        ov.begin();
        boolean inline = ((CoreSocket) s).skipsPortOnSuccess();
        if (inline) {
            ov.startingIn(Thread.currentThread()); // no thread-local: it is a hash lookup per operation
        }
        try {
            call.start(a.dispatch(), routine == null ? null : ThreadState.current().id());
            return true;
        } catch (WsaException e) {
            if (e.error() == WsaError.WSA_IO_PENDING) {
                return false;
            }
            ov.complete(e.error().code(), 0, 0);
            throw e;
        } catch (RuntimeException e) {
            ov.complete(WsaError.WSAENETDOWN.code(), 0, 0);
            throw ClientContext.fault(a, function, e);
        } finally {
            if (inline) {
                ov.startedIn(Thread.currentThread()); // not if another thread reused it meanwhile
            }
        }
    }

    void setCompletionNotificationModes(SocketHandle s, int flags) throws WsaException {
        context.own(s);
        if ((flags & ~Winsock.FILE_SKIP_COMPLETION_PORT_ON_SUCCESS) != 0) {
            throw new WsaException(WsaError.WSAEINVAL, "SetFileCompletionNotificationModes takes 0 or"
                    + " FILE_SKIP_COMPLETION_PORT_ON_SUCCESS (1), got 0x" + Integer.toHexString(flags));
        }
        ((CoreSocket) s).skipPortOnSuccess(flags != 0);
    }

    int getOverlappedResult(SocketHandle s, Overlapped ov, boolean wait) throws WsaException {
        Adoption a = context.own(s);
        try {
            return a.dispatch().getOverlappedResult(s, ov, wait);
        } catch (RuntimeException e) {
            throw ClientContext.fault(a, "WSPGetOverlappedResult", e);
        }
    }

    int cancelIo(SocketHandle s, Overlapped ov) throws WsaException {
        Adoption a = context.own(s);
        try {
            return a.dispatch().cancelIo(s, ov);
        } catch (RuntimeException e) {
            throw ClientContext.fault(a, "CancelIoEx", e);
        }
    }

    // ---- completion ports -------------------------------------------------------------------

    CompletionPort createCompletionPort() throws WsaException {
        return context.allocate(v -> new CompletionPortImpl(v, context), "completion port");
    }

    void associate(CompletionPort port, SocketHandle s, long key) throws WsaException {
        CompletionPortImpl p = ownPort(port);
        Adoption a = context.own(s);
        if (!((CoreSocket) s).associate((ov, error, n) -> p.post(new Completion(key, ov, n, error)))) {
            throw new WsaException(WsaError.WSAEINVAL, "socket " + s.value() + " is already associated with a"
                    + " completion port");
        }
        if (a.dispatch() instanceof DrivableDispatch) {
            try {
                CompletionDriver driver = ((DrivableDispatch) a.dispatch()).completionDriver(s);
                if (driver != null) {
                    p.addDriver(driver);
                }
            } catch (WsaException | RuntimeException e) {
                // an optimisation only: the provider's own thread keeps completing the socket's operations
                LOG.debug("Socket {}: its provider offers no completion driver: {}", s.value(), e.toString());
            }
        }
    }

    Completion getQueuedCompletionStatus(CompletionPort port, Duration timeout) throws WsaException {
        return ownPort(port).take(nanos(timeout));
    }

    void postQueuedCompletionStatus(CompletionPort port, int transferred, long key, Overlapped ov)
            throws WsaException {
        ownPort(port).post(new Completion(key, ov, transferred, 0));
    }

    void closeCompletionPort(CompletionPort port) throws WsaException {
        CompletionPortImpl p = ownPort(port);
        if (!context.free(p)) {
            throw new WsaException(WsaError.WSA_INVALID_HANDLE, "completion port " + p.value() + " is already closed");
        }
        p.close();
    }

    private CompletionPortImpl ownPort(CompletionPort port) throws WsaException {
        context.requireStarted();
        if (port instanceof CompletionPortImpl && !((CompletionPortImpl) port).isReleased()
                && ((CompletionPortImpl) port).owner() == context) {
            return (CompletionPortImpl) port;
        }
        throw new WsaException(WsaError.WSA_INVALID_HANDLE, port == null ? "the completion port handle is null"
                : port + " is not an open completion port of client context '" + context.name() + "'");
    }

    private static long nanos(Duration timeout) {
        return timeout == null ? -1 : Math.max(0, timeout.toNanos());
    }

    /** Closes a handle object this context created: a window or a port. */
    static void closeOwned(HandleTable.Handle h) {
        if (h instanceof MessageWindow) {
            ((MessageWindow) h).destroy();
        } else if (h instanceof CompletionPortImpl) {
            ((CompletionPortImpl) h).close();
        }
    }
}
