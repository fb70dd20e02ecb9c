package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import ws2.api.FdSet;
import ws2.api.Received;
import ws2.api.SockAddr;
import ws2.api.SocketFlags;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** {@code WSPJoinLeaf}: UDP leaves join an IP multicast group on loopback and hear each other. */
class MulticastTest extends TcpipTestBase {
    private static final int LEAF = SocketFlags.WSA_FLAG_MULTIPOINT_C_LEAF | SocketFlags.WSA_FLAG_MULTIPOINT_D_LEAF;

    private SocketHandle leaf() throws Exception {
        return d.socket(0, 0, 0, UDP4, 0, LEAF);
    }

    private static SockAddr group(int port) throws Exception {
        return SockAddr.of(InetAddress.getByName("239.255.42.99"), port);
    }

    @Test
    void leavesJoinAGroupAndReceiveWhatASenderLeafSends() throws Exception {
        SocketHandle first = leaf();
        d.setSockOpt(first, ws2.api.SockOpt.SO_REUSEADDR, true); // the group's port is shared, as on Windows
        d.bind(first, SockAddr.of(InetAddress.getByName("0.0.0.0"), 0));
        SockAddr g = group(d.getSockName(first).port());
        assertSame(first, d.joinLeaf(first, g, null, SocketFlags.JL_RECEIVER_ONLY), "a non-rooted leaf is its own leaf");
        SocketHandle second = leaf();
        d.joinLeaf(second, g, null, SocketFlags.JL_BOTH); // binds to the group's port
        SocketHandle sender = leaf();
        d.joinLeaf(sender, group(g.port()), null, SocketFlags.JL_SENDER_ONLY);
        assertEquals(5, d.send(sender, bytes("hello"), 0), "WSPSend goes to the group");
        for (SocketHandle member : new SocketHandle[] {first, second}) {
            assertEquals(1, d.select(FdSet.of(member), null, null, Duration.ofSeconds(10)));
            ByteBuffer into = ByteBuffer.allocate(16);
            Received r = d.recvFrom(member, new ByteBuffer[] {into}, 0, null, null, null);
            assertEquals("hello", text(into.flip()));
            assertEquals(d.getSockName(sender).port(), r.from().port());
        }
    }

    @Test
    void onlyLeavesJoinAndOnlyMulticastGroups() throws Exception {
        fails(WsaError.WSAEOPNOTSUPP, () -> d.joinLeaf(socket(UDP4), group(40000), null, SocketFlags.JL_BOTH));
        fails(WsaError.WSAEOPNOTSUPP, () -> d.joinLeaf(socket(TCP4), group(40000), null, SocketFlags.JL_BOTH));
        fails(WsaError.WSAEINVAL, () -> d.joinLeaf(leaf(), loopback(V4, 40000), null, SocketFlags.JL_BOTH));
        fails(WsaError.WSAEINVAL, () -> d.joinLeaf(leaf(), group(40000), null, 0));
        fails(WsaError.WSAEINVAL, () -> d.socket(0, 0, 0, TCP4, 0, LEAF));
    }

    private static final int V4 = ws2.api.AddressFamily.AF_INET;
}
