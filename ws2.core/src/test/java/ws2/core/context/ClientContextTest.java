package ws2.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.SocketType.SOCK_STREAM;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ws2.api.EventHandle;
import ws2.api.SocketHandle;
import ws2.api.Winsock;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderFlags;
import ws2.core.provider.ProviderService;
import ws2.core.testing.LoopbackTransport;
import ws2.core.testing.TestCore;

/** Client contexts over a non-IFS provider: ownership, lifecycle and provider instances (issue 2). */
class ClientContextTest {
    private static final UUID GUID = new UUID(2, 2);
    private final TestCore t = new TestCore();
    private final LoopbackTransport loop = new LoopbackTransport();
    private ProviderService service;

    @BeforeEach
    void install() throws WsaException {
        service = t.install(GUID, loop, List.of(ProtocolInfo.builder().triple(AF_INET, SOCK_STREAM, IPPROTO_TCP)
                .providerFlags(ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO).sockAddrLengths(16, 16).protocolName("loop").build(),
                ProtocolInfo.builder().triple(AF_INET, 5, 0).providerFlags(ProviderFlags.PFL_HIDDEN)
                        .sockAddrLengths(16, 16).protocolName("hidden").build()));
    }

    private Winsock started(String name) throws WsaException {
        Winsock ws = t.core.contexts().open(name, CatalogView.NATIVE);
        ws.startup(Winsock.VERSION_2_2);
        return ws;
    }

    private static WsaError code(Call c) {
        return assertThrows(WsaException.class, c::run).error();
    }

    /** A client call. */
    @FunctionalInterface
    private interface Call {
        void run() throws WsaException;
    }

    private static String roundTrip(Winsock ws, SocketHandle s, String text) throws WsaException {
        ws.send(s, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
        ByteBuffer in = ByteBuffer.allocate(64);
        int n = ws.recv(s, in, 0);
        return new String(in.array(), 0, n, StandardCharsets.UTF_8);
    }

    @Test
    void startupNegotiatesTheVersion() throws WsaException {
        Winsock ws = t.core.contexts().open("v", CatalogView.NATIVE);
        assertEquals(WsaError.WSAVERNOTSUPPORTED, code(() -> ws.startup(WsaData.makeWord(0, 9))));
        assertEquals(WsaData.makeWord(1, 1), ws.startup(WsaData.makeWord(1, 1)).version());
        WsaData d = ws.startup(WsaData.makeWord(3, 0));
        assertEquals(Winsock.VERSION_2_2, d.version());
        assertEquals(Winsock.VERSION_2_2, d.highVersion());
    }

    @Test
    void everyCallBeforeStartupIsNotInitialised() {
        Winsock ws = t.core.contexts().open("early", CatalogView.NATIVE);
        assertEquals(WsaError.WSANOTINITIALISED, code(() -> ws.socket(AF_INET, SOCK_STREAM, 0)));
        assertEquals(WsaError.WSANOTINITIALISED, code(ws::enumProtocols));
        assertEquals(WsaError.WSANOTINITIALISED, code(ws::cleanup));
    }

    @Test
    void dataFlowsThroughTheCoreToANonIfsProvider() throws WsaException {
        Winsock ws = started("app");
        SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals("hello", roundTrip(ws, s, "hello"));
        assertSame(s, ws.handle(s.value()));
        assertEquals(1, loop.open.size());
    }

    @Test
    void aHandleOfAnotherContextIsRefused() throws WsaException {
        Winsock a = started("a");
        Winsock b = started("b");
        SocketHandle s = a.socket(AF_INET, SOCK_STREAM, 0);
        WsaException e = assertThrows(WsaException.class, () -> b.send(s, ByteBuffer.allocate(1), 0));
        assertEquals(WsaError.WSAENOTSOCK, e.error());
        assertTrue(e.getMessage().contains("belongs to another client context"), e.getMessage());
        assertEquals(WsaError.WSAENOTSOCK, code(() -> b.handle(s.value())));
        assertEquals(WsaError.WSAENOTSOCK, code(() -> b.closeSocket(s)));
        assertEquals("still mine", roundTrip(a, s, "still mine"), "the refusal changed nothing for the owner");
    }

    @Test
    void closedUnknownAndForeignHandlesAreNotSockets() throws WsaException {
        Winsock ws = started("app");
        SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, 0);
        ws.closeSocket(s);
        WsaException closed = assertThrows(WsaException.class, () -> ws.recv(s, ByteBuffer.allocate(1), 0));
        assertEquals(WsaError.WSAENOTSOCK, closed.error());
        assertTrue(closed.getMessage().contains("is closed"));
        assertEquals(WsaError.WSAENOTSOCK, code(() -> ws.closeSocket(s)));
        assertEquals(WsaError.WSAENOTSOCK, code(() -> ws.handle(s.value())), "a stale value finds nothing");
        assertEquals(WsaError.WSAENOTSOCK, code(() -> ws.handle(987654321L)));
        SocketHandle fake = new SocketHandle() {
            @Override
            public long value() {
                return 1;
            }

            @Override
            public int catalogEntryId() {
                return 1001;
            }

            @Override
            public ws2.api.IfsHandle ifsHandle() {
                return null;
            }
        };
        assertEquals(WsaError.WSAENOTSOCK, code(() -> ws.send(fake, ByteBuffer.allocate(1), 0)));
        assertEquals(WsaError.WSAENOTSOCK, code(() -> ws.send(null, ByteBuffer.allocate(1), 0)));
        assertEquals(0, loop.open.size(), "the provider closed its socket and released the handle");
    }

