package ws2.core.shell;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ws2.api.AddressFamily;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.LayerSpec;
import ws2.core.route.Route;
import ws2.core.runtime.CoreRuntime;

/**
 * The protocol-chain commands: {@code ws2:chains} (every chain top to bottom, what
 * {@code netsh winsock show catalog} spreads over many entries), {@code ws2:explain} (why socket
 * creation would choose an entry and which layers a client's socket runs through) and
 * {@code ws2:trace} (the providers, bundles and versions an open socket runs through).
 */
@Component(service = ChainCommands.class, reference = @Reference(name = "gogo", service = CommandProcessor.class),
        property = {
    "osgi.command.scope=ws2",
    "osgi.command.function=chains",
    "osgi.command.function=explain",
    "osgi.command.function=trace"
})
public final class ChainCommands {
    private final CoreRuntime core;

    /**
     * Creates the commands.
     *
     * @param core the core
     */
    @Activate
    public ChainCommands(@Reference CoreRuntime core) {
        this.core = core;
    }

    /**
     * {@code ws2:chains}: every chain of the native catalog, its members top to bottom.
     *
     * @return the listing
     */
    public String chains() {
        Map<UUID, LayerSpec> layers = core.core().catalog().data().layers();
        StringBuilder sb = new StringBuilder();
        for (Route r : core.core().routes().get().routes(CatalogView.NATIVE)) {
            if (!r.info().protocolChain().isChain()) {
                continue;
            }
            sb.append(r.info().catalogEntryId()).append("  ").append(r.info().protocolName()).append('\n');
            sb.append("      ").append(r.available() ? "available" : "UNAVAILABLE")
                    .append(r.reason().isEmpty() ? "" : ": " + r.reason()).append('\n');
            int depth = 1;
            for (Route.Member m : r.members()) {
                ProtocolInfo i = m.entry().info();
                LayerSpec spec = layers.get(i.providerId());
                sb.append(String.format("   %d. %-6d %-24s %-52s %s%n", depth++, i.catalogEntryId(), i.protocolName(),
                        m.layered() ? String.format("layer, fail-%s, rank %s, categories 0x%x",
                                m.failClosed() ? "closed" : "open", spec == null ? "-" : spec.rank(), m.categories())
                                : "base",
                        m.service() == null ? "ABSENT" : m.service().bundle().getSymbolicName() + " " + m.service().version()));
            }
        }
        return sb.length() == 0 ? "The catalog has no protocol chain.\n" : sb.toString();
    }

    /**
     * {@code ws2:explain <family> <type> <protocol>}: the choice for an uncategorized client.
     *
     * @param family address family: a number, or inet, inet6, unix
     * @param type socket type
     * @param protocol protocol
     * @return the explanation
     * @throws WsaException {@code WSAEINVAL} for an unknown family name
     */
    public String explain(String family, int type, int protocol) throws WsaException {
        return explain(family, type, protocol, null);
    }

    /**
     * {@code ws2:explain <family> <type> <protocol> <client>}: the choice for a client, whose
     * application categories ({@code WSCSetApplicationCategory}) decide which layers load.
     *
     * @param family address family: a number, or inet, inet6, unix
     * @param type socket type
     * @param protocol protocol
     * @param client the client's name (bundle symbolic name)
     * @return the explanation
     * @throws WsaException {@code WSAEINVAL} for an unknown family name
     */
    public String explain(String family, int type, int protocol, String client) throws WsaException {
        List<String> lines = core.core().contexts().explain(CatalogView.NATIVE, family(family), type, protocol, client);
        return String.join("\n", lines) + "\n";
    }

    /**
     * {@code ws2:trace <socket>}: the providers an open socket runs through, top first.
     *
     * @param socket the socket handle value, as {@code ws2:sockets} lists it
     * @return one line per provider
     * @throws WsaException {@code WSAENOTSOCK} if no open socket has it
     */
    public String trace(long socket) throws WsaException {
        return String.join("\n", core.core().contexts().trace(socket)) + "\n";
    }

    private static int family(String name) throws WsaException {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "inet": case "af_inet": return AddressFamily.AF_INET;
            case "inet6": case "af_inet6": return AddressFamily.AF_INET6;
            case "unix": case "af_unix": return AddressFamily.AF_UNIX;
            default:
                try {
                    return Integer.parseInt(name);
                } catch (NumberFormatException e) {
                    throw new WsaException(WsaError.WSAEINVAL, "unknown address family '" + name
                            + "': give a number or inet, inet6, unix");
                }
        }
    }
}
