package ws2.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.ProtocolChain;
import ws2.catalog.ProtocolInfo;

/**
 * Decides which declared layers go over a base entry and in what order: the layers whose
 * {@code over} filter matches the base entry, highest rank first (nearest the application), ties by
 * GUID. A function of the set of layers only, never of the order they arrived in.
 */
final class ChainPlanner {
    /** Top of the chain first: higher rank, then smaller GUID. */
    static final Comparator<LayerSpec> TOP_FIRST = Comparator.comparingInt(LayerSpec::rank).reversed()
            .thenComparing(LayerSpec::id);

    private ChainPlanner() {
    }

    /**
     * Parses a layer's {@code over} filter.
     *
     * @param over the filter text, empty for every base entry
     * @return the filter, or null for every base entry
     * @throws InvalidSyntaxException if it does not parse
     */
    static Filter filter(String over) throws InvalidSyntaxException {
        return over == null || over.isBlank() ? null : FrameworkUtil.createFilter(over);
    }

    /**
     * The attributes a layer's filter sees of a base entry.
     *
     * @param info the base entry
     * @return family, type, protocol, protocolName, providerId, serviceFlags, providerFlags
     */
    static Map<String, Object> attributes(ProtocolInfo info) {
        Map<String, Object> m = new HashMap<>();
        m.put("family", (long) info.addressFamily());
        m.put("type", (long) info.socketType());
        m.put("protocol", (long) info.protocol());
        m.put("protocolName", info.protocolName());
        m.put("providerId", info.providerId().toString());
        m.put("serviceFlags", Integer.toUnsignedLong(info.serviceFlags1()));
        m.put("providerFlags", Integer.toUnsignedLong(info.providerFlags()));
        return m;
    }

    /**
     * The layers over one base entry, top first.
     *
     * @param base a base entry
     * @param layers the layers of its view
     * @return the stack, empty if no layer goes over it
     */
    static List<LayerSpec> stackOver(ProtocolInfo base, Collection<LayerSpec> layers) {
        Map<String, Object> attributes = attributes(base);
        List<LayerSpec> out = new ArrayList<>();
        for (LayerSpec l : layers) {
            Filter f;
            try {
                f = filter(l.over());
            } catch (InvalidSyntaxException e) {
                continue; // refused when declared; a hand-edited catalog file cannot add a layer
            }
            if (f == null || f.matches(attributes)) {
                out.add(l);
            }
        }
        out.sort(TOP_FIRST);
        return out;
    }

    /**
     * Checks the stacks the layers make over every base entry: at most
     * {@value ProtocolChain#MAX_PROTOCOL_CHAIN} entries per chain, and every declared
     * {@code above}/{@code below} constraint kept.
     *
     * @param bases the base entries
     * @param layers the layers
     * @param blame the layer whose arrival is being checked, named in the message, or null
     * @throws WsaException {@code WSANO_RECOVERY} for a chain too long, {@code WSAEINVALIDPROVIDER}
     *         for a cycle or a broken constraint
     */
    static void check(List<ProtocolInfo> bases, Collection<LayerSpec> layers, UUID blame) throws WsaException {
        for (ProtocolInfo base : bases) {
            List<LayerSpec> stack = stackOver(base, layers);
            if (stack.size() + 1 > ProtocolChain.MAX_PROTOCOL_CHAIN) {
                throw new WsaException(WsaError.WSANO_RECOVERY, who(blame, layers) + "would make a chain of "
                        + (stack.size() + 1) + " entries over entry " + base.catalogEntryId() + " ('" + base.protocolName()
                        + "'): " + names(stack) + "; at most " + ProtocolChain.MAX_PROTOCOL_CHAIN + " are allowed");
            }
            for (int i = 0; i < stack.size(); i++) {
                for (int j = i + 1; j < stack.size(); j++) {
                    LayerSpec upper = stack.get(i);
                    LayerSpec lower = stack.get(j);
                    if (lower.above().contains(upper.id()) || upper.below().contains(lower.id())) {
                        boolean cycle = upper.above().contains(lower.id()) || lower.below().contains(upper.id());
                        throw new WsaException(WsaError.WSAEINVALIDPROVIDER, who(blame, layers) + (cycle
                                ? "forms a cycle: '" + upper.name() + "' and '" + lower.name()
                                        + "' each declare they sit above the other"
                                : "breaks a declared constraint: '" + lower.name() + "' (rank " + lower.rank()
                                        + ") must sit above '" + upper.name() + "' (rank " + upper.rank()
                                        + "), but the ranks put it below")
                                + " over entry " + base.catalogEntryId() + " ('" + base.protocolName() + "')");
                    }
                }
            }
        }
    }

    private static String who(UUID blame, Collection<LayerSpec> layers) {
        if (blame == null) {
            return "the layers ";
        }
        for (LayerSpec l : layers) {
            if (l.id().equals(blame)) {
                return "layer '" + l.name() + "' (" + l.id() + ") ";
            }
        }
        return "layer " + blame + " ";
    }

    private static String names(List<LayerSpec> stack) {
        StringBuilder sb = new StringBuilder();
        for (LayerSpec l : stack) {
            sb.append(sb.length() == 0 ? "" : ", ").append(l.name()).append(" (rank ").append(l.rank()).append(')');
        }
        return sb.toString();
    }

    /**
     * The name of a chain: {@code "A over [B over [base]]"}, cut to 255 characters.
     *
     * @param stack the layers, top first
     * @param base the base entry's name
     * @return the name
     */
    static String chainName(List<LayerSpec> stack, String base) {
        String name = base;
        for (int i = stack.size() - 1; i >= 0; i--) {
            name = stack.get(i).name() + " over [" + name + "]";
        }
        return name.length() > ProtocolInfo.WSAPROTOCOL_LEN ? name.substring(0, ProtocolInfo.WSAPROTOCOL_LEN) : name;
    }
}
