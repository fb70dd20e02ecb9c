package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.IpProtocol;
import ws2.api.Linger;
import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.SocketType;
import ws2.api.WsaError;

/** {@code WSPGetSockOpt}/{@code WSPSetSockOpt}: round trips, read-only and unknown options, inheritance. */
class SocketOptionTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;

    private <T> void roundTrip(SocketHandle s, SockOpt<T> option, T value) throws Exception {
        d.setSockOpt(s, option, value);
        assertEquals(value, d.getSockOpt(s, option), option::toString);
    }

    @Test
    void streamOptionsRoundTrip() throws Exception {
        SocketHandle s = socket(TCP4);
        roundTrip(s, SockOpt.SO_RCVBUF, 32 * 1024);
        roundTrip(s, SockOpt.SO_SNDBUF, 48 * 1024);
        roundTrip(s, SockOpt.SO_REUSEADDR, true);
        roundTrip(s, SockOpt.SO_KEEPALIVE, true);
        roundTrip(s, SockOpt.TCP_NODELAY, true);
        roundTrip(s, SockOpt.SO_RCVTIMEO, 1500);
        roundTrip(s, SockOpt.SO_SNDTIMEO, 2500);
        roundTrip(s, SockOpt.SO_OOBINLINE, true);
        roundTrip(s, SockOpt.SO_DEBUG, true);
        roundTrip(s, SockOpt.SO_DONTROUTE, true);
    }

    @Test
    void defaultsArePlausible() throws Exception {
        SocketHandle s = socket(TCP4);
        assertEquals(new Linger(false, 0), d.getSockOpt(s, SockOpt.SO_LINGER));
        assertTrue(d.getSockOpt(s, SockOpt.SO_DONTLINGER));
        assertFalse(d.getSockOpt(s, SockOpt.SO_KEEPALIVE));
        assertFalse(d.getSockOpt(s, SockOpt.SO_REUSEADDR));
        assertFalse(d.getSockOpt(s, SockOpt.SO_ACCEPTCONN));
        assertEquals(0, d.getSockOpt(s, SockOpt.SO_RCVTIMEO));
        assertEquals(0, d.getSockOpt(s, SockOpt.SO_ERROR));
        assertTrue(d.getSockOpt(s, SockOpt.SO_RCVBUF) > 0);
        assertTrue(d.getSockOpt(s, SockOpt.SO_SNDBUF) > 0);
    }

    @Test
    void lingerAndDontLingerAreTwoViewsOfOneSetting() throws Exception {
        SocketHandle s = socket(TCP4);
        roundTrip(s, SockOpt.SO_LINGER, new Linger(true, 7));
        assertFalse(d.getSockOpt(s, SockOpt.SO_DONTLINGER));
        d.setSockOpt(s, SockOpt.SO_DONTLINGER, true);
        assertEquals(new Linger(false, 7), d.getSockOpt(s, SockOpt.SO_LINGER));
        d.setSockOpt(s, SockOpt.SO_DONTLINGER, false);
        assertEquals(new Linger(true, 7), d.getSockOpt(s, SockOpt.SO_LINGER));
    }

    @Test
    void typeAndProtocolInfoAreThoseTheSocketWasCreatedWith() throws Exception {
        SocketHandle tcp = socket(TCP6);
        SocketHandle udp = socket(UDP4);
        assertEquals(SocketType.SOCK_STREAM, d.getSockOpt(tcp, SockOpt.SO_TYPE));
        assertEquals(SocketType.SOCK_DGRAM, d.getSockOpt(udp, SockOpt.SO_TYPE));
        assertSame(TCP6, d.getSockOpt(tcp, SockOpt.SO_PROTOCOL_INFOW));
        assertSame(UDP4, d.getSockOpt(udp, SockOpt.SO_PROTOCOL_INFOW));
    }

    @Test
    void datagramOptions() throws Exception {
        SocketHandle s = socket(UDP4);
        assertFalse(d.getSockOpt(s, SockOpt.SO_BROADCAST));
        roundTrip(s, SockOpt.SO_BROADCAST, true);
        roundTrip(s, SockOpt.SO_RCVBUF, 16 * 1024);
        assertEquals(65507, d.getSockOpt(s, SockOpt.SO_MAX_MSG_SIZE));
        assertFalse(d.getSockOpt(s, SockOpt.SO_ACCEPTCONN));
    }

    @Test
    void optionsOfAnotherSocketTypeAreNotProtocolOptions() throws Exception {
        SocketHandle tcp = socket(TCP4);
        SocketHandle udp = socket(UDP4);
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(tcp, SockOpt.SO_MAX_MSG_SIZE));
        fails(WsaError.WSAENOPROTOOPT, () -> d.setSockOpt(tcp, SockOpt.SO_BROADCAST, true));
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(udp, SockOpt.TCP_NODELAY));
        fails(WsaError.WSAENOPROTOOPT, () -> d.setSockOpt(udp, SockOpt.SO_LINGER, new Linger(true, 1)));
    }

    @Test
    void unknownOptionsAreNotProtocolOptions() throws Exception {
        SocketHandle s = socket(TCP4);
        SockOpt<Integer> unknown = SockOpt.of(SockOpt.SOL_SOCKET, 0x7777, "SO_UNKNOWN", Integer.class);
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(s, unknown));
        fails(WsaError.WSAENOPROTOOPT, () -> d.setSockOpt(s, unknown, 1));
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(s, SockOpt.IPV6_V6ONLY));
        SockOpt<Boolean> otherLevel = SockOpt.of(IpProtocol.IPPROTO_UDP, 0x0001, "UDP_1", Boolean.class);
        fails(WsaError.WSAENOPROTOOPT, () -> d.getSockOpt(s, otherLevel));
    }

    @Test
    void readOnlyOptionsAndBadValuesAreInvalid() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_TYPE, SocketType.SOCK_DGRAM));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_ACCEPTCONN, true));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_ERROR, 0));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_RCVTIMEO, -1));
        fails(WsaError.WSAEINVAL, () -> d.setSockOpt(s, SockOpt.SO_RCVBUF, -5));
        SockOpt<String> wrongType = SockOpt.of(SockOpt.SOL_SOCKET, 0x1002, "SO_RCVBUF as text", String.class);
        fails(WsaError.WSAEFAULT, () -> d.setSockOpt(s, wrongType, "big"));
        fails(WsaError.WSAEFAULT, () -> d.getSockOpt(s, wrongType));
    }

    @Test
    void optionsSurviveListenAndPassToAcceptedSockets() throws Exception {
        SocketHandle l = socket(TCP4);
        d.setSockOpt(l, SockOpt.TCP_NODELAY, true);
        d.setSockOpt(l, SockOpt.SO_KEEPALIVE, true);
        d.setSockOpt(l, SockOpt.SO_RCVTIMEO, 1234);
        d.bind(l, loopback(V4, 0));
        d.listen(l, 4);
        assertTrue(d.getSockOpt(l, SockOpt.TCP_NODELAY));
        assertTrue(d.getSockOpt(l, SockOpt.SO_ACCEPTCONN));
        assertFalse(d.getSockOpt(l, SockOpt.SO_REUSEADDR));
        assertTrue(d.getSockOpt(l, SockOpt.SO_SNDBUF) > 0);
        SocketHandle client = socket(TCP4);
        d.connect(client, d.getSockName(l), null);
        SocketHandle server = d.accept(l, null);
        assertTrue(d.getSockOpt(server, SockOpt.TCP_NODELAY));
        assertTrue(d.getSockOpt(server, SockOpt.SO_KEEPALIVE));
        assertEquals(1234, d.getSockOpt(server, SockOpt.SO_RCVTIMEO));
        assertFalse(d.getSockOpt(client, SockOpt.TCP_NODELAY));
    }
}
