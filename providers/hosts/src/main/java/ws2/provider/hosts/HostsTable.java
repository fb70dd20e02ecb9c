package ws2.provider.hosts;

import java.net.InetAddress;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The immutable index of one reading of a hosts file, what {@code NSPLookupServiceBegin} searches:
 * each name ({@linkplain HostName#key case insensitive}) and each address to its {@link HostAnswer}. Built beside the table in force and
 * published with one write ({@link HostsSource}); lookups only read it.
 *
 * <h2>Names on several lines</h2>
 * A name listed on several lines collects the addresses of all of them, in file order, without
 * duplicates ({@code 127.0.0.1 localhost} and {@code ::1 localhost} give both). Its canonical name
 * is the first name of the first line listing it, its aliases the other names of those lines. An
 * address on several lines answers with the first name of its first line; the other names of those
 * lines are its aliases.
 */
final class HostsTable {
    /** The table of a missing or empty file. */
    static final HostsTable EMPTY = new HostsTable(Map.of(), Map.of());

    private final Map<String, HostAnswer> byName;
    private final Map<InetAddress, HostAnswer> byAddress;

    private HostsTable(Map<String, HostAnswer> byName, Map<InetAddress, HostAnswer> byAddress) {
        this.byName = byName;
        this.byAddress = byAddress;
    }

    /**
     * Indexes the lines of a hosts file.
     *
     * @param file the parsed file
     * @param providerId the GUID the results name as {@code lpNSProviderId}
     * @return the table
     */
    static HostsTable of(HostsFile file, UUID providerId) {
        Map<String, Host> names = new LinkedHashMap<>();
        Map<InetAddress, Host> addresses = new LinkedHashMap<>();
        for (HostsFile.Line line : file.lines()) {
            for (String name : line.names()) {
                names.computeIfAbsent(HostName.key(name), k -> new Host()).add(line);
            }
            addresses.computeIfAbsent(line.address(), k -> new Host()).add(line);
        }
        return new HostsTable(answers(names, providerId), answers(addresses, providerId));
    }

    private static <K> Map<K, HostAnswer> answers(Map<K, Host> hosts, UUID providerId) {
        Map<K, HostAnswer> answers = new HashMap<>();
        hosts.forEach((key, host) -> answers.put(key, host.answer(providerId)));
        return Map.copyOf(answers);
    }

    /**
     * Finds a host by name ({@code SVCID_INET_HOSTADDRBYNAME}, {@code SVCID_HOSTNAME}).
     *
     * @param name the name, in any case, with or without a trailing dot
     * @return its answer, or null if the file does not list it
     */
    HostAnswer byName(String name) {
        return byName.get(HostName.key(name));
    }

    /**
     * Finds a host by address ({@code SVCID_INET_HOSTADDRBYINETSTRING}).
     *
     * @param address the address
     * @return its answer, or null if the file does not list it
     */
    HostAnswer byAddress(InetAddress address) {
        return byAddress.get(address);
    }

    /**
     * Returns the number of distinct names.
     *
     * @return how many names the file lists
     */
    int names() {
        return byName.size();
    }

    /** What the lines naming one name, or listing one address, say together. */
    private static final class Host {
        private final Map<String, String> names = new LinkedHashMap<>();
        private final Set<InetAddress> addresses = new LinkedHashSet<>();

        void add(HostsFile.Line line) {
            line.names().forEach(name -> names.putIfAbsent(HostName.key(name), name));
            addresses.add(line.address());
        }

        HostAnswer answer(UUID providerId) {
            List<String> all = List.copyOf(names.values());
            return HostAnswer.of(all.get(0), all.subList(1, all.size()), addresses, providerId);
        }
    }
}
