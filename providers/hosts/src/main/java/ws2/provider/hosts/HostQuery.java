package ws2.provider.hosts;

import java.net.InetAddress;
import java.util.List;

import ws2.api.QuerySet;

/**
 * What one {@code NSPLookupServiceBegin} asks of the hosts file: a name (forward) or an address
 * (reverse), restricted to some families. Kept by its lookup to tell whether a reread changed its
 * results.
 *
 * @param name the name of a forward query, null for a reverse one
 * @param address the address of a reverse query, null for a forward one
 * @param families a {@link Families} bit set
 */
record HostQuery(String name, InetAddress address, int families) {
    /**
     * Finds the host asked for.
     *
     * @param table a table
     * @return its answer, or null if the table does not list it
     */
    HostAnswer answer(HostsTable table) {
        return name != null ? table.byName(name) : table.byAddress(address);
    }

    /**
     * Returns the results this query has in a table.
     *
     * @param table a table
     * @return the results; empty when the table does not list the host or has no address of the families
     */
    List<QuerySet> results(HostsTable table) {
        HostAnswer answer = answer(table);
        return answer == null ? List.of() : answer.results(families);
    }
}
