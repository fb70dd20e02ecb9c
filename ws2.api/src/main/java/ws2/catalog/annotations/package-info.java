/**
 * Build-time annotations with which a provider bundle declares its catalog entries; bnd turns them
 * into {@code Provide-Capability} and {@code Require-Capability} headers, so no provider writes
 * manifest text. Class retention: nothing here is needed at run time.
 */
@Export
@Version("1.2.0")
package ws2.catalog.annotations;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
