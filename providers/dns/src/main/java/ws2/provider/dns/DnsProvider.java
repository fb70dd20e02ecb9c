package ws2.provider.dns;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.NioClient;

import ws2.api.NameSpaces;
import ws2.api.WsaException;
import ws2.catalog.annotations.NameSpaceProvider;
import ws2.catalog.annotations.ProviderId;
import ws2.spi.namespace.NamespaceProvider;
import ws2.spi.namespace.NspDispatch;

/**
 * The ws2 DNS namespace provider, {@code NSPStartup} of an NSP v1 provider for {@code NS_DNS}: a
 * DNS client that answers host lookups (A, AAAA), service lookups (SRV) and reverse lookups (PTR)
 * by asking the DNS servers of its configuration.
 *
 * <p>A DS component with the optional configuration {@value #PID} ({@link Config}). It never asks
 * the system's resolvers: without configured servers every lookup fails with
 * {@code WSANO_RECOVERY}, so nothing leaves the machine unless an administrator names a server. A
 * changed configuration is applied in place ({@link #modified}); lookups already begun finish on
 * the configuration they began with. A malformed configuration is refused whole, logged with its
 * {@code WSAEINVAL} message, and the one in force stays.
 *
 * <p>Each {@link #startup} returns a new {@link DnsDispatch} for the client context; it keeps
 * serving after the component is deactivated, until its lookups end.
 */
@Component(service = NamespaceProvider.class, configurationPid = DnsProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DnsProvider.Config.class)
@ProviderId(DnsProvider.ID)
@NameSpaceProvider(providerId = DnsProvider.ID, identifier = "ws2 DNS", nameSpace = NameSpaces.NS_DNS, version = 1)
public final class DnsProvider implements NamespaceProvider {
    /** The provider GUID: the namespace entry's {@code NSProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "d2b7f1a9-3c5e-4d86-9f04-7e1a2c6b8d35";
    /** The configuration PID. */
    public static final String PID = "ws2.dns";

    private static final Logger LOG = LoggerFactory.getLogger(DnsProvider.class);

    /**
     * The configuration of the DNS client (PID {@value #PID}), what Windows keeps per interface as
     * its DNS server list.
     */
    @ObjectClassDefinition(name = "ws2 DNS", description = "The DNS servers the ws2 DNS namespace provider asks")
    public @interface Config {
        /**
         * The servers, asked in turn.
         *
         * @return IP literals with an optional port; a value may hold several, separated by commas or blanks
         */
        @AttributeDefinition(name = "Servers", required = false, description = "DNS servers as 192.0.2.53,"
                + " 192.0.2.53:5353 or [2001:db8::53]:53 (port 53 when omitted); none: every lookup fails")
        String[] servers() default {};

        /**
         * How long one query waits for one server's answer.
         *
         * @return milliseconds, at least 1
         */
        @AttributeDefinition(name = "Timeout", description = "Milliseconds one attempt waits for an answer", min = "1")
        int timeoutMillis() default 2000;

        /**
         * How many times a query is sent again to a server that did not answer.
         *
         * @return 0 or more
         */
        @AttributeDefinition(name = "Retries", description = "Further attempts per server after a timeout", min = "0")
        int retries() default 1;

        /**
         * The domains appended to a relative name with no dot.
         *
         * @return domain names
         */
        @AttributeDefinition(name = "Search domains", required = false,
                description = "Domains tried after a relative name, as in resolv.conf's search")
        String[] searchDomains() default {};
    }

    private volatile DnsClient client = DnsClient.UNCONFIGURED;

    /**
     * Creates the provider and reads its first configuration.
     *
     * @param config the configuration
     */
    @Activate
    public DnsProvider(Config config) {
        modified(config);
    }

    /**
     * Puts a new configuration in force, or logs why it was refused and keeps the one in force.
     *
     * @param config the configuration
     */
    @Modified
    void modified(Config config) {
        try {
            DnsClient next = DnsClient.configure(ServerAddress.parseAll(List.of(config.servers())),
                    Duration.ofMillis(config.timeoutMillis()), config.retries(), List.of(config.searchDomains()));
            client = next;
            LOG.info("ws2 DNS: {}", next);
        } catch (WsaException e) {
            LOG.error("ws2 DNS: configuration {} refused, {} stays in force: {}", PID, client, e.getMessage());
        }
    }

    /**
     * Stops dnsjava's network thread (and its shutdown hook), which would otherwise keep this
     * bundle's class loader alive; a lookup begun earlier that is still running starts it again.
     */
    @Deactivate
    void deactivate() {
        NioClient.close();
    }

    /**
     * {@code NSPStartup}: returns a new dispatch for the client context.
     *
     * @param providerId the GUID it is started as, {@link #ID}
     * @return the dispatch
     */
    @Override
    public NspDispatch startup(UUID providerId) {
        return new DnsDispatch(providerId, () -> client);
    }
}
