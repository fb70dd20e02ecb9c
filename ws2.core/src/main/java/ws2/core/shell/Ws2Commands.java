package ws2.core.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.felix.service.command.CommandProcessor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ws2.api.SockAddr;
import ws2.api.Winsock;
import ws2.api.WinsockFactory;
import ws2.api.WsaException;
import ws2.catalog.CatalogEntry;
import ws2.catalog.CatalogView;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderStatus;
import ws2.core.context.ClientContext;
import ws2.core.runtime.CoreRuntime;
import ws2.core.socket.CoreSocket;

/**
 * The {@code ws2:*} Gogo commands. Each returns the text the shell prints; failures are
 * {@link WsaException}s, which the shell reports with their code. Satisfied only where Gogo runs
 * (the {@code gogo} reference).
 */
@Component(service = Ws2Commands.class, reference = @Reference(name = "gogo", service = CommandProcessor.class),
        property = {
    "osgi.command.scope=ws2",
    "osgi.command.function=catalog",
    "osgi.command.function=order",
    "osgi.command.function=reset",
    "osgi.command.function=sockets",
    "osgi.command.function=providers",
    "osgi.command.function=echo"
})
public final class Ws2Commands {
    private final CoreRuntime core;
    private final WinsockFactory factory;

    /**
     * Creates the commands.
     *
     * @param core the core
     * @param factory opens client contexts for the demo commands
     */
    @Activate
    public Ws2Commands(@Reference CoreRuntime core, @Reference WinsockFactory factory) {
        this.core = core;
        this.factory = factory;
    }

    /**
     * {@code ws2:catalog}: both catalogs, as {@code netsh winsock show catalog} prints them.
     *
     * @return the listing
     */
    public String catalog() {
        return catalog("all");
    }

    /**
     * {@code ws2:catalog native|compat32|all}.
     *
     * @param view which catalog
     * @return the listing
     */
    public String catalog(String view) {
        StringBuilder sb = new StringBuilder();
        for (CatalogView v : views(view)) {
            sb.append(CatalogFormat.format(v, core.core().admin().entries(v)));
        }
        return sb.toString();
    }

    private static List<CatalogView> views(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "all": return List.of(CatalogView.NATIVE, CatalogView.COMPAT32);
            case "native": return List.of(CatalogView.NATIVE);
            case "compat32": return List.of(CatalogView.COMPAT32);
            default: throw new IllegalArgumentException("unknown catalog '" + name + "': use native, compat32 or all");
        }
    }

    /**
     * {@code ws2:order [compat32] [id ...]}: shows the order of a catalog, or, given every catalog
     * entry ID, writes it ({@code WSCWriteProviderOrder}).
     *
     * @param args an optional {@code native}/{@code compat32}, then the IDs in their new order
     * @return the order after the command
     * @throws WsaException {@code WSAEINVAL} if the IDs are not every entry exactly once
     */
    public String order(String... args) throws WsaException {
        CatalogView view = CatalogView.NATIVE;
        List<Integer> ids = new ArrayList<>();
        for (String a : args) {
            if (a.equalsIgnoreCase("compat32") || a.equalsIgnoreCase("native")) {
                view = views(a).get(0);
            } else {
                ids.add(Integer.parseInt(a));
            }
        }
        ProviderCatalog c = core.core().admin();
        if (!ids.isEmpty()) {
            int[] order = ids.stream().mapToInt(Integer::intValue).toArray();
            if (view == CatalogView.NATIVE) {
                c.writeProviderOrder(order);
            } else {
                c.writeProviderOrder32(order);
            }
        }
        StringBuilder sb = new StringBuilder();
        int position = 1;
        for (CatalogEntry e : c.entries(view)) {
            sb.append(String.format("%3d  %5d  %s%s%n", position++, e.info().catalogEntryId(), e.info().protocolName(),
                    e.available() ? "" : "  (unavailable)"));
        }
        return sb.toString();
    }

    /**
     * {@code ws2:reset}: restores the default catalogs, as {@code netsh winsock reset}.
     *
     * @return a confirmation
     * @throws WsaException {@code WSANO_RECOVERY} if the catalog could not be written
     */
    public String reset() throws WsaException {
        core.core().admin().reset();
        return "Successfully reset the Winsock Catalog: " + core.core().admin().entries(CatalogView.NATIVE).size()
                + " native and " + core.core().admin().entries(CatalogView.COMPAT32).size() + " 32-bit entries.";
    }

    /**
     * {@code ws2:sockets}: every open socket of every client context.
     *
     * @return one line per socket
     */
    public String sockets() {
        StringBuilder sb = new StringBuilder(String.format("%-12s %-24s %-6s %-22s %-11s %-24s %s%n", "SOCKET", "CONTEXT",
                "ENTRY", "PROTOCOL", "STATE", "LOCAL", "PEER"));
        for (ClientContext c : core.core().contexts().contexts()) {
            for (CoreSocket s : c.sockets()) {
                CoreSocket.Adoption a = s.adoption();
                if (a == null || a == CoreSocket.CLOSED) {
                    continue;
                }
                sb.append(String.format("%-12d %-24s %-6d %-22s %-11s %-24s %s%n", s.value(),
                        c.processId() + " " + c.name(), a.entry().catalogEntryId(), a.entry().protocolName(),
                        s.connection() == CoreSocket.CONNECTED ? "connected"
                                : s.connection() == CoreSocket.CONNECTION_CLOSED ? "closed" : "-",
                        address(() -> a.dispatch().getSockName(s)), address(() -> a.dispatch().getPeerName(s))));
            }
        }
        return sb.toString();
    }

    /** An address query that may fail (unbound, unconnected). */
    @FunctionalInterface
    private interface AddressQuery {
        SockAddr get() throws WsaException;
    }

    private static String address(AddressQuery q) {
        try {
            return q.get().toString();
        } catch (WsaException e) {
            return "-";
        }
    }

    /**
     * {@code ws2:providers}: every provider bundle, with the reason of any rejection.
     *
     * @return one line per bundle
     */
    public String providers() {
        StringBuilder sb = new StringBuilder();
        for (ProviderStatus p : core.core().admin().providers()) {
            sb.append(String.format("%4d  %-28s %-14s %-20s %s%n", p.bundleId(), p.symbolicName(), p.version(), p.state(),
                    p.state() == ProviderStatus.State.REJECTED ? p.reason() : p.providerIds() + " " + p.reason()));
        }
        return sb.length() == 0 ? "No provider bundle is installed.\n" : sb.toString();
    }

    /**
     * {@code ws2:echo <host> <port> <text>}: sends the text to a TCP server through the ws2 client
     * API and returns what comes back.
     *
     * @param host a numeric address or host name
     * @param port the port
     * @param text the text
     * @return the reply
     * @throws WsaException for example {@code WSAECONNREFUSED} when nothing listens there
     */
    public String echo(String host, int port, String text) throws WsaException {
        try (Winsock ws = factory.open("ws2.shell")) {
            ws.startup(Winsock.VERSION_2_2);
            return EchoClient.exchange(ws, host, port, text);
        }
    }
}
