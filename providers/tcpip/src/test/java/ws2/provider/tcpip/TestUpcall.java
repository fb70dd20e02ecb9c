package ws2.provider.tcpip;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import ws2.api.EventHandle;
import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.Overlapped;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.upcall.Apc;
import ws2.spi.upcall.Upcall;

/**
 * The upcalls an IFS base provider makes, for unit tests without ws2.core: {@code WPUModifyIFSHandle}
 * hands out numbered handles and {@code WPUFDIsSet} tests sets; the asynchronous upcalls record
 * what the provider asked for: events set and reset, messages posted, APCs queued (a test runs
 * them) and overlapped completions. Any other upcall ({@code WPUCloseSocketHandle}, which ws2.core
 * does itself for IFS handles) fails the test.
 */
final class TestUpcall {
    /** A handle as ws2.core would make it: a number, the catalog entry and the provider's IFS handle. */
    record Handle(long value, int catalogEntryId, IfsHandle ifsHandle) implements SocketHandle {
    }

    /** An event object: a number and a signalled flag. */
    static final class Event implements EventHandle {
        final long value;
        volatile boolean signalled;

        Event(long value) {
            this.value = value;
        }

        @Override
        public long value() {
            return value;
        }
    }

    /** A window: what was posted to it. */
    static final class Window implements WindowHandle {
        final BlockingQueue<WindowMessage> messages = new LinkedBlockingQueue<>();

        @Override
        public long value() {
            return 7;
        }
    }

    /** One {@code WPUCompleteOverlappedRequest}. */
    record Completed(SocketHandle socket, Overlapped overlapped, int error, int transferred, int flags) {
    }

    private final AtomicLong next = new AtomicLong(100);
    /** Completions of operations without a routine, in order. */
    final BlockingQueue<Completed> completions = new LinkedBlockingQueue<>();
    /** The thread that indicated each of {@link #completions}, in the same order. */
    final BlockingQueue<Thread> completingThreads = new LinkedBlockingQueue<>();
    /** APCs queued by {@code WPUQueueApc}, for the test to run. */
    final BlockingQueue<Runnable> apcs = new LinkedBlockingQueue<>();
    /** Every handle {@code WPUModifyIFSHandle} made, in order. */
    final List<Handle> handles = new CopyOnWriteArrayList<>();
    /** The upcall table to give {@code WSPStartup}. */
    final Upcall table = (Upcall) Proxy.newProxyInstance(Upcall.class.getClassLoader(), new Class<?>[] {Upcall.class},
            (proxy, method, args) -> {
                switch (method.getName()) {
                    case "modifyIfsHandle":
                        return modifyIfsHandle((Integer) args[0], (IfsHandle) args[1]);
                    case "fdIsSet":
                        return ((FdSet) args[1]).isSet((SocketHandle) args[0]);
                    case "setEvent":
                        ((Event) args[0]).signalled = true;
                        return null;
                    case "resetEvent":
                        ((Event) args[0]).signalled = false;
                        return null;
                    case "postMessage":
                        return ((Window) args[0]).messages.add(new WindowMessage((Integer) args[1], (Long) args[2],
                                (Long) args[3]));
                    case "queueApc":
                        Apc apc = (Apc) args[1];
                        Object context = args[2];
                        return apcs.add(() -> apc.run(context));
                    case "completeOverlappedRequest":
                        Overlapped ov = (Overlapped) args[1];
                        int flags = args.length > 4 ? (Integer) args[4] : 0;
                        ov.complete((Integer) args[2], (Integer) args[3], flags);
                        if (ov.event() != null) {
                            ((Event) ov.event()).signalled = true;
                        }
                        completingThreads.add(Thread.currentThread());
                        return completions.add(new Completed((SocketHandle) args[0], ov, (Integer) args[2],
                                (Integer) args[3], flags));
                    case "toString":
                        return "TestUpcall";
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "equals":
                        return proxy == args[0];
                    default:
                        throw new AssertionError(method.getName() + " is not an upcall the tcpip provider makes");
                }
            });

    private Handle modifyIfsHandle(int catalogEntryId, IfsHandle proposed) throws WsaException {
        if (proposed == null) {
            throw new WsaException(WsaError.WSAEINVAL, "WPUModifyIFSHandle needs an IFS handle");
        }
        Handle h = new Handle(next.getAndIncrement(), catalogEntryId, proposed);
        handles.add(h);
        return h;
    }
}
