package ws2.provider.firewall;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.annotations.LayeredProtocol;
import ws2.catalog.annotations.ProviderId;
import ws2.spi.layer.LayeredTransportProvider;
import ws2.spi.layer.NextLayer;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * The ws2 Firewall: a layered service provider in the {@code LSP_FIREWALL} category that allows or
 * denies sockets by remote address, remote port and client, over every base entry, nearest the
 * application (rank 1000). It is fail-closed: while it is absent, new sockets on its chains fail
 * rather than bypass it.
 *
 * <p>A DS component with the optional configuration {@value #PID} ({@link Config}). A changed
 * configuration is applied in place ({@link #modified}) so the provider service stays registered
 * and sockets keep being checked; a malformed one is refused whole, logged with its
 * {@code WSAEINVAL} message, and the rules in force stay. Until the first configuration is read the
 * layer denies everything; without a configuration it allows everything.
 *
 * <p>Each {@link #startup WSPStartup} returns a {@link FirewallDispatch} for the client context;
 * all of them consult this component's {@link Firewall}, also after the component is deactivated,
 * until their {@code WSPCleanup}. It is also registered under its own class for
 * {@link FirewallCommands}.
 */
@Component(service = {TransportProvider.class, FirewallProvider.class}, configurationPid = FirewallProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = FirewallProvider.Config.class)
@ProviderId(FirewallProvider.ID)
@LayeredProtocol(providerId = FirewallProvider.ID, name = "ws2 Firewall", categories = LspCategories.LSP_FIREWALL,
        rank = 1000, failure = "closed")
public final class FirewallProvider implements LayeredTransportProvider {
    /** The provider GUID: the layered entry's {@code ProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "c6f3a1d2-8b47-4e0a-9a35-1f2e7d4b9c60";
    /** The configuration PID. */
    public static final String PID = "ws2.firewall";
    /** {@code szDescription} of the {@code WSPDATA}. */
    static final String DESCRIPTION = "ws2 firewall layer";

    private static final Logger LOG = LoggerFactory.getLogger(FirewallProvider.class);

    /**
     * The configuration of the firewall (PID {@value #PID}): its rule store, which a Windows
     * firewall LSP would keep in the registry.
     */
    @ObjectClassDefinition(name = "ws2 Firewall", description = "Allow and deny rules of the ws2 Firewall layer;"
            + " a deny rule that matches always wins")
    public @interface Config {
        /**
         * The rules.
         *
         * @return rule lines; a value may hold several, one a line
         */
        @AttributeDefinition(name = "Rules", required = false, description = "One rule a line: <allow|deny>"
                + " [address=<ip or CIDR>] [port=<n or n-m>] [client=<bundle symbolic name or glob with *>]")
        String[] rules() default {};

        /**
         * The decision when no rule matches; the property is named {@code default}.
         *
         * @return {@code allow} or {@code deny}
         */
        @AttributeDefinition(name = "Default", description = "What happens to a socket no rule matches",
                options = {@Option(label = "allow", value = "allow"), @Option(label = "deny", value = "deny")})
        String default$() default "allow";
    }

    private final Firewall firewall = new Firewall();

    /**
     * Creates the layer and reads its first configuration.
     *
     * @param config the configuration
     */
    @Activate
    public FirewallProvider(Config config) {
        modified(config);
    }

    /**
     * Puts a new configuration in force, or logs why it was refused and keeps the rules in force.
     *
     * @param config the configuration
     */
    @Modified
    void modified(Config config) {
        try {
            LOG.info("ws2 Firewall: {} in force", firewall.configure(List.of(config.rules()), config.default$()));
        } catch (WsaException e) {
            LOG.error("ws2 Firewall: configuration {} refused, {} stay in force: {}", PID, firewall.rules(),
                    e.getMessage());
        }
    }

    /**
     * {@code WSPStartup} of the layer: accepts SPI version 2.2 and later and returns a new dispatch
     * for the client context, which filters on {@link NextLayer#clientName()}.
     *
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo chainEntry, Upcall upcall, NextLayer next)
            throws WsaException {
        return new FirewallDispatch(TransportProvider.negotiate(versionRequested, DESCRIPTION), upcall, next, firewall);
    }

    /**
     * Returns the policy, for the shell.
     *
     * @return the firewall
     */
    Firewall firewall() {
        return firewall;
    }
}
