/**
 * The provider marketplace: OSGi Repository indexes (R5 {@code index.xml}) registered as sources,
 * searched by text or by an LDAP filter over the providers' {@code ws2.*} capabilities, and a dry
 * run ({@link ws2.market.Plan}) of what installing a provider would change; since 1.1, installs,
 * updates and uninstalls, all or nothing, with content hashes, pinned publisher keys, an audit
 * journal ({@link ws2.market.HistoryEntry}) and rollback.
 *
 * <p>{@link ws2.market.Marketplace} is implemented by the ws2.market bundle and called by
 * administration tools and the {@code market:*} shell commands; the records are used by both.
 */
@Export
@Version("1.1.0")
package ws2.market;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
