package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ws2.api.NetworkEvents.FD_CLOSE;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

import ws2.api.SocketHandle;
import ws2.api.WsaError;

/**
 * {@code WSPSendDisconnect} and {@code WSPRecvDisconnect} with disconnect data
 * ({@code XP1_DISCONNECT_DATA}), in the exchange of the SPI's connection-shutdown sequence.
 */
class DisconnectDataTest extends MemoryTestBase {
    @Test
    void disconnectDataTravelsBothWays() throws Exception {
        Connection c = connect();
        TestUpcall.Event event = upcall.createEvent();
        d.eventSelect(c.server(), event, FD_CLOSE);
        d.sendDisconnect(c.client(), bytes("bye!"));
        assertEquals(FD_CLOSE, d.enumNetworkEvents(c.server(), event).events());
        ByteBuffer got = ByteBuffer.allocate(16);
        d.recvDisconnect(c.server(), got);
        assertEquals("bye!", text(got.flip()));
        fails(WsaError.WSAESHUTDOWN, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));

        d.sendDisconnect(c.server(), bytes("ok"));
        assertEquals(0, d.recv(c.client(), ByteBuffer.allocate(1), 0));
        ByteBuffer back = ByteBuffer.allocate(16);
        d.recvDisconnect(c.client(), back);
        assertEquals("ok", text(back.flip()));
        fails(WsaError.WSAESHUTDOWN, () -> d.send(c.client(), bytes("x"), 0));
    }

    @Test
    void aBufferTooSmallForTheDataFailsAndChangesNothing() throws Exception {
        Connection c = connect();
        d.sendDisconnect(c.client(), bytes("longer"));
        fails(WsaError.WSAEFAULT, () -> d.recvDisconnect(c.server(), ByteBuffer.allocate(2)));
        fails(WsaError.WSAEFAULT, () -> d.recvDisconnect(c.server(), null));
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(1), 0), "receiving still works");
        ByteBuffer got = ByteBuffer.allocate(6);
        d.recvDisconnect(c.server(), got);
        assertEquals("longer", text(got.flip()));
    }

    @Test
    void withoutDataTheCallsOnlyShutDown() throws Exception {
        Connection c = connect();
        d.sendDisconnect(c.client(), null);
        ByteBuffer nothing = ByteBuffer.allocate(4);
        d.recvDisconnect(c.server(), nothing);
        assertEquals(0, nothing.position());
        d.recvDisconnect(c.client(), null);
    }

    @Test
    void theDataFollowsTheBytesSentBeforeIt() throws Exception {
        Connection c = connect();
        sendText(c.client(), "payload");
        d.sendDisconnect(c.client(), bytes("end"));
        receives(c.server(), 16, "payload");
        assertEquals(0, d.recv(c.server(), ByteBuffer.allocate(1), 0));
        ByteBuffer got = ByteBuffer.allocate(8);
        d.recvDisconnect(c.server(), got);
        assertEquals("end", text(got.flip()));
    }

    @Test
    void bothNeedAConnection() {
        SocketHandle[] s = new SocketHandle[1];
        fails(WsaError.WSAENOTCONN, () -> d.sendDisconnect(s[0] = socket(), bytes("x")));
        fails(WsaError.WSAENOTCONN, () -> d.recvDisconnect(s[0], ByteBuffer.allocate(4)));
    }
}
