package ws2.api;

import java.util.Objects;

/**
 * {@code CSADDR_INFO}: one complete transport address of a service.
 *
 * @param localAddr the address to bind to, or null
 * @param remoteAddr the address to connect or send to
 * @param socketType the socket type
 * @param protocol the protocol
 */
public record CsAddrInfo(SockAddr localAddr, SockAddr remoteAddr, int socketType, int protocol) {
    /** Checks the remote address. */
    public CsAddrInfo {
        Objects.requireNonNull(remoteAddr, "remoteAddr");
    }
}
