package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import ws2.api.IoctlCodes;
import ws2.api.Linger;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;

/** {@code WSPGetSockOpt}, {@code WSPSetSockOpt} and {@code WSPIoctl}. */
class OptionsTest extends MemoryTestBase {
    @Test
    void computedOptionsDescribeTheSocket() throws Exception {
        SocketHandle listener = listener("svc");
        SocketHandle s = socket();
        assertEquals(SocketType.SOCK_STREAM, d.getSockOpt(s, SockOpt.SO_TYPE));
        assertEquals(false, d.getSockOpt(s, SockOpt.SO_ACCEPTCONN));
        assertEquals(true, d.getSockOpt(listener, SockOpt.SO_ACCEPTCONN));
        assertEquals(0, d.getSockOpt(s, SockOpt.SO_ERROR));
        assertEquals(ENTRY, d.getSockOpt(s, SockOpt.SO_PROTOCOL_INFOW));
    }

    @Test
    void buffersAreThePipeCapacities() throws Exception {
        SocketHandle s = socket();
        assertEquals(SocketOptions.DEFAULT_BUFFER, d.getSockOpt(s, SockOpt.SO_SNDBUF));
        assertEquals(SocketOptions.DEFAULT_BUFFER, d.getSockOpt(s, SockOpt.SO_RCVBUF));
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 100);
        assertEquals(100, d.getSockOpt(c.client(), SockOpt.SO_SNDBUF));
        assertEquals(100, d.getSockOpt(c.server(), SockOpt.SO_RCVBUF), "one pipe, seen from both ends");
        d.setSockOpt(c.server(), SockOpt.SO_RCVBUF, 7);
        assertEquals(7, d.getSockOpt(c.client(), SockOpt.SO_SNDBUF));
        setNonBlocking(c.client(), true);
        assertEquals(7, d.send(c.client(), bytes("0123456789"), 0));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 0));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(c.client(), SockOpt.SO_RCVBUF, SocketOptions.MAX_BUFFER + 1));
    }

    @Test
    void growingTheBufferLetsAWaitingSendGoOn() throws Exception {
        Connection c = connect();
        d.setSockOpt(c.client(), SockOpt.SO_SNDBUF, 2);
        Background<Integer> writer = new Background<>("writer", () -> d.send(c.client(), bytes("abcd"), 0));
        writer.awaitBlocked();
        d.setSockOpt(c.server(), SockOpt.SO_RCVBUF, 8);
        assertEquals(4, writer.get());
        receives(c.server(), 8, "abcd");
    }

    @Test
    void lingerAndDontLingerAreTwoViewsOfOneSetting() throws Exception {
        SocketHandle s = socket();
        assertEquals(new Linger(false, 0), d.getSockOpt(s, SockOpt.SO_LINGER));
        assertEquals(true, d.getSockOpt(s, SockOpt.SO_DONTLINGER));
        d.setSockOpt(s, SockOpt.SO_LINGER, new Linger(true, 5));
        assertEquals(false, d.getSockOpt(s, SockOpt.SO_DONTLINGER));
        d.setSockOpt(s, SockOpt.SO_DONTLINGER, true);
        assertEquals(new Linger(false, 5), d.getSockOpt(s, SockOpt.SO_LINGER));
    }

    @Test
    void optionsWithoutEffectAreKept() throws Exception {
        SocketHandle s = socket();
        for (SockOpt<Boolean> o : java.util.List.of(SockOpt.SO_KEEPALIVE, SockOpt.SO_DEBUG, SockOpt.SO_DONTROUTE,
                SockOpt.SO_OOBINLINE, SockOpt.SO_REUSEADDR)) {
            assertEquals(false, d.getSockOpt(s, o));
            d.setSockOpt(s, o, true);
            assertEquals(true, d.getSockOpt(s, o), o::toString);
        }
        d.setSockOpt(s, SockOpt.SO_RCVTIMEO, 250);
        d.setSockOpt(s, SockOpt.SO_SNDTIMEO, 500);
        assertEquals(250, d.getSockOpt(s, SockOpt.SO_RCVTIMEO));
        assertEquals(500, d.getSockOpt(s, SockOpt.SO_SNDTIMEO));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_RCVTIMEO, -1));
    }

    @Test
    void unknownReadOnlyAndMistypedOptionsAreRefused() throws Exception {
        SocketHandle s = socket();
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(s, SockOpt.TCP_NODELAY));
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(s, SockOpt.SO_BROADCAST));
        fails(WsaError.WSAENOPROTOOPT, () -> d.setSockOpt(s, SockOpt.SO_MAX_MSG_SIZE, 1));
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(s, SockOpt.of(0x1234, 1, "vendor", Integer.class)));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_TYPE, 2));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_ACCEPTCONN, true));
        @SuppressWarnings({"unchecked", "rawtypes"})
        SockOpt<Object> raw = (SockOpt) SockOpt.SO_SNDBUF;
        fails(WsaError.WSAEFAULT, () -> d.setSockOpt(s, raw, "big"));
    }

    @Test
    void fionbioFionreadAndSiocatmark() throws Exception {
        Connection c = connect();
        setNonBlocking(c.server(), true);
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        assertEquals(0, fionread(c.server()));
        sendText(c.client(), "12345");
        assertEquals(5, fionread(c.server()));
        ByteBuffer mark = ByteBuffer.allocate(4);
        assertEquals(4, d.ioctl(c.server(), IoctlCodes.SIOCATMARK, null, mark, null, null, null));
        assertEquals(1, mark.getInt(0));
        assertEquals(0, fionread(socket()));
    }

    @Test
    void unknownControlCodesAndShortBuffersAreRefused() throws Exception {
        SocketHandle s = socket();
        fails(WsaError.WSAENOPROTOOPT, () -> d.ioctl(s, IoctlCodes.SIO_BASE_HANDLE, null, ByteBuffer.allocate(8), null,
                null, null));
        fails(WsaError.WSAEINVAL, () -> d.ioctl(s, 0x4004_0001, null, ByteBuffer.allocate(4), null, null, null));
        fails(WsaError.WSAEFAULT, () -> d.ioctl(s, IoctlCodes.FIONREAD, null, ByteBuffer.allocate(2), null, null, null));
        fails(WsaError.WSAEFAULT, () -> d.ioctl(s, IoctlCodes.FIONBIO, null, null, null, null, null));
    }
}
