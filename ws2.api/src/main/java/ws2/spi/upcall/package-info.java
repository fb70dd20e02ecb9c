/**
 * The upcalls providers make into ws2.core ({@code WPU*}): handle allocation for IFS and non-IFS
 * sockets, event objects, threads and APCs, message posting, blocking hooks, provider paths.
 *
 * <p>Implemented by ws2.core alone, one {@link ws2.spi.upcall.Upcall} per provider bundle; called
 * by providers.
 */
@Export
@Version("1.1.0")
package ws2.spi.upcall;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
