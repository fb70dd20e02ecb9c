/**
 * The Windows Sockets 2 client API for the JVM: the per-context {@link ws2.api.Winsock} service
 * (what {@code ws2_32.dll} exports to applications), socket and event handles, addresses, overlapped
 * structures, and the {@link ws2.api.WsaException} every failure is reported with.
 *
 * <p>Implemented by ws2.core alone; called by applications, and by providers for the shared value
 * types. Constants keep their Windows names and numbers ({@code AF_INET}, {@code WSAENOTSOCK}).
 */
@Export
@Version("1.3.0")
package ws2.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
