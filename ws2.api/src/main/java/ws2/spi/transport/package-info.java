/**
 * The transport service provider interface ({@code WSP*}): {@link ws2.spi.transport.TransportProvider}
 * ({@code WSPStartup}) and the {@link ws2.spi.transport.WspDispatch} table it returns.
 *
 * <p>Implemented by provider bundles (base transports and layered providers); called by ws2.core
 * and by layers calling the next layer of a chain. A method added here breaks every provider, so
 * the package is {@code @ConsumerType}. 1.2 adds the optional {@link ws2.spi.transport.DrivableDispatch}
 * and {@link ws2.spi.transport.CompletionDriver}: completion-port threads driving a provider's loop.
 */
@Export
@Version("1.2.0")
package ws2.spi.transport;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
