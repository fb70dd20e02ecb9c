package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

import ws2.api.AddressFamily;
import ws2.api.IoctlCodes;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** {@code WSPIoctl}: FIONBIO, FIONREAD, SIOCATMARK and the codes it refuses. */
class IoctlTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;

    @Test
    void fionbioReadsTheArgumentInTheBuffersByteOrder() throws Exception {
        Connection c = connect(V4);
        ByteBuffer littleOne = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(0, 1);
        assertEquals(0, d.ioctl(c.server(), IoctlCodes.FIONBIO, littleOne, null, null, null, null));
        assertEquals(0, littleOne.position());
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0));
        setNonBlocking(c.server(), false);
        sendText(c.client(), "z");
        assertEquals("z", recvText(c.server(), 1));
    }

    @Test
    void fionreadCountsWhatAStreamCanReceive() throws Exception {
        Connection c = connect(V4);
        assertEquals(0, fionread(c.server()));
        sendText(c.client(), "twelve bytes");
        awaitReadable(c.server()); // one small loopback segment: all twelve bytes arrive together
        assertEquals(12, fionread(c.server()));
        assertEquals(0, fionread(socket(TCP4)));
    }

    @Test
    void fionreadWritesAtTheOutputPosition() throws Exception {
        SocketHandle s = socket(TCP4);
        ByteBuffer out = ByteBuffer.allocate(8).position(2);
        assertEquals(4, d.ioctl(s, IoctlCodes.FIONREAD, null, out, null, null, null));
        assertEquals(6, out.position());
        assertEquals(0, out.getInt(2));
    }

    @Test
    void siocatmarkSaysNoUrgentDataWaits() throws Exception {
        Connection c = connect(V4);
        ByteBuffer out = ByteBuffer.allocate(4);
        assertEquals(4, d.ioctl(c.server(), IoctlCodes.SIOCATMARK, null, out, null, null, null));
        assertEquals(1, out.getInt(0));
    }

    @Test
    void shortBuffersAreFaults() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEFAULT, () -> d.ioctl(s, IoctlCodes.FIONBIO, ByteBuffer.allocate(2), null, null, null, null));
        fails(WsaError.WSAEFAULT, () -> d.ioctl(s, IoctlCodes.FIONBIO, null, null, null, null, null));
        fails(WsaError.WSAEFAULT, () -> d.ioctl(s, IoctlCodes.FIONREAD, null, ByteBuffer.allocate(3), null, null, null));
        fails(WsaError.WSAEFAULT, () -> d.ioctl(s, IoctlCodes.SIOCATMARK, null, null, null, null, null));
    }

    @Test
    void optionalWinsockCodesAreUnsupportedAndOthersInvalid() throws Exception {
        SocketHandle s = socket(TCP4);
        ByteBuffer out = ByteBuffer.allocate(64);
        for (int code : new int[] {IoctlCodes.SIO_GET_QOS, IoctlCodes.SIO_FLUSH, IoctlCodes.SIO_BASE_HANDLE,
                IoctlCodes.SIO_ADDRESS_LIST_QUERY, IoctlCodes.SIO_GET_EXTENSION_FUNCTION_POINTER}) {
            fails(WsaError.WSAENOPROTOOPT, () -> d.ioctl(s, code, null, out, null, null, null));
        }
        fails(WsaError.WSAEINVAL, () -> d.ioctl(s, 0x12345678, null, out, null, null, null));
        fails(WsaError.WSAEINVAL, () -> d.ioctl(s, 0x98000004, null, out, null, null, null));
    }

    @Test
    void overlappedIoctlsAreRefused() throws Exception {
        SocketHandle s = socket(TCP4);
        fails(WsaError.WSAEINVAL, () -> d.ioctl(s, IoctlCodes.FIONREAD, null, ByteBuffer.allocate(4),
                new ws2.api.Overlapped(), null, null));
    }
}
