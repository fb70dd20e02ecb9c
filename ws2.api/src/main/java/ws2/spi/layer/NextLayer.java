package ws2.spi.layer;

import org.osgi.annotation.versioning.ProviderType;

import ws2.api.AcceptCondition;
import ws2.api.SocketHandle;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;

/**
 * What a layer reaches the provider below it through, for one client context: the Java form of a
 * Windows LSP's own {@code WSPStartup}/{@code WSPSocket} calls on the next layer of its chain.
 *
 * <p>ws2.core chooses the next provider when each lower socket is made: the next member of the
 * chain that is present and that the client's application categories load; an absent fail-open
 * layer is bypassed, an absent fail-closed layer fails the call. The lower socket stays on the
 * provider version that made it until it is closed, so a layer or base update never disturbs
 * open sockets. Implemented by ws2.core.
 */
@ProviderType
public interface NextLayer {
    /**
     * {@code WSPSocket} on the next provider of a chain.
     *
     * @param chainEntry the chain entry the layer's socket is made on (with the caller's
     *        {@code dwProviderReserved}, which is passed down)
     * @param af address family
     * @param type socket type
     * @param protocol protocol
     * @param group group
     * @param flags {@code WSA_FLAG_*}
     * @return the lower socket
     * @throws WsaException the lower provider's failure, or {@code WSAEPROVIDERFAILEDINIT} when the
     *         next provider is absent (a fail-closed layer, or the base)
     */
    Lower socket(ProtocolInfo chainEntry, int af, int type, int protocol, int group, int flags) throws WsaException;

    /**
     * {@code WSPAccept} on a lower listening socket: the accepted lower socket stays on the
     * listener's provider version.
     *
     * @param listener the lower listening socket
     * @param condition the condition function, or null
     * @return the accepted lower socket
     * @throws WsaException the lower provider's failure
     */
    Lower accept(Lower listener, AcceptCondition condition) throws WsaException;

    /**
     * {@code WPUCreateSocketHandle} for the layer's own socket over a lower socket: the handle the
     * layer returns to the caller. ws2.core links it to its lower socket, so completions, messages
     * and {@code ws2:trace} of the lower socket find the client's handle.
     *
     * @param catalogEntryId the catalog entry of the layer's socket (the chain entry)
     * @param socket the layer's per-socket state, returned by {@code WPUQuerySocketHandleContext}
     * @return the handle
     * @throws WsaException {@code WSAEINVAL} if the socket's lower socket is not open
     */
    SocketHandle createSocketHandle(int catalogEntryId, LayeredSocket socket) throws WsaException;

    /**
     * {@code WSPCloseSocket} on a lower socket, releasing its hold on the provider version.
     *
     * @param lower the lower socket
     * @throws WsaException the lower provider's failure (the socket is released anyway, except for
     *         {@code WSAEWOULDBLOCK} from a lingering non-blocking close)
     */
    void closeSocket(Lower lower) throws WsaException;

    /**
     * The name of the client context this layer instance serves: the symbolic name of the client
     * bundle, or the name given to {@code WinsockFactory.open} (the application identity of
     * {@code WSCSetApplicationCategory}). A firewall layer filters on it.
     *
     * @return the client's name
     */
    String clientName();

    /**
     * The next provider of a chain for calls without a socket ({@code WSPAddressToString},
     * {@code WSPStringToAddress}).
     *
     * @param chainEntry the chain entry
     * @return the provider, with a null handle
     * @throws WsaException as {@link #socket}
     */
    Lower provider(ProtocolInfo chainEntry) throws WsaException;
}
