package ws2.market.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.resource.Capability;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProviderNamespaces;
import ws2.market.Offer;
import ws2.market.index.IndexResource;
import ws2.market.index.RepositoryIndex;

/**
 * Finds offers in indexes by text or by an LDAP filter over {@code ws2.*} capability attributes.
 */
public final class OfferSearch {
    /** The derived attribute naming a layer's LSP categories, for filters. */
    public static final String CATEGORY_NAMES = "categoryNames";

    /** Symbolic name ascending, then newest version first; sources keep their order. */
    private static final Comparator<IndexResource> ORDER = Comparator.comparing(IndexResource::symbolicName)
            .thenComparing(IndexResource::version, Comparator.reverseOrder());

    private OfferSearch() {
    }

    /**
     * Searches.
     *
     * @param indexes the indexes, in source order
     * @param textOrFilter text to find, ignoring case, in symbolic names, descriptions and capability
     *        summaries (empty: everything), or an LDAP filter if it starts with {@code (}
     * @return the matching offers, by symbolic name, newest version first
     * @throws WsaException {@code WSAEINVAL} for a filter that does not parse
     */
    public static List<Offer> search(List<RepositoryIndex> indexes, String textOrFilter) throws WsaException {
        Predicate<IndexResource> matches = matcher(textOrFilter.strip());
        List<IndexResource> found = new ArrayList<>();
        indexes.forEach(i -> i.resources().stream().filter(matches).forEach(found::add));
        found.sort(ORDER);
        return found.stream().map(OfferSearch::offer).toList();
    }

    /**
     * Describes an index resource as an offer.
     *
     * @param r the resource
     * @return the offer
     */
    public static Offer offer(IndexResource r) {
        return new Offer(r.symbolicName(), r.version().toString(), r.source(), r.url(), r.sha256(), r.size(),
                CapabilitySummary.of(r));
    }

    private static Predicate<IndexResource> matcher(String query) throws WsaException {
        if (query.startsWith("(")) {
            Filter filter = filter(query);
            return r -> CapabilitySummary.ws2Capabilities(r).stream().anyMatch(c -> filter.matches(withCategoryNames(c)));
        }
        String text = query.toLowerCase(Locale.ROOT);
        return r -> contains(r.symbolicName(), text) || contains(r.description(), text)
                || CapabilitySummary.of(r).stream().anyMatch(s -> contains(s, text));
    }

    /**
     * A capability's attributes plus {@code categoryNames}: the names of the set {@code LSP_*} bits of
     * its {@code categories}, so a filter can test one category, e.g.
     * {@code (categoryNames=LSP_CRYPTO_COMPRESS)}, which a numeric comparison cannot.
     */
    private static Map<String, Object> withCategoryNames(Capability c) {
        Object categories = c.getAttributes().get(ProviderNamespaces.ATTR_CATEGORIES);
        if (!(categories instanceof Long)) {
            return c.getAttributes();
        }
        Map<String, Object> out = new HashMap<>(c.getAttributes());
        out.put(CATEGORY_NAMES, LspCategories.names(((Long) categories).intValue()));
        return out;
    }

    private static Filter filter(String text) throws WsaException {
        try {
            return FrameworkUtil.createFilter(text);
        } catch (InvalidSyntaxException e) {
            throw new WsaException(WsaError.WSAEINVAL, "the search filter " + text + " does not parse: " + e.getMessage(), e);
        }
    }

    private static boolean contains(String s, String lowerCaseText) {
        return s.toLowerCase(Locale.ROOT).contains(lowerCaseText);
    }
}
