package ws2.provider.dns;

import java.util.List;
import java.util.UUID;

import org.xbill.DNS.Name;

import ws2.api.CsAddrInfo;
import ws2.api.LookupFlags;
import ws2.api.NameSpaces;
import ws2.api.QuerySet;

/**
 * One result of a DNS lookup, what one {@code NSPLookupServiceNext} returns: a host with all its
 * addresses, or one of the aliases (CNAME owners) met on the way to it.
 *
 * @param name the host's canonical name, or the alias
 * @param addresses its addresses; none for an alias
 * @param alias true for an alias, returned flagged {@code RESULT_IS_ALIAS}
 */
record Host(Name name, List<CsAddrInfo> addresses, boolean alias) {
    /** Copies the addresses. */
    Host {
        addresses = List.copyOf(addresses);
    }

    /**
     * Makes an alias result.
     *
     * @param name the alias
     * @return the result
     */
    static Host aliasOf(Name name) {
        return new Host(name, List.of(), true);
    }

    /**
     * Makes the {@code WSAQUERYSET} of this result with the fields the flags ask for.
     *
     * @param serviceClass the query's service class
     * @param providerId this provider's GUID
     * @param flags {@code LUP_RETURN_NAME}, {@code LUP_RETURN_TYPE}, {@code LUP_RETURN_ADDR}
     * @return the result; its name has no final dot
     */
    QuerySet toQuerySet(UUID serviceClass, UUID providerId, int flags) {
        return QuerySet.builder()
                .instanceName((flags & LookupFlags.LUP_RETURN_NAME) != 0 ? name.toString(true) : null)
                .serviceClassId((flags & LookupFlags.LUP_RETURN_TYPE) != 0 ? serviceClass : null)
                .addresses((flags & LookupFlags.LUP_RETURN_ADDR) != 0 ? addresses : List.of())
                .nameSpace(NameSpaces.NS_DNS)
                .nsProviderId(providerId)
                .outputFlags(alias ? LookupFlags.RESULT_IS_ALIAS : 0)
                .build();
    }
}
