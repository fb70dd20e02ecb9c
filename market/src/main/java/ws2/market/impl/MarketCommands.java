package ws2.market.impl;

import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ws2.api.WsaException;
import ws2.market.BundleChange;
import ws2.market.HistoryEntry;
import ws2.market.Marketplace;
import ws2.market.Offer;
import ws2.market.Plan;
import ws2.market.Source;

/**
 * The {@code market:*} shell commands: {@code add <url> [key...]}, {@code list},
 * {@code remove <url>}, {@code search [text | "(filter)"]}, {@code plan <name>}, {@code install <name>},
 * {@code update <name>}, {@code uninstall <name>}, {@code history} and {@code rollback <entry>}. Each
 * returns its text; installs, updates and rollbacks also print their progress lines to the session's
 * console as they go. Failures are the marketplace's {@link WsaException}s. In Gogo a filter must be quoted,
 * since parentheses and {@code >} mean something to the shell.
 */
@Component(service = MarketCommands.class, reference = @Reference(name = "gogo", service = CommandProcessor.class),
        property = {
    "osgi.command.scope=market",
    "osgi.command.function=add",
    "osgi.command.function=list",
    "osgi.command.function=remove",
    "osgi.command.function=search",
    "osgi.command.function=plan",
    "osgi.command.function=install",
    "osgi.command.function=update",
    "osgi.command.function=uninstall",
    "osgi.command.function=history",
    "osgi.command.function=rollback"
})
public final class MarketCommands {
    private final Marketplace market;

    /**
     * Creates the commands.
     *
     * @param market the marketplace
     */
    @Activate
    public MarketCommands(@Reference Marketplace market) {
        this.market = market;
    }

    /**
     * {@code market:add <url> [key...]}: adds a source.
     *
     * @param url the index URL
     * @param keys fingerprints of the publisher keys pinned for it
     * @return one line
     * @throws WsaException as {@link Marketplace#add}
     */
    public String add(String url, String... keys) throws WsaException {
        Source s = market.add(url, List.of(keys));
        return "Added " + s.url() + ": " + s.resources() + " resources\n";
    }

    /**
     * {@code market:list}: the sources.
     *
     * @return one line per source
     */
    public String list() {
        StringBuilder sb = new StringBuilder();
        for (Source s : market.sources()) {
            sb.append(String.format("%-60s %4d resources  keys %s%n", s.url(), s.resources(),
                    s.keys().isEmpty() ? "-" : String.join(",", s.keys())));
        }
        return sb.length() == 0 ? "No marketplace source. Add one with market:add <url>.\n" : sb.toString();
    }

    /**
     * {@code market:remove <url>}: removes a source.
     *
     * @param url its URL
     * @return one line
     * @throws WsaException as {@link Marketplace#remove}
     */
    public String remove(String url) throws WsaException {
        market.remove(url);
        return "Removed " + url + "\n";
    }

    /**
     * {@code market:search}: every offer.
     *
     * @return the offers
     * @throws WsaException as {@link Marketplace#search}
     */
    public String search() throws WsaException {
        return search("");
    }

    /**
     * {@code market:search <text | "(filter)">}: matching offers.
     *
     * @param textOrFilter text, or an LDAP filter over ws2.* capability attributes
     * @return the offers, each with its capabilities
     * @throws WsaException as {@link Marketplace#search}
     */
    public String search(String textOrFilter) throws WsaException {
        StringBuilder sb = new StringBuilder();
        for (Offer o : market.search(textOrFilter)) {
            sb.append(o.symbolicName()).append(' ').append(o.version()).append("  ").append(o.size()).append(" bytes  ")
                    .append(o.source()).append('\n');
            o.capabilities().forEach(c -> sb.append("    ").append(c).append('\n'));
        }
        return sb.length() == 0 ? "No offer matches " + textOrFilter + "\n" : sb.toString();
    }

    /**
     * {@code market:plan <name>}: what installing a bundle would do.
     *
     * @param symbolicName the bundle
     * @return the plan
     * @throws WsaException as {@link Marketplace#plan}
     */
    public String plan(String symbolicName) throws WsaException {
        Plan p = market.plan(symbolicName);
        StringBuilder sb = new StringBuilder("Plan for ").append(p.symbolicName()).append('\n');
        if (p.changes().isEmpty()) {
            sb.append("  already installed at the newest version offered\n");
        }
        section(sb, "install or update", p.changes().stream().map(MarketCommands::change).toList());
        section(sb, "pulled in by the resolver", p.pulledIn().stream().map(MarketCommands::change).toList());
        section(sb, "refreshed", p.refreshes());
        section(sb, "catalog declarations", p.declarations());
        return sb.append("  open sockets on replaced entries: ").append(p.openSockets()).append('\n').toString();
    }

    /**
     * {@code market:install <name>}: installs a bundle, printing the progress.
     *
     * @param session the shell session, whose console gets the progress lines
     * @param symbolicName the bundle
     * @return the journal entry
     * @throws WsaException as {@link Marketplace#install}
     */
    public String install(CommandSession session, String symbolicName) throws WsaException {
        return entry(market.install(symbolicName, printer(session)));
    }

    /**
     * {@code market:update <name>}: updates a bundle, printing the progress.
     *
     * @param session the shell session
     * @param symbolicName the bundle
     * @return the journal entry
     * @throws WsaException as {@link Marketplace#update}
     */
    public String update(CommandSession session, String symbolicName) throws WsaException {
        return entry(market.update(symbolicName, printer(session)));
    }

    /**
     * {@code market:uninstall <name>}: uninstalls a bundle.
     *
     * @param symbolicName the bundle
     * @return the journal entry
     * @throws WsaException as {@link Marketplace#uninstall}
     */
    public String uninstall(String symbolicName) throws WsaException {
        return entry(market.uninstall(symbolicName));
    }

    /**
     * {@code market:history}: the audit journal.
     *
     * @return one line per entry, newest last
     * @throws WsaException as {@link Marketplace#history}
     */
    public String history() throws WsaException {
        StringBuilder sb = new StringBuilder();
        market.history().forEach(e -> sb.append(entry(e)));
        return sb.length() == 0 ? "The marketplace journal is empty.\n" : sb.toString();
    }

    /**
     * {@code market:rollback <entry>}: puts the bundles back as before a journal entry.
     *
     * @param session the shell session
     * @param entry the entry's number, from {@code market:history}
     * @return the journal entry of the rollback
     * @throws WsaException as {@link Marketplace#rollback}
     */
    public String rollback(CommandSession session, int entry) throws WsaException {
        return entry(market.rollback(entry, printer(session)));
    }

    private static Consumer<String> printer(CommandSession session) {
        PrintStream console = session.getConsole();
        return line -> {
            console.println(line);
            console.flush();
        };
    }

    private static String entry(HistoryEntry e) {
        return String.format("%4d %s %-13s %s%s  %s%n", e.number(), e.time(), e.action(), e.subject(),
                e.changes().isEmpty() ? "" : " [" + String.join("; ", e.changes()) + "]", e.outcome());
    }

    private static String change(BundleChange c) {
        return c.symbolicName() + " " + (c.isUpdate() ? c.fromVersion() + " -> " : "new ") + c.toVersion()
                + " from " + c.source();
    }

    private static void section(StringBuilder sb, String title, List<String> lines) {
        sb.append("  ").append(title).append(lines.isEmpty() ? ": none\n" : ":\n");
        lines.forEach(l -> sb.append("    ").append(l).append('\n'));
    }
}
