package ws2.core.context;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.AcceptCondition;
import ws2.api.SocketHandle;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.core.provider.ProviderService;
import ws2.core.route.Route;
import ws2.core.socket.CoreSocket;
import ws2.core.socket.CoreSocket.Adoption;
import ws2.spi.layer.LayeredSocket;
import ws2.spi.layer.Lower;
import ws2.spi.layer.NextLayer;

/**
 * The {@link NextLayer} of one started layer in one client context: finds the next member of a
 * chain on the current route table each time a lower socket is made, starts that provider in the
 * same context (sharing the instance clients use directly) and pins each lower socket to the
 * provider version that made it, with a lease, until the layer closes it.
 *
 * <p>Lower sockets are adopted with this link as their owner, so a client can never use them, and
 * the link closes any its layer left open when the context ends.
 */
final class LayerLink implements NextLayer {
    private static final Logger LOG = LoggerFactory.getLogger(LayerLink.class);

    private final ClientContext context;
    private final ProviderService layer;
    private final Set<CoreSocket> lowers = ConcurrentHashMap.newKeySet();

    LayerLink(ClientContext context, ProviderService layer) {
        this.context = context;
        this.layer = layer;
    }

    @Override
    public Lower socket(ProtocolInfo chainEntry, int af, int type, int protocol, int group, int flags)
            throws WsaException {
        ClientContext.Top next = next(chainEntry);
        ProviderInstance instance = context.instanceFor(next.service(), next.info());
        SocketHandle h;
        try {
            h = instance.dispatch().socket(af, type, protocol, next.info(), group, flags);
        } catch (WsaException e) {
            instance.release();
            throw e;
        } catch (RuntimeException e) {
            instance.release();
            throw fault(instance, "WSPSocket", e);
        }
        return adopt(h, instance, next.info(), "WSPSocket");
    }

    @Override
    public Lower accept(Lower listener, AcceptCondition condition) throws WsaException {
        Adoption a = own(listener);
        ProviderInstance instance = (ProviderInstance) a.lease();
        instance.acquire();
        SocketHandle h;
        try {
            h = a.dispatch().accept(listener.handle(), condition);
        } catch (WsaException e) {
            instance.release();
            throw e;
        } catch (RuntimeException e) {
            instance.release();
            throw fault(instance, "WSPAccept", e);
        }
        return adopt(h, instance, a.entry(), "WSPAccept");
    }

    @Override
    public SocketHandle createSocketHandle(int catalogEntryId, LayeredSocket socket) throws WsaException {
        own(socket.lower());
        SocketHandle h = context.registry().upcallsFor(layer.bundle()).createSocketHandle(catalogEntryId, socket);
        ((CoreSocket) h).stackOn((CoreSocket) socket.lower().handle());
        return h;
    }

    @Override
    public void closeSocket(Lower lower) throws WsaException {
        Adoption a = own(lower);
        CoreSocket s = (CoreSocket) lower.handle();
        WsaException failure = ClientContext.providerClose(a, s);
        if (s.disown(a)) {
            lowers.remove(s);
            context.released(s, a);
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public Lower provider(ProtocolInfo chainEntry) throws WsaException {
        ClientContext.Top next = next(chainEntry);
        ProviderInstance instance = context.instanceFor(next.service(), next.info());
        instance.release();
        return new Lower(null, instance.dispatch(), next.info());
    }

    @Override
    public String clientName() {
        return context.name();
    }

    /** Closes the lower sockets the layer left open; the context is ending. */
    void closeAll() {
        closeLowers(null);
    }

    /**
     * Closes the lower sockets made by a retired provider instance whose drain timeout expired.
     *
     * @param retired the instance
     */
    void drain(ProviderInstance retired) {
        closeLowers(retired);
    }

    private void closeLowers(ProviderInstance of) {
        for (CoreSocket s : List.copyOf(lowers)) {
            Adoption a = s.adoption();
            if (a != null && a.owner() == this && (of == null || a.lease() == of) && s.disown(a)) {
                try {
                    a.dispatch().closeSocket(s);
                } catch (WsaException | RuntimeException e) {
                    LOG.debug("Closing lower {} left open by layer {}: {}", s, layer.describe(), e.toString());
                }
                lowers.remove(s);
                context.released(s, a);
            }
        }
    }

    /** The member below this layer on a chain, for this client: skipped layers left out. */
    private ClientContext.Top next(ProtocolInfo chainEntry) throws WsaException {
        Route route = context.registry().routes().byId(context.catalogView(), chainEntry.catalogEntryId())
                .orElseThrow(() -> new WsaException(WsaError.WSAEINVALIDPROVIDER, "layer " + layer.describe()
                        + " asked for the next layer of catalog entry " + chainEntry.catalogEntryId()
                        + ", which is no longer installed"));
        List<Route.Member> path = route.path(context.appCategories());
        for (int i = 0; i < path.size() - 1; i++) {
            if (path.get(i).entry().info().providerId().equals(layer.id())) {
                Route.Member below = path.get(i + 1);
                ProtocolInfo info = below.layered() ? chainEntry
                        : ClientContext.withToken(below.entry().info(), chainEntry);
                return new ClientContext.Top(below.service(), info);
            }
        }
        throw new WsaException(WsaError.WSAEINVALIDPROVIDER, "layer " + layer.describe() + " is not on the path of"
                + " catalog entry " + chainEntry.catalogEntryId() + " for client context '" + context.name() + "'");
    }

    private Adoption own(Lower lower) throws WsaException {
        if (lower != null && lower.handle() instanceof CoreSocket) {
            Adoption a = ((CoreSocket) lower.handle()).adoption();
            if (a != null && a.owner() == this) {
                return a;
            }
        }
        throw new WsaException(WsaError.WSAENOTSOCK, "layer " + layer.describe() + " passed "
                + (lower == null ? "null" : lower.handle()) + ", which is not one of its open lower sockets");
    }

    private Lower adopt(SocketHandle h, ProviderInstance instance, ProtocolInfo entry, String function)
            throws WsaException {
        if (!(h instanceof CoreSocket) || ((CoreSocket) h).isReleased()
                || !((CoreSocket) h).adopt(new Adoption(this, instance.dispatch(), entry, instance))) {
            instance.release();
            throw new WsaException(WsaError.WSAEINVALIDPROVIDER, function + " of provider " + instance.service().describe()
                    + " returned " + h + ", not a fresh handle from WPUModifyIFSHandle or WPUCreateSocketHandle");
        }
        lowers.add((CoreSocket) h);
        return new Lower(h, instance.dispatch(), entry);
    }

    private static WsaException fault(ProviderInstance instance, String function, RuntimeException e) {
        return ClientContext.fault(instance.service(), function, e);
    }
}
