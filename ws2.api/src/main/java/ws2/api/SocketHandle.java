package ws2.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A socket descriptor: the Java form of Winsock's {@code SOCKET}.
 *
 * <p>Only ws2.core creates handles: an IFS provider receives one from {@code WPUModifyIFSHandle}
 * and a non-IFS provider from {@code WPUCreateSocketHandle} (see {@code ws2.spi.upcall.Upcall}).
 * The handle a client gets from {@link Winsock#socket(int, int, int)} is the one the top provider of
 * the chosen catalog entry created; the client passes it back to every call and a provider receives
 * it in every {@code WSP*} call, so neither side needs a lookup table.
 *
 * <p>A handle belongs to one client context; used from another context, or after it was closed, it
 * is refused with {@link WsaError#WSAENOTSOCK}. Its numeric {@link #value()} carries a generation,
 * so a stale number is never mistaken for a newer socket.
 */
@ProviderType
public interface SocketHandle {
    /**
     * Returns the numeric descriptor, unique while the handle is open.
     *
     * @return the {@code SOCKET} value
     */
    long value();

    /**
     * Returns the catalog entry ID given when the handle was created: the entry of the provider
     * layer that owns it.
     *
     * @return the {@code dwCatalogEntryId}
     */
    int catalogEntryId();

    /**
     * Returns the installable-file-system handle behind this socket: the object an IFS provider gave
     * to {@code WPUModifyIFSHandle}. As on Windows, whoever holds an IFS handle can reach the real
     * channel directly.
     *
     * @return the IFS handle, or {@code null} for a handle of a non-IFS provider
     */
    IfsHandle ifsHandle();
}
