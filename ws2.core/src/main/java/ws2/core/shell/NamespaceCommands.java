package ws2.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ws2.api.CsAddrInfo;
import ws2.api.LookupFlags;
import ws2.api.LookupHandle;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.NamespaceInfo;
import ws2.catalog.ProviderCatalog;

/**
 * The namespace commands: {@code ws2:ns} (the namespace catalog, as {@code netsh winsock show
 * catalog} lists name-space providers; {@code order}, {@code enable}, {@code disable}) and
 * {@code ws2:lookup} (a host lookup through the namespace providers, one line per answer).
 */
@Component(service = NamespaceCommands.class, reference = @Reference(name = "gogo", service = CommandProcessor.class),
        property = {
    "osgi.command.scope=ws2",
    "osgi.command.function=ns",
    "osgi.command.function=lookup"
})
public final class NamespaceCommands {
    private final ProviderCatalog catalog;
    private final WinsockFactory factory;

    /**
     * Creates the commands.
     *
     * @param catalog the catalog
     * @param factory opens the shell's client context
     */
    @Activate
    public NamespaceCommands(@Reference ProviderCatalog catalog, @Reference WinsockFactory factory) {
        this.catalog = catalog;
        this.factory = factory;
    }

    /**
     * {@code ws2:ns}: the native namespace catalog, in namespace order.
     *
     * @return one line per provider
     */
    public String ns() {
        StringBuilder sb = new StringBuilder();
        int i = 1;
        for (NamespaceInfo n : catalog.enumNameSpaceProviders()) {
            sb.append(String.format("%3d  %-36s %-16s v%d  %-8s %s%n", i++, n.providerId(), NameSpaces.name(n.nameSpace()),
                    n.version(), n.active() ? "active" : "disabled", n.identifier()));
        }
        return sb.length() == 0 ? "The namespace catalog is empty.\n" : sb.toString();
    }

    /**
     * {@code ws2:ns order <guid>...}, {@code ws2:ns enable <guid>}, {@code ws2:ns disable <guid>}.
     *
     * @param action {@code order}, {@code enable} or {@code disable}
     * @param ids provider GUIDs
     * @return the catalog after the change
     * @throws WsaException {@code WSAEINVAL} for an unknown action or GUID
     */
    public String ns(String action, String... ids) throws WsaException {
        List<UUID> guids = new ArrayList<>();
        for (String id : ids) {
            try {
                guids.add(UUID.fromString(id));
            } catch (IllegalArgumentException e) {
                throw new WsaException(WsaError.WSAEINVAL, "not a provider GUID: '" + id + "'");
            }
        }
        switch (action.toLowerCase(Locale.ROOT)) {
            case "order":
                catalog.writeNameSpaceOrder(guids.toArray(new UUID[0]));
                break;
            case "enable":
            case "disable":
                if (guids.size() != 1) {
                    throw new WsaException(WsaError.WSAEINVAL, "ws2:ns " + action + " takes one provider GUID");
                }
                catalog.enableNSProvider(guids.get(0), action.equalsIgnoreCase("enable"));
                break;
            default:
                throw new WsaException(WsaError.WSAEINVAL, "ws2:ns takes order, enable or disable, not '" + action + "'");
        }
        return ns();
    }

    /**
     * {@code ws2:lookup <name>}: the host's addresses from every namespace.
     *
     * @param name a host name
     * @return one line per answer: provider, name, addresses
     * @throws WsaException {@code WSAHOST_NOT_FOUND} and the like
     */
    public String lookup(String name) throws WsaException {
        return lookup(name, "all");
    }

    /**
     * {@code ws2:lookup <name> <namespace>}.
     *
     * @param name a host name
     * @param nameSpace {@code all}, {@code dns}, {@code hosts} or a number
     * @return one line per answer
     * @throws WsaException {@code WSAHOST_NOT_FOUND} and the like
     */
    public String lookup(String name, String nameSpace) throws WsaException {
        StringBuilder sb = new StringBuilder();
        try (Winsock ws = factory.open("ws2.shell")) {
            ws.startup(Winsock.VERSION_2_2);
            int flags = LookupFlags.LUP_RETURN_NAME | LookupFlags.LUP_RETURN_ADDR | LookupFlags.LUP_RETURN_ALIASES;
            LookupHandle h = ws.lookupServiceBegin(QuerySet.hostQuery(name, nameSpace(nameSpace)), flags);
            try {
                while (true) {
                    QuerySet r = ws.lookupServiceNext(h, flags);
                    sb.append(String.format("%-24s %-6s %-28s", identifier(r.nsProviderId()), NameSpaces.name(r.nameSpace())
                            .replace("NS_", ""), r.instanceName() + ((r.outputFlags() & LookupFlags.RESULT_IS_ALIAS) != 0
                                    ? " (alias)" : "")));
                    for (CsAddrInfo a : r.addresses()) {
                        sb.append(' ').append(a.remoteAddr().host());
                    }
                    sb.append('\n');
                }
            } catch (WsaException e) {
                if (e.error() != WsaError.WSA_E_NO_MORE) {
                    throw e;
                }
            } finally {
                ws.lookupServiceEnd(h);
            }
        }
        return sb.toString();
    }

    private String identifier(UUID providerId) {
        for (NamespaceInfo n : catalog.enumNameSpaceProviders()) {
            if (n.providerId().equals(providerId)) {
                return n.identifier();
            }
        }
        return String.valueOf(providerId);
    }

    private static int nameSpace(String name) throws WsaException {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "all": return NameSpaces.NS_ALL;
            case "dns": return NameSpaces.NS_DNS;
            case "hosts": return NameSpaces.NS_TCPIP_HOSTS;
            default:
                try {
                    return Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    throw new WsaException(WsaError.WSAEINVAL, "unknown namespace '" + name
                            + "': give all, dns, hosts or a number");
                }
        }
    }
}
