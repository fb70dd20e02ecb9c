/**
 * The counters of the ws2 Metrics layered service provider: calls, bytes, errors and latency of
 * the {@code WSP*} calls it sees, per socket, per lower provider and per protocol chain, read
 * through the {@link ws2.metrics.SocketMetrics} service.
 *
 * <p>Implemented by the ws2.provider.metrics bundle alone; called by shells, monitoring and tests.
 */
@Export
@Version("1.0.0")
package ws2.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
