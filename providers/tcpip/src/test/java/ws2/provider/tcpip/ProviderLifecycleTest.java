package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.FdSet;
import ws2.api.IpProtocol;
import ws2.api.SockOpt;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;

/** {@code WSPStartup}, {@code WSPSocket}, handles, {@code WSPCleanup} and the functions not supported yet. */
class ProviderLifecycleTest extends TcpipTestBase {
    @Test
    void startupNegotiatesVersion22() throws Exception {
        TcpipProvider provider = new TcpipProvider();
        fails(WsaError.WSAVERNOTSUPPORTED, () -> provider.startup(WsaData.makeWord(1, 1), TCP4, upcall.table));
        fails(WsaError.WSAVERNOTSUPPORTED, () -> provider.startup(WsaData.makeWord(2, 1), TCP4, upcall.table));
        for (int requested : new int[] {WsaData.makeWord(2, 2), WsaData.makeWord(2, 3), WsaData.makeWord(3, 0)}) {
            WspDispatch dispatch = provider.startup(requested, TCP4, upcall.table);
            assertEquals(new WsaData(0x0202, 0x0202, "ws2 tcpip provider", ""), dispatch.data());
            dispatch.cleanup();
        }
    }

    @Test
    void everyStartupGetsItsOwnDispatch() throws Exception {
        WspDispatch other = new TcpipProvider().startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
        assertNotSame(d, other);
        SocketHandle foreign = other.socket(0, 0, 0, TCP4, 0, 0);
        fails(WsaError.WSAENOTSOCK, () -> d.getSockName(foreign));
        other.cleanup();
        SocketHandle mine = socket(TCP4);
        d.bind(mine, loopback(AddressFamily.AF_INET, 0));
        assertEquals(AddressFamily.AF_INET, d.getSockName(mine).family());
    }

    @Test
    void socketTakesWildcardsAndFromProtocolInfoFromTheEntry() throws Exception {
        SocketHandle wild = d.socket(0, 0, 0, UDP6, 0, SocketFlags.WSA_FLAG_OVERLAPPED);
        assertEquals(SocketType.SOCK_DGRAM, d.getSockOpt(wild, SockOpt.SO_TYPE));
        int from = ProtocolInfo.FROM_PROTOCOL_INFO;
        SocketHandle s = d.socket(from, from, from, TCP6, 0, 0);
        assertEquals(SocketType.SOCK_STREAM, d.getSockOpt(s, SockOpt.SO_TYPE));
        assertTrue(((TestUpcall.Handle) s).ifsHandle().channel() instanceof SocketChannel);
        assertEquals(TCP6.catalogEntryId(), s.catalogEntryId());
    }

    @Test
    void socketRefusesWhatTheProviderDoesNotServe() {
        fails(WsaError.WSAEAFNOSUPPORT, () -> d.socket(AddressFamily.AF_IPX, 0, 0, TCP4, 0, 0));
        fails(WsaError.WSAESOCKTNOSUPPORT, () -> d.socket(0, SocketType.SOCK_RAW, 0, TCP4, 0, 0));
        fails(WsaError.WSAESOCKTNOSUPPORT, () -> d.socket(0, SocketType.SOCK_SEQPACKET, 0, TCP4, 0, 0));
        fails(WsaError.WSAEPROTOTYPE, () -> d.socket(0, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_UDP, TCP4, 0, 0));
        fails(WsaError.WSAEPROTOTYPE, () -> d.socket(0, SocketType.SOCK_DGRAM, IpProtocol.IPPROTO_TCP, UDP4, 0, 0));
        fails(WsaError.WSAEPROTONOSUPPORT, () -> d.socket(0, SocketType.SOCK_STREAM, 99, TCP4, 0, 0));
        fails(WsaError.WSAEINVAL, () -> d.socket(0, 0, 0, TCP4, SocketFlags.SG_UNCONSTRAINED_GROUP, 0));
        fails(WsaError.WSAEINVAL, () -> d.socket(0, 0, 0, UDP4, 0, SocketFlags.WSA_FLAG_MULTIPOINT_C_ROOT));
    }

