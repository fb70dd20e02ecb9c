package ws2.provider.firewall;

import java.nio.ByteBuffer;

import ws2.api.AcceptCondition;
import ws2.api.CompletionRoutine;
import ws2.api.ConnectData;
import ws2.api.Overlapped;
import ws2.api.SockAddr;
import ws2.api.SocketHandle;
import ws2.api.WsaData;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.layer.ForwardingDispatch;
import ws2.spi.layer.NextLayer;
import ws2.spi.upcall.ThreadId;
import ws2.spi.upcall.Upcall;

/**
 * The {@code WSPPROC_TABLE} of the firewall layer for one client context: it asks the
 * {@link Firewall} before letting a call reach a remote end, and forwards everything else.
 *
 * <h3>What is checked</h3>
 * <ul>
 * <li>{@code WSPConnect}, {@code WSPConnectEx}, {@code WSPJoinLeaf}: the address connected or
 * joined, before the call goes down.</li>
 * <li>{@code WSPSendTo}: the destination of each datagram, before it goes down; a null destination
 * (a connected socket) was checked at connect.</li>
 * <li>{@code WSPAccept}: the peer of the accepted connection ({@code WSPGetPeerName}), after the
 * lower provider accepted it; a refused connection is closed before the call fails.</li>
 * <li>{@code WSPAcceptEx}: its connection arrives in a completion this layer never sees, so it
 * cannot be checked. AcceptEx is passed only while the rules in force allow this client every
 * peer, and refused with {@code WSAEOPNOTSUPP} otherwise: nothing unchecked gets in.</li>
 * </ul>
 * Received datagrams ({@code WSPRecvFrom}) are not filtered. A refusal is a {@code WSAEACCES}
 * naming the deciding rule, the client and the peer. The rules are those in force at the call;
 * connections made earlier stay open when they change.
 *
 * <p>Called on any client thread; it keeps no state of its own beyond the client's name.
 */
final class FirewallDispatch extends ForwardingDispatch {
    private final Firewall firewall;
    private final String client;

    /**
     * Creates the dispatch of one client context.
     *
     * @param data the negotiated {@code WSPDATA}
     * @param upcall the upcall table
     * @param next the next layer, which also names the client
     * @param firewall the policy
     */
    FirewallDispatch(WsaData data, Upcall upcall, NextLayer next, Firewall firewall) {
        super(data, upcall, next);
        this.firewall = firewall;
        this.client = next.clientName();
    }

    @Override
    public void connect(SocketHandle s, SockAddr name, ConnectData data) throws WsaException {
        firewall.check(client, name, "connecting to");
        super.connect(s, name, data);
    }

    @Override
    public int connectEx(SocketHandle s, SockAddr name, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        firewall.check(client, name, "connecting to");
        return super.connectEx(s, name, overlapped, routine, thread);
    }

    @Override
    public SocketHandle joinLeaf(SocketHandle s, SockAddr name, ConnectData data, int flags) throws WsaException {
        firewall.check(client, name, "joining");
        return super.joinLeaf(s, name, data, flags);
    }

    @Override
    public int sendTo(SocketHandle s, ByteBuffer[] buffers, int flags, SockAddr to, Overlapped overlapped,
            CompletionRoutine routine, ThreadId thread) throws WsaException {
        if (to != null) {
            firewall.check(client, to, "sending to");
        }
        return super.sendTo(s, buffers, flags, to, overlapped, routine, thread);
    }

    /**
     * {@inheritDoc}
     *
     * @throws WsaException {@code WSAEACCES} if the rules deny the peer; the accepted socket is
     *         closed and the listener stays usable
     */
    @Override
    public SocketHandle accept(SocketHandle s, AcceptCondition condition) throws WsaException {
        SocketHandle accepted = super.accept(s, condition);
        try {
            firewall.check(client, getPeerName(accepted), "accepting a connection from");
            return accepted;
        } catch (WsaException e) {
            try {
                closeSocket(accepted);
            } catch (WsaException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws WsaException {@code WSAEOPNOTSUPP} unless the rules in force allow this client every
     *         peer, since the connection AcceptEx accepts cannot be checked
     */
    @Override
    public int acceptEx(SocketHandle listener, SocketHandle accept, Overlapped overlapped, CompletionRoutine routine,
            ThreadId thread) throws WsaException {
        if (!firewall.allowsEverything(client)) {
            throw new WsaException(WsaError.WSAEOPNOTSUPP, "ws2 Firewall cannot check the peer of an AcceptEx and the"
                    + " rules in force may deny client '" + client + "'; use accept");
        }
        return super.acceptEx(listener, accept, overlapped, routine, thread);
    }
}
