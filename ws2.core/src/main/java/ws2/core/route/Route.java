package ws2.core.route;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.core.catalog.StoredEntry;
import ws2.core.provider.ProviderService;

/**
 * One catalog entry as socket creation sees it: the entry and, top first, the members of its chain
 * joined with their live providers (a base entry has one member, itself).
 *
 * @param entry the catalog entry
 * @param members the chain's members, top first; the last is the base entry
 * @param problem why the entry cannot be used at all (a member missing from the catalog, the base
 *        provider absent), or an empty string
 */
public record Route(StoredEntry entry, List<Member> members, String problem) {
    /**
     * One member of a chain.
     *
     * @param entry its catalog entry (layered or base)
     * @param service its provider's current service, or null while absent
     * @param categories its LSP categories (layers)
     * @param failClosed whether sockets fail (true) or bypass it (false) while it is absent
     */
    public record Member(StoredEntry entry, ProviderService service, int categories, boolean failClosed) {
        /**
         * Tells whether it is a layer.
         *
         * @return true for a layered entry
         */
        public boolean layered() {
            return entry.info().protocolChain().isLayered();
        }

        String absence() {
            return "'" + entry.info().protocolName() + "' (entry " + entry.id() + ") is absent: "
                    + noService(entry.info().providerId(), entry.path());
        }
    }

    static String noService(UUID id, String path) {
        return "provider " + id + " has no registered service (is its bundle " + path + " stopped?)";
    }

    /** Checks the parts and copies the members. */
    public Route {
        Objects.requireNonNull(entry, "entry");
        members = List.copyOf(members);
        Objects.requireNonNull(problem, "problem");
    }

    /**
     * Tells whether sockets can be made on this entry by some client: its members are installed,
     * its base provider is present.
     *
     * @return true if usable
     */
    public boolean usable() {
        return problem.isEmpty();
    }

    /**
     * Tells whether an uncategorized client can make sockets on this entry now: usable, and no
     * fail-closed layer is absent.
     *
     * @return true if available
     */
    public boolean available() {
        return usable() && failedClosed(null) == null;
    }

    /**
     * Says why the entry is unavailable, or which absent fail-open layers sockets bypass.
     *
     * @return the reason, or an empty string when every member is present
     */
    public String reason() {
        if (!usable()) {
            return problem;
        }
        Member closed = failedClosed(null);
        if (closed != null) {
            return "fail-closed layer " + closed.absence() + "; new sockets on this entry fail until it returns";
        }
        StringBuilder sb = new StringBuilder();
        for (Member m : members) {
            if (m.layered() && m.service() == null) {
                sb.append(sb.length() == 0 ? "bypassing fail-open layer " : "; bypassing fail-open layer ").append(m.absence());
            }
        }
        return sb.toString();
    }

    /**
     * Returns the entry's protocol info.
     *
     * @return the info
     */
    public ProtocolInfo info() {
        return entry.info();
    }

    private Member failedClosed(Integer appCategories) {
        for (Member m : members) {
            if (m.layered() && m.service() == null && m.failClosed() && LspCategories.loads(appCategories, m.categories())) {
                return m;
            }
        }
        return null;
    }

    /**
     * The members a socket of a client runs through, top first: the layers that the client's
     * application categories load (the Windows load rule) and that are present, then the base.
     * An absent fail-open layer is bypassed; an absent fail-closed layer fails the socket.
     *
     * @param appCategories the client's permitted LSP categories, or null when not categorized
     * @return the path, never empty
     * @throws WsaException {@code WSAEPROVIDERFAILEDINIT} if the entry is not usable or a
     *         fail-closed layer it loads is absent
     */
    public List<Member> path(Integer appCategories) throws WsaException {
        if (!usable()) {
            throw new WsaException(WsaError.WSAEPROVIDERFAILEDINIT, "catalog entry " + info().catalogEntryId() + " '"
                    + info().protocolName() + "' cannot be used: " + problem);
        }
        Member closed = failedClosed(appCategories);
        if (closed != null) {
            throw new WsaException(WsaError.WSAEPROVIDERFAILEDINIT, "catalog entry " + info().catalogEntryId() + " '"
                    + info().protocolName() + "' refuses new sockets: its fail-closed layer " + closed.absence());
        }
        List<Member> out = new ArrayList<>(members.size());
        for (Member m : members) {
            if (!m.layered() || m.service() != null && LspCategories.loads(appCategories, m.categories())) {
                out.add(m);
            }
        }
        return out;
    }
}