    @Test
    void foreignOrMissingIfsHandlesAreNotSockets() {
        SocketHandle nonIfs = new TestUpcall.Handle(1, 1001, null);
        SocketHandle foreign = new TestUpcall.Handle(2, 1001, () -> null);
        fails(WsaError.WSAENOTSOCK, () -> d.recv(nonIfs, ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAENOTSOCK, () -> d.send(foreign, ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAENOTSOCK, () -> d.closeSocket(null));
    }

    @Test
    void cleanupResetsOpenSocketsAndEndsTheContext() throws Exception {
        Connection c = connect(AddressFamily.AF_INET);
        SocketHandle udp = boundUdp(AddressFamily.AF_INET);
        assertEquals(0, d.select(FdSet.of(c.server()), null, null, Duration.ZERO));
        d.cleanup();
        assertFalse(((TestUpcall.Handle) c.client()).ifsHandle().channel().isOpen());
        assertFalse(((TestUpcall.Handle) udp).ifsHandle().channel().isOpen());
        fails(WsaError.WSANOTINITIALISED, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        fails(WsaError.WSANOTINITIALISED, () -> d.send(c.client(), bytes("x"), 0));
        fails(WsaError.WSANOTINITIALISED, () -> socket(TCP4));
        fails(WsaError.WSANOTINITIALISED, () -> d.closeSocket(udp));
        fails(WsaError.WSANOTINITIALISED, () -> d.select(FdSet.of(udp), null, null, Duration.ZERO));
        fails(WsaError.WSANOTINITIALISED, () -> d.addressToString(loopback(AddressFamily.AF_INET, 1), TCP4));
        fails(WsaError.WSANOTINITIALISED, () -> d.eventSelect(udp, null, 0));
        fails(WsaError.WSANOTINITIALISED, d::cleanup);
    }

    @Test
    void cleanupResetsThePeersOfOpenConnections() throws Exception {
        WspDispatch other = new TcpipProvider().startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
        SocketHandle listener = listener(AddressFamily.AF_INET);
        SocketHandle client = other.socket(0, 0, 0, TCP4, 0, 0);
        other.connect(client, d.getSockName(listener), null);
        SocketHandle server = d.accept(listener, null);
        other.cleanup();
        fails(WsaError.WSAECONNRESET, () -> d.recv(server, ByteBuffer.allocate(1), 0));
    }

    @Test
    void theDispatchOutlivesTheComponentThatMadeIt() throws Exception {
        WspDispatch orphan = new TcpipProvider().startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
        // nothing refers to the component any more: the dispatch serves on its own
        SocketHandle s = orphan.socket(0, 0, 0, UDP4, 0, 0);
        orphan.bind(s, loopback(AddressFamily.AF_INET, 0));
        orphan.sendTo(s, new ByteBuffer[] {bytes("alive")}, 0, orphan.getSockName(s), null, null, null);
        assertEquals(5, orphan.recv(s, ByteBuffer.allocate(8), 0));
        orphan.cleanup();
    }

    @Test
    void aDuplicatedSocketIsSharedUntilItsLastDescriptorCloses() throws Exception {
        TcpipProvider provider = new TcpipProvider();
        WspDispatch a = provider.startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
        WspDispatch b = provider.startup(TransportProvider.SPI_VERSION, TCP4, upcall.table);
        SocketHandle l = a.socket(0, 0, 0, TCP4, 0, 0);
        a.bind(l, loopback(AddressFamily.AF_INET, 0));
        a.listen(l, 4);
        SocketHandle client = a.socket(0, 0, 0, TCP4, 0, 0);
        a.connect(client, a.getSockName(l), null);
        SocketHandle server = a.accept(l, null);
        ProtocolInfo info = a.duplicateSocket(server, 2);
        assertTrue(info.providerReserved() != 0);
        SocketHandle copy = b.socket(ProtocolInfo.FROM_PROTOCOL_INFO, ProtocolInfo.FROM_PROTOCOL_INFO,
                ProtocolInfo.FROM_PROTOCOL_INFO, info, 0, 0);
        assertTrue(copy != server);
        fails(WsaError.WSAEINVAL, () -> b.socket(0, 0, 0, info, 0, 0));
        fails(WsaError.WSAENOTSOCK, () -> b.send(server, ByteBuffer.allocate(1), 0));
        a.send(client, ByteBuffer.wrap("one".getBytes()), 0);
        assertEquals(3, b.recv(copy, ByteBuffer.allocate(8), 0), "the copy reads the same connection");
        a.closeSocket(server);
        b.send(copy, ByteBuffer.wrap("two".getBytes()), 0);
        assertEquals(3, a.recv(client, ByteBuffer.allocate(8), 0), "the connection lives on in the copy");
        b.closeSocket(copy);
        assertEquals(0, a.recv(client, ByteBuffer.allocate(8), 0), "the last descriptor closed it");
        a.cleanup();
        b.cleanup();
    }

    @Test
    void cancellingWithoutABlockingCallIsRefused() throws Exception {
        fails(WsaError.WSAEINVAL, d::cancelBlockingCall);
    }

    @Test
    void qosTemplatesAreFoundByNameInAnyCase() throws Exception {
        SocketHandle s = socket(TCP4);
        ws2.api.Qos g711 = d.getQosByName(s, "g711");
        assertEquals(10_000, g711.sending().tokenRate(), "160 bytes and 40 of headers every 20 ms");
        assertEquals(ws2.api.FlowSpec.SERVICETYPE_GUARANTEED, g711.sending().serviceType());
        assertEquals(g711.sending(), g711.receiving());
        assertEquals(16_000, d.getQosByName(s, "H261CIF").sending().tokenRate());
        WsaException unknown = fails(WsaError.WSAEINVAL, () -> d.getQosByName(s, "G.711"));
        assertTrue(unknown.getMessage().contains("GSM6.10"), unknown.getMessage());
        fails(WsaError.WSAEINVAL, () -> d.getQosByName(s, ""));
    }

    @Test
    void closedSocketsAreNoLongerTracked() throws Exception {
        SocketHandle s = socket(UDP4);
        d.closeSocket(s);
        fails(WsaError.WSAENOTSOCK, () -> d.closeSocket(s));
        fails(WsaError.WSAENOTSOCK, () -> d.getSockName(s));
    }
}
