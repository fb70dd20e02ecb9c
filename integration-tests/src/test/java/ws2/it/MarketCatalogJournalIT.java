package ws2.it;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import winevent.WinEventBus;
import ws2.api.AddressFamily;
import ws2.api.IpProtocol;
import ws2.api.SocketType;
import ws2.api.WsaException;
import ws2.catalog.CatalogView;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderCatalog;
import ws2.market.HistoryEntry;
import ws2.market.Marketplace;

/**
 * The marketplace's audit journal records catalog changes too (issue: "an audit journal of
 * marketplace and catalog changes"): each change ws2.core announces on the WinEvent bus becomes a
 * {@code catalog} entry of {@link Marketplace#history}, naming the view, the entry and what
 * happened, and is not announced again as a journal event.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MarketCatalogJournalIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Marketplace market;
    @Inject
    ProviderCatalog catalog;
    @Inject
    WinEventBus bus;

    @Configuration
    public Option[] config() {
        return options(Ws2TestSupport.coreWithTcpip(), Ws2TestSupport.bundleOf("org.apache.felix.resolver"),
                Ws2TestSupport.bundleOf("ws2.market"));
    }

    private List<Integer> ids() {
        return catalog.entries(CatalogView.NATIVE).stream().map(e -> e.info().catalogEntryId()).toList();
    }

    /** The catalog entries of the journal after the first {@code count} entries. */
    private List<HistoryEntry> catalogSince(int count) {
        try {
            List<HistoryEntry> h = market.history();
            return h.subList(Math.min(count, h.size()), h.size()).stream().filter(e -> e.action().equals("catalog"))
                    .toList();
        } catch (WsaException e) {
            throw new AssertionError("the journal cannot be read", e);
        }
    }

    private HistoryEntry await(String what, int since, Predicate<HistoryEntry> match) {
        Ws2TestSupport.await(what + " journaled", WAIT, () -> catalogSince(since).stream().anyMatch(match));
        return catalogSince(since).stream().filter(match).findFirst().orElseThrow();
    }

    @Test
    public void reorderCreateAndDestroyOfTheCatalogAreJournaled() throws Exception {
        Ws2TestSupport.awaitTcpipAvailable(catalog);
        // the market hooks the bus when the bus and its window lookup are bound; give it the time to
        Ws2TestSupport.await("the marketplace's journal atom", WAIT,
                () -> bus.findAtom(Marketplace.JOURNAL_EVENT_ATOM) != 0);
        int before = market.history().size();
        List<Integer> order = ids();
        List<Integer> reversed = new ArrayList<>(order);
        Collections.reverse(reversed);
        UUID provider = UUID.randomUUID();
        int[] created = new int[1];
        try {
            catalog.writeProviderOrder(reversed.stream().mapToInt(Integer::intValue).toArray());
            HistoryEntry reorder = await("the reorder", before, e -> e.subject().startsWith("native catalog reordered"));
            assertEquals("native catalog reordered: " + String.join(", ", reversed.stream().map(String::valueOf).toList()),
                    reorder.subject());
            assertEquals(HistoryEntry.OK, reorder.outcome());
            assertEquals(List.of(), reorder.changes());

            catalog.installProvider(provider, "test:journaled", List.of(ProtocolInfo.builder()
                    .triple(AddressFamily.AF_INET, SocketType.SOCK_STREAM, IpProtocol.IPPROTO_TCP).sockAddrLengths(16, 16)
                    .protocolName("journaled entry").build()));
            created[0] = catalog.entries(CatalogView.NATIVE).stream()
                    .filter(e -> e.info().providerId().equals(provider)).findFirst().orElseThrow().info().catalogEntryId();
            HistoryEntry create = await("the install", before,
                    e -> e.subject().equals("native entry " + created[0] + " 'journaled entry' created"));
            assertEquals(HistoryEntry.OK, create.outcome());

            catalog.deinstallProvider(provider);
            HistoryEntry destroy = await("the deinstall", before,
                    e -> e.subject().startsWith("native entry " + created[0] + " ") && e.subject().endsWith(" destroyed"));
            assertEquals("the name seen at its creation", "native entry " + created[0] + " 'journaled entry' destroyed",
                    destroy.subject());
            for (HistoryEntry e : market.history().subList(before, market.history().size())) {
                assertEquals("only catalog entries were written: " + e, "catalog", e.action());
            }
        } finally {
            catalog.writeProviderOrder(order.stream().mapToInt(Integer::intValue).toArray());
        }
    }
}
