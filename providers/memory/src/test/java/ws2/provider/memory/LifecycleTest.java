package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.FdSet;
import ws2.api.MessageFlags;
import ws2.api.Overlapped;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;

/** {@code WSPStartup}, {@code WSPSocket}, non-IFS handles, {@code WSPCleanup} and refused input. */
class LifecycleTest extends MemoryTestBase {
    @Test
    void startupNegotiatesVersion22() throws Exception {
        fails(WsaError.WSAVERNOTSUPPORTED, () -> provider.startup(WsaData.makeWord(2, 1), ENTRY, upcall));
        WspDispatch dispatch = provider.startup(WsaData.makeWord(3, 0), ENTRY, upcall);
        assertEquals(new WsaData(0x0202, 0x0202, "ws2 memory provider", ""), dispatch.data());
        assertNotSame(d, dispatch);
        dispatch.cleanup();
    }

    @Test
    void everySocketIsANonIfsHandleCarryingItsDescriptor() throws Exception {
        int from = ProtocolInfo.FROM_PROTOCOL_INFO;
        SocketHandle s = d.socket(from, from, from, ENTRY, 0, SocketFlags.WSA_FLAG_OVERLAPPED);
        assertNull(s.ifsHandle());
        assertEquals(ENTRY.catalogEntryId(), s.catalogEntryId());
        Descriptor context = (Descriptor) upcall.querySocketHandleContext(s);
        assertEquals(s, context.handle());
        d.closeSocket(s);
        assertFalse(upcall.isOpen(s), "WSPCloseSocket calls WPUCloseSocketHandle");
        fails(WsaError.WSAENOTSOCK, () -> d.closeSocket(s));
        fails(WsaError.WSAENOTSOCK, () -> d.getSockName(s));
    }

    @Test
    void socketRefusesWhatTheProviderDoesNotServe() {
        fails(WsaError.WSAEAFNOSUPPORT, () -> d.socket(AddressFamily.AF_INET, 0, 0, ENTRY, 0, 0));
        fails(WsaError.WSAESOCKTNOSUPPORT, () -> d.socket(0, SocketType.SOCK_DGRAM, 0, ENTRY, 0, 0));
        fails(WsaError.WSAEPROTONOSUPPORT, () -> d.socket(0, 0, 6, ENTRY, 0, 0));
        fails(WsaError.WSAEINVAL, () -> d.socket(0, 0, 0, ENTRY, SocketFlags.SG_UNCONSTRAINED_GROUP, 0));
        fails(WsaError.WSAEINVAL, () -> d.socket(0, 0, 0, ENTRY, 0, SocketFlags.WSA_FLAG_MULTIPOINT_C_ROOT));
    }

    @Test
    void unknownClosedAndForeignHandlesAreNotSockets() throws Exception {
        SocketHandle unknown = new TestUpcall.Handle(99, ENTRY.catalogEntryId());
        fails(WsaError.WSAENOTSOCK, () -> d.recv(unknown, ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAENOTSOCK, () -> d.closeSocket(null));
        WspDispatch sameUpcalls = provider.startup(TransportProvider.SPI_VERSION, ENTRY, upcall);
        SocketHandle ofAnotherContext = sameUpcalls.socket(0, 0, 0, ENTRY, 0, 0);
        fails(WsaError.WSAENOTSOCK, () -> d.send(ofAnotherContext, bytes("x"), 0));
        SocketHandle otherContext = upcall.createSocketHandle(ENTRY.catalogEntryId(), "another provider's state");
        fails(WsaError.WSAENOTSOCK, () -> d.listen(otherContext, 1));
        sameUpcalls.cleanup();
    }

    @Test
    void cleanupResetsOpenSocketsAndEndsTheContext() throws Exception {
        WspDispatch peerContext = otherContext(new TestUpcall());
        try {
            SocketHandle listener = listener("svc");
            SocketHandle client = peerContext.socket(0, 0, 0, ENTRY, 0, 0);
            peerContext.connect(client, address("svc"), null);
            SocketHandle server = d.accept(listener, null);
            Overlapped pending = new Overlapped(upcall.createEvent());
            pending.begin();
            fails(WsaError.WSA_IO_PENDING, () -> d.recv(server, new ByteBuffer[] {ByteBuffer.allocate(1)}, 0, pending,
                    null, null));
            d.cleanup();
            assertEquals(WsaError.WSA_OPERATION_ABORTED.code(), pending.error());
            fails(WsaError.WSAECONNRESET, () -> peerContext.recv(client, ByteBuffer.allocate(1), 0));
            fails(WsaError.WSAECONNREFUSED, () -> peerContext.connect(peerContext.socket(0, 0, 0, ENTRY, 0, 0),
                    address("svc"), null));
            assertFalse(upcall.isOpen(server));
            fails(WsaError.WSANOTINITIALISED, () -> d.recv(server, ByteBuffer.allocate(1), 0));
            fails(WsaError.WSANOTINITIALISED, this::socket);
            fails(WsaError.WSANOTINITIALISED, () -> d.select(FdSet.of(server), null, null, Duration.ZERO));
            fails(WsaError.WSANOTINITIALISED, () -> d.addressToString(address("svc"), ENTRY));
            fails(WsaError.WSANOTINITIALISED, d::cancelBlockingCall);
            fails(WsaError.WSANOTINITIALISED, d::cleanup);
        } finally {
            peerContext.cleanup();
        }
    }

    @Test
    void theDispatchOutlivesTheComponentThatMadeIt() throws Exception {
        WspDispatch orphan = new MemoryProvider().startup(TransportProvider.SPI_VERSION, ENTRY, upcall);
        SocketHandle listener = orphan.socket(0, 0, 0, ENTRY, 0, 0);
        orphan.bind(listener, address("orphan"));
        orphan.listen(listener, 1);
        SocketHandle client = orphan.socket(0, 0, 0, ENTRY, 0, 0);
        orphan.connect(client, address("orphan"), null);
        assertEquals(5, orphan.send(client, bytes("alive"), 0));
        assertEquals(5, orphan.recv(orphan.accept(listener, null), ByteBuffer.allocate(8), 0));
        orphan.cleanup();
    }

    @Test
    void unsupportedFunctionsAndFlagsAreRefused() throws Exception {
        Connection c = connect();
        fails(WsaError.WSAEOPNOTSUPP, () -> d.joinLeaf(c.client(), address("pair"), null, SocketFlags.JL_BOTH));
        fails(WsaError.WSAEINVAL, () -> d.getQosByName(c.client(), "G711"));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.send(c.client(), bytes("!"), MessageFlags.MSG_OOB));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), ByteBuffer.allocate(1), MessageFlags.MSG_OOB));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.send(c.client(), bytes("!"), MessageFlags.MSG_PARTIAL));
        setNonBlocking(c.server(), true);
        fails(WsaError.WSAEOPNOTSUPP, () -> d.recv(c.server(), ByteBuffer.allocate(1), MessageFlags.MSG_WAITALL));
        fails(WsaError.WSAENOTCONN, () -> d.send(socket(), bytes("!"), 0));
        fails(WsaError.WSAENOTCONN, () -> d.shutdown(socket(), 1));
    }
}
