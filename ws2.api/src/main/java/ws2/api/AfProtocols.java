package ws2.api;

/**
 * {@code AFPROTOCOLS}: a family and protocol a query restricts its addresses to.
 *
 * @param family the address family, {@code AF_UNSPEC} for any
 * @param protocol the protocol
 */
public record AfProtocols(int family, int protocol) {
}
