/**
 * The Winsock catalog: {@link ws2.catalog.ProtocolInfo} ({@code WSAPROTOCOL_INFOW}) and
 * {@link ws2.catalog.ProtocolChain}, the flag and category constants, and
 * {@link ws2.catalog.ProviderCatalog} with every transport {@code WSC*} function.
 *
 * <p>{@code ProviderCatalog} is implemented by ws2.core and called by installers and administration
 * tools; the records are used by everyone.
 */
@Export
@Version("1.2.0")
package ws2.catalog;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
