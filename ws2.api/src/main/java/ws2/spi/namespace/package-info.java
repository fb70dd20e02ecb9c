/**
 * The namespace service provider SPI: NSP v1 ({@link ws2.spi.namespace.NamespaceProvider}, one
 * {@code NSPStartup} per client context, and {@link ws2.spi.namespace.NspDispatch}, the
 * {@code NSP_ROUTINE}) and NSPv2 ({@link ws2.spi.namespace.NamespaceProviderV2}, the
 * {@code NSPV2_ROUTINE}, with per-client sessions and calls completed through
 * {@link ws2.spi.namespace.AsyncCall}).
 */
@Export
@Version("1.0.0")
package ws2.spi.namespace;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
