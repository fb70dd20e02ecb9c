/**
 * The layered service provider SPI: how a layer (an LSP) reaches the next provider of its chain,
 * and a base class that forwards every {@code WSP*} call to it, so a layer overrides only what it
 * intercepts. 1.1: {@link ws2.spi.layer.ForwardingDispatch} hands a completion port the lower
 * provider's {@link ws2.spi.transport.CompletionDriver}.
 */
@Export
@Version("1.1.0")
package ws2.spi.layer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
