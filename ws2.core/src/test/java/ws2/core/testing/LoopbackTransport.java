package ws2.core.testing;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import ws2.api.SocketHandle;
import ws2.api.WsaData;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * A non-IFS test transport: each socket's sends come back on its own receives. Sockets get their
 * handles from {@code WPUCreateSocketHandle}; counts startups, cleanups and open sockets.
 */
public final class LoopbackTransport implements TransportProvider {
    /** Startups so far. */
    public final AtomicInteger startups = new AtomicInteger();
    /** Cleanups so far. */
    public final AtomicInteger cleanups = new AtomicInteger();
    /** Sockets open across all dispatches. */
    public final Set<SocketHandle> open = ConcurrentHashMap.newKeySet();
    /** When set, WSPSocket returns this instead of a handle of its own. */
    public volatile SocketHandle socketResult;
    /** When set, WSPSend throws it. */
    public volatile RuntimeException sendFault;

    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo protocolInfo, Upcall upcall) {
        startups.incrementAndGet();
        return new Dispatch(upcall);
    }

    /** The per-context dispatch. */
    private final class Dispatch extends RefusingDispatch {
        private final Upcall upcall;

        Dispatch(Upcall upcall) {
            this.upcall = upcall;
        }

        @Override
        public WsaData data() {
            return new WsaData(SPI_VERSION, SPI_VERSION, "loopback test transport", "");
        }

        @Override
        public void cleanup() {
            cleanups.incrementAndGet();
        }

        @Override
        public SocketHandle socket(int af, int type, int protocol, ProtocolInfo info, int group, int flags)
                throws WsaException {
            if (socketResult != null) {
                return socketResult;
            }
            SocketHandle h = upcall.createSocketHandle(info.catalogEntryId(), new ArrayDeque<Byte>());
            open.add(h);
            return h;
        }

        @Override
        public void closeSocket(SocketHandle s) throws WsaException {
            upcall.closeSocketHandle(s);
            open.remove(s);
        }

        @Override
        @SuppressWarnings("unchecked")
        public int send(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
            if (sendFault != null) {
                throw sendFault;
            }
            ArrayDeque<Byte> q = (ArrayDeque<Byte>) upcall.querySocketHandleContext(s);
            int n = buffer.remaining();
            while (buffer.hasRemaining()) {
                q.add(buffer.get());
            }
            return n;
        }

        @Override
        @SuppressWarnings("unchecked")
        public int recv(SocketHandle s, ByteBuffer buffer, int flags) throws WsaException {
            ArrayDeque<Byte> q = (ArrayDeque<Byte>) upcall.querySocketHandleContext(s);
            int n = 0;
            while (buffer.hasRemaining() && !q.isEmpty()) {
                buffer.put(q.poll());
                n++;
            }
            return n;
        }
    }
}
