package ws2.provider.tcpip;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import ws2.api.FdSet;
import ws2.api.IfsHandle;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.upcall.Upcall;

/**
 * The upcalls an IFS base provider makes, for unit tests without ws2.core: {@code WPUModifyIFSHandle}
 * hands out numbered handles and {@code WPUFDIsSet} tests sets; any other upcall (events, APCs,
 * {@code WPUCloseSocketHandle}, which ws2.core does itself for IFS handles) fails the test.
 */
final class TestUpcall {
    /** A handle as ws2.core would make it: a number, the catalog entry and the provider's IFS handle. */
    record Handle(long value, int catalogEntryId, IfsHandle ifsHandle) implements SocketHandle {
    }

    private final AtomicLong next = new AtomicLong(100);
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