    @Test
    void oneStartupPerProviderPerContextAndOneCleanupEach() throws WsaException {
        Winsock a = started("a");
        Winsock b = started("b");
        a.socket(AF_INET, SOCK_STREAM, 0);
        a.socket(AF_INET, SOCK_STREAM, 0);
        b.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(2, loop.startups.get());
        a.startup(Winsock.VERSION_2_2);
        a.cleanup();
        assertEquals(0, loop.cleanups.get(), "startup twice, cleanup once: still started");
        assertEquals(3, loop.open.size());
        a.cleanup();
        assertEquals(1, loop.cleanups.get());
        assertEquals(1, loop.open.size(), "the last cleanup closed the context's sockets");
        assertEquals(WsaError.WSANOTINITIALISED, code(() -> a.socket(AF_INET, SOCK_STREAM, 0)));
        b.close();
        assertEquals(2, loop.cleanups.get());
        assertEquals(0, loop.open.size());
    }

    @Test
    void aVanishedProviderFailsNewSocketsButOpenOnesWorkUntilClosed() throws WsaException {
        Winsock ws = started("app");
        SocketHandle s = ws.socket(AF_INET, SOCK_STREAM, 0);
        t.core.providers().removed(service);
        WsaException e = assertThrows(WsaException.class, () -> ws.socket(AF_INET, SOCK_STREAM, 0));
        assertEquals(WsaError.WSAEPROVIDERFAILEDINIT, e.error());
        assertEquals("draining", roundTrip(ws, s, "draining"));
        assertEquals(0, loop.cleanups.get(), "no WSPCleanup while a socket is open");
        ws.closeSocket(s);
        assertEquals(1, loop.cleanups.get(), "WSPCleanup once the last socket closed");
        LoopbackTransport next = new LoopbackTransport();
        t.register(GUID, next);
        ws.socket(AF_INET, SOCK_STREAM, 0);
        assertEquals(1, next.startups.get(), "a new provider version gets its own WSPStartup");
    }

    @Test
    void aProviderThatReturnsAForeignHandleOrThrowsIsContained() throws WsaException {
        Winsock ws = started("app");
        SocketHandle mine = ws.socket(AF_INET, SOCK_STREAM, 0);
        loop.socketResult = mine;
        assertEquals(WsaError.WSAEINVALIDPROVIDER, code(() -> ws.socket(AF_INET, SOCK_STREAM, 0)));
        loop.socketResult = null;
        loop.sendFault = new IllegalStateException("boom");
        WsaException e = assertThrows(WsaException.class, () -> ws.send(mine, ByteBuffer.allocate(1), 0));
        assertEquals(WsaError.WSAENETDOWN, e.error());
        assertTrue(e.getMessage().contains("boom") && e.getMessage().contains(GUID.toString()), e.getMessage());
        loop.sendFault = null;
        assertEquals("ok", roundTrip(ws, mine, "ok"));
    }

    @Test
    void enumProtocolsHidesHiddenAndLayeredEntries() throws WsaException {
        Winsock ws = started("app");
        assertEquals(List.of("loop"), ws.enumProtocols().stream().map(ProtocolInfo::protocolName).toList());
        assertEquals(List.of(), ws.enumProtocols(17));
        SocketHandle byInfo = ws.socket(ProtocolInfo.FROM_PROTOCOL_INFO, ProtocolInfo.FROM_PROTOCOL_INFO,
                ProtocolInfo.FROM_PROTOCOL_INFO, ws.enumProtocols().get(0), 0, 0);
        assertEquals(1001, byInfo.catalogEntryId());
        assertEquals(WsaError.WSAEINVAL, code(() -> ws.socket(-1, -1, -1, null, 0, 0)));
        ProtocolInfo gone = ws.enumProtocols().get(0).withCatalogEntryId(4040);
        assertEquals(WsaError.WSAEINVALIDPROVIDER, code(() -> ws.socket(0, 0, 0, gone, 0, 0)));
    }

    @Test
    void aCompat32ContextUsesTheThirtyTwoBitCatalog() throws WsaException {
        t.core.admin().deinstallProvider32(GUID);
        Winsock ws32 = t.core.contexts().open("app32", CatalogView.COMPAT32);
        ws32.startup(Winsock.VERSION_2_2);
        assertEquals(List.of(), ws32.enumProtocols());
        assertEquals(WsaError.WSAEAFNOSUPPORT, code(() -> ws32.socket(AF_INET, SOCK_STREAM, 0)));
        Winsock ws64 = started("app64");
        ws64.socket(AF_INET, SOCK_STREAM, 0);
    }

    @Test
    void eventsBelongToTheirContext() throws WsaException {
        Winsock a = started("a");
        Winsock b = started("b");
        EventHandle e = a.createEvent();
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> b.setEvent(e)));
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, a.waitForMultipleEvents(new EventHandle[] {e}, false, Duration.ZERO, false));
        a.setEvent(e);
        assertEquals(Winsock.WSA_WAIT_EVENT_0, a.waitForMultipleEvents(new EventHandle[] {e}, true, null, false));
        a.resetEvent(e);
        EventHandle f = a.createEvent();
        a.setEvent(f);
        assertEquals(Winsock.WSA_WAIT_EVENT_0 + 1, a.waitForMultipleEvents(new EventHandle[] {e, f}, false, null, false));
        assertEquals(Winsock.WSA_WAIT_TIMEOUT, a.waitForMultipleEvents(new EventHandle[] {e, f}, true, Duration.ofMillis(20), false));
        a.closeEvent(e);
        assertEquals(WsaError.WSA_INVALID_HANDLE, code(() -> a.setEvent(e)));
        assertEquals(WsaError.WSA_INVALID_PARAMETER, code(() -> a.waitForMultipleEvents(new EventHandle[0], false, null, false)));
    }
}
