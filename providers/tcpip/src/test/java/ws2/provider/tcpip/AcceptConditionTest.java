package ws2.provider.tcpip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.AcceptCondition;
import ws2.api.AddressFamily;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WsaError;

/** {@code WSPAccept} with a condition function: accept, reject and defer. */
class AcceptConditionTest extends TcpipTestBase {
    private static final int V4 = AddressFamily.AF_INET;

    private SocketHandle listener;
    private SocketHandle client;

    private void connectClient() throws Exception {
        listener = listener(V4);
        client = socket(TCP4);
        d.connect(client, d.getSockName(listener), null);
    }

    @Test
    void conditionSeesThePeerAsCallerAndTheLocalAddressAsCallee() throws Exception {
        connectClient();
        List<SockAddr> seen = new ArrayList<>();
        SocketHandle server = d.accept(listener, (caller, callerData, sqos, gqos, callee, calleeData) -> {
            seen.add(caller);
            seen.add(callee);
            assertNull(callerData);
            assertNull(calleeData);
            return AcceptCondition.CF_ACCEPT;
        });
        assertEquals(List.of(d.getSockName(client), d.getPeerName(client)), seen);
        assertEquals(d.getSockName(client), d.getPeerName(server));
    }

    @Test
    void rejectRefusesAndResetsTheConnection() throws Exception {
        connectClient();
        fails(WsaError.WSAECONNREFUSED, () -> d.accept(listener, (a, b, c, e, f, g) -> AcceptCondition.CF_REJECT));
        fails(WsaError.WSAECONNRESET, () -> d.recv(client, ByteBuffer.allocate(4), 0));
    }

    @Test
    void deferKeepsTheConnectionFirstInTheQueue() throws Exception {
        connectClient();
        fails(WsaError.WSATRY_AGAIN, () -> d.accept(listener, (a, b, c, e, f, g) -> AcceptCondition.CF_DEFER));
        SocketHandle later = socket(TCP4);
        d.connect(later, d.getSockName(listener), null);
        SocketHandle first = d.accept(listener, null);
        assertEquals(d.getSockName(client), d.getPeerName(first));
        SocketHandle second = d.accept(listener, null);
        assertEquals(d.getSockName(later), d.getPeerName(second));
    }

    @Test
    void aDeferredConnectionMakesTheListenerReadable() throws Exception {
        connectClient();
        fails(WsaError.WSATRY_AGAIN, () -> d.accept(listener, (a, b, c, e, f, g) -> AcceptCondition.CF_DEFER));
        ws2.api.FdSet read = ws2.api.FdSet.of(listener);
        assertEquals(1, d.select(read, null, null, java.time.Duration.ZERO));
    }

    @Test
    void anUnknownVerdictIsInvalid() throws Exception {
        connectClient();
        fails(WsaError.WSAEINVAL, () -> d.accept(listener, (a, b, c, e, f, g) -> 7));
    }

    @Test
    void aFailingConditionLeavesTheConnectionQueued() throws Exception {
        connectClient();
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> d.accept(listener,
                (a, b, c, e, f, g) -> {
                    throw new IllegalStateException("application bug");
                }));
        assertEquals(d.getSockName(client), d.getPeerName(d.accept(listener, null)));
    }
}
