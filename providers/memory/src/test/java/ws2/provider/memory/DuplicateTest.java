package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ws2.api.SockOpt;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.catalog.ProtocolInfo;
import ws2.spi.transport.WspDispatch;

/**
 * {@code WSPDuplicateSocket} across two client contexts: a one-use token in {@code providerReserved}
 * opens a second descriptor of the same socket with {@code WSPSocket}; the socket closes when its
 * last descriptor does.
 */
class DuplicateTest extends MemoryTestBase {
    private static final int FROM = ProtocolInfo.FROM_PROTOCOL_INFO;

    private final TestUpcall otherUpcalls = new TestUpcall();
    private WspDispatch other;

    @BeforeEach
    void startOtherContext() throws Exception {
        other = otherContext(otherUpcalls);
    }

    @AfterEach
    void cleanupOtherContext() throws Exception {
        cleanupQuietly(other);
    }

    @Test
    void aDuplicateInAnotherContextSharesTheConnection() throws Exception {
        Connection c = connect();
        ProtocolInfo shared = d.duplicateSocket(c.server(), 2);
        assertNotEquals(0, shared.providerReserved());
        assertEquals(ENTRY.catalogEntryId(), shared.catalogEntryId());
        SocketHandle copy = other.socket(FROM, FROM, FROM, shared, 0, 0);
        assertEquals(ENTRY.catalogEntryId(), copy.catalogEntryId());

        sendText(c.client(), "to either");
        ByteBuffer b = ByteBuffer.allocate(16);
        assertEquals(9, other.recv(copy, b, 0));
        assertEquals("to either", text(b.flip()));
        assertEquals(3, other.send(copy, bytes("abc"), 0));
        receives(c.client(), 8, "abc");

        d.setSockOpt(c.server(), SockOpt.SO_KEEPALIVE, true);
        assertEquals(true, other.getSockOpt(copy, SockOpt.SO_KEEPALIVE), "one socket, one set of options");
        assertEquals(d.getPeerName(c.server()), other.getPeerName(copy));
    }

    @Test
    void theConnectionClosesWithItsLastDescriptor() throws Exception {
        Connection c = connect();
        SocketHandle copy = other.socket(FROM, FROM, FROM, d.duplicateSocket(c.server(), 2), 0, 0);
        d.closeSocket(c.server());
        sendText(c.client(), "still open");
        ByteBuffer b = ByteBuffer.allocate(16);
        assertEquals(10, other.recv(copy, b, 0));
        other.closeSocket(copy);
        assertEquals(0, d.recv(c.client(), ByteBuffer.allocate(1), 0));
    }

    @Test
    void anUnusedTokenKeepsTheSocketOpen() throws Exception {
        Connection c = connect();
        ProtocolInfo shared = d.duplicateSocket(c.server(), 2);
        d.closeSocket(c.server());
        sendText(c.client(), "waiting");
        SocketHandle copy = other.socket(FROM, FROM, FROM, shared, 0, 0);
        ByteBuffer b = ByteBuffer.allocate(16);
        assertEquals(7, other.recv(copy, b, 0));
    }

    @Test
    void aTokenOpensTheSocketOnce() throws Exception {
        Connection c = connect();
        ProtocolInfo shared = d.duplicateSocket(c.server(), 2);
        other.socket(FROM, FROM, FROM, shared, 0, 0);
        fails(WsaError.WSAEINVAL, () -> other.socket(FROM, FROM, FROM, shared, 0, 0));
        ProtocolInfo forged = ENTRY.toBuilder().providerReserved(12345).build();
        fails(WsaError.WSAEINVAL, () -> other.socket(FROM, FROM, FROM, forged, 0, 0));
    }

    @Test
    void aContextUsesOnlyItsOwnDescriptors() throws Exception {
        Connection c = connect();
        SocketHandle copy = other.socket(FROM, FROM, FROM, d.duplicateSocket(c.server(), 2), 0, 0);
        fails(WsaError.WSAENOTSOCK, () -> d.recv(copy, ByteBuffer.allocate(1), 0));
        fails(WsaError.WSAENOTSOCK, () -> other.recv(c.server(), ByteBuffer.allocate(1), 0));
    }

    @Test
    void closingAContextDropsOnlyItsDescriptors() throws Exception {
        Connection c = connect();
        SocketHandle copy = other.socket(FROM, FROM, FROM, d.duplicateSocket(c.server(), 2), 0, 0);
        other.cleanup();
        sendText(c.client(), "alive");
        receives(c.server(), 8, "alive");
        fails(WsaError.WSANOTINITIALISED, () -> other.recv(copy, ByteBuffer.allocate(1), 0));
    }
}
