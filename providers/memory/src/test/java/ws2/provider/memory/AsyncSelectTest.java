package ws2.provider.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static ws2.api.NetworkEvents.FD_ACCEPT;
import static ws2.api.NetworkEvents.FD_CLOSE;
import static ws2.api.NetworkEvents.FD_READ;
import static ws2.api.NetworkEvents.FD_WRITE;

import java.nio.ByteBuffer;
import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.SocketHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaError;

/** {@code WSPAsyncSelect}: network events posted to a window with {@code WPUPostMessage}. */
class AsyncSelectTest extends MemoryTestBase {
    private static final int WM_SOCKET = 0x0400 + 7;

    private final TestUpcall.Window window = upcall.createWindow();

    private static WindowMessage message(SocketHandle s, int event, int error) {
        return new WindowMessage(WM_SOCKET, s.value(), WindowMessage.selectReply(event, error));
    }

    /** Takes the messages posted so far, checking they went to the selected window. */
    private List<WindowMessage> posted() {
        List<TestUpcall.Posted> all = List.copyOf(upcall.messages);
        upcall.messages.clear();
        all.forEach(p -> assertEquals(window, p.window()));
        return all.stream().map(TestUpcall.Posted::message).toList();
    }

    @Test
    void eventsArePostedWithTheSocketAndTheirError() throws Exception {
        SocketHandle listener = listener("svc");
        d.asyncSelect(listener, window, WM_SOCKET, FD_ACCEPT | FD_READ | FD_WRITE | FD_CLOSE);
        SocketHandle client = socket();
        d.connect(client, address("svc"), null);
        assertEquals(List.of(message(listener, FD_ACCEPT, 0)), posted());

        SocketHandle server = d.accept(listener, null);
        assertEquals(List.of(message(server, FD_WRITE, 0)), posted(), "the accepted socket inherits the selection");

        sendText(client, "hi");
        sendText(client, "there");
        assertEquals(List.of(message(server, FD_READ, 0)), posted());
        receives(server, 16, "hithere");
        d.closeSocket(client);
        assertEquals(List.of(message(server, FD_CLOSE, 0)), posted());
    }

    @Test
    void aResetIsPostedAsFdCloseWithConnReset() throws Exception {
        Connection c = connect();
        d.asyncSelect(c.server(), window, WM_SOCKET, FD_CLOSE);
        d.shutdown(c.client(), ws2.api.ShutdownHow.SD_RECEIVE);
        fails(WsaError.WSAECONNRESET, () -> d.send(c.server(), bytes("x"), 0)); // data the client refused: a reset
        assertEquals(List.of(message(c.server(), FD_CLOSE, WsaError.WSAECONNRESET.code())), posted());
    }

    @Test
    void selectingNoEventsCancels() throws Exception {
        Connection c = connect();
        d.asyncSelect(c.server(), window, WM_SOCKET, FD_READ);
        d.asyncSelect(c.server(), window, WM_SOCKET, 0);
        sendText(c.client(), "quiet");
        assertEquals(List.of(), posted());
        receives(c.server(), 8, "quiet");
        fails(WsaError.WSAEWOULDBLOCK, () -> d.recv(c.server(), ByteBuffer.allocate(1), 0)); // still non-blocking
    }

    @Test
    void asyncSelectNeedsAWindow() throws Exception {
        fails(WsaError.WSAEINVAL, () -> d.asyncSelect(socket(), null, WM_SOCKET, FD_READ));
    }
}
