package ws2.api;

import java.util.Objects;

/**
 * {@code ADDRINFOW}: one address {@code getaddrinfo} resolved, with the socket to make for it.
 *
 * @param family the address family
 * @param socketType the socket type
 * @param protocol the protocol
 * @param canonicalName the host's canonical name, or null
 * @param address the socket address (host and port)
 */
public record AddrInfo(int family, int socketType, int protocol, String canonicalName, SockAddr address) {
    /** Checks the address. */
    public AddrInfo {
        Objects.requireNonNull(address, "address");
    }
}
