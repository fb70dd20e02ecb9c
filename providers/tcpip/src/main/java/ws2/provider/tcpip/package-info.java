/**
 * The tcpip base transport provider: TCP and UDP over IPv4 and IPv6 on java.nio, as IFS sockets.
 *
 * <p>{@link ws2.provider.tcpip.TcpipProvider} is the DS component and carries the catalog entries;
 * {@link ws2.provider.tcpip.TcpipDispatch} is the {@code WSPPROC_TABLE} of one client context;
 * {@link ws2.provider.tcpip.TcpSocket} and {@link ws2.provider.tcpip.UdpSocket} hold each socket's
 * state and are the {@link ws2.api.IfsHandle}s ws2.core hands back on every call.
 *
 * <p>Private to the bundle: nothing here is exported.
 */
package ws2.provider.tcpip;
