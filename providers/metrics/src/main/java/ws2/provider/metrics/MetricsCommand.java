package ws2.provider.metrics;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import ws2.metrics.SocketMetrics;

/**
 * The {@code metrics:show} Gogo command: the counters of the ws2 Metrics LSP per socket, per lower
 * provider and per chain, as text the shell prints. A plain DS component found by its
 * {@code osgi.command.*} properties; it needs no Gogo API.
 */
@Component(service = Object.class, property = {"osgi.command.scope=metrics", "osgi.command.function=show"})
public final class MetricsCommand {
    private final SocketMetrics metrics;

    /**
     * Creates the command.
     *
     * @param metrics the layer's counters
     */
    @Activate
    public MetricsCommand(@Reference SocketMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * {@code metrics:show}: the open sockets, then the totals per provider and per chain.
     *
     * @return the three tables
     */
    public String show() {
        return CountersTable.format("Sockets", "Handle", metrics.sockets()) + '\n'
                + CountersTable.format("Providers", "Provider", metrics.providers()) + '\n'
                + CountersTable.format("Chains", "Entry", metrics.chains());
    }
}
