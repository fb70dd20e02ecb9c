package ws2.core.context;

import java.lang.reflect.Proxy;

import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.socket.CoreSocket.Adoption;
import ws2.core.socket.SocketLease;
import ws2.spi.transport.WspDispatch;

/**
 * What a socket runs on once its drain timeout expired: its provider version was replaced, the
 * socket was closed underneath, and every call but {@code closesocket} fails with
 * {@code WSAECONNABORTED} and the reason, until the client closes it.
 */
final class Drained {
    private static final WsaData DATA = new WsaData(0x0202, 0x0202, "drained socket", "");
    private static final SocketLease NO_LEASE = s -> { };

    private Drained() {
    }

    /**
     * The adoption a drained socket is left with: same owner and entry, no provider, no lease.
     *
     * @param was the socket's adoption before
     * @param why the sentence its calls fail with
     * @return the new adoption
     */
    static Adoption adoption(Adoption was, String why) {
        WspDispatch dispatch = (WspDispatch) Proxy.newProxyInstance(Drained.class.getClassLoader(),
                new Class<?>[] {WspDispatch.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "closeSocket":
                        case "cleanup":
                            return null;
                        case "data":
                            return DATA;
                        case "toString":
                            return "drained: " + why;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        default:
                            throw new WsaException(WsaError.WSAECONNABORTED, why);
                    }
                });
        return new Adoption(was.owner(), dispatch, was.entry(), NO_LEASE);
    }
}
