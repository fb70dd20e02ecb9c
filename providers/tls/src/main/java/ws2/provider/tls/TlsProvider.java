package ws2.provider.tls;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
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
 * ws2 TLS: a layered service provider in the {@code LSP_CRYPTO_COMPRESS} category that makes stream
 * sockets TLS with JSSE, as a Schannel-based LSP would. It sits nearest the base transport
 * ({@code rank 100}) so that inspector layers above it see plaintext, and it is fail-closed: while
 * it is absent, new stream sockets on its chains fail with {@code WSAEPROVIDERFAILEDINIT} rather
 * than go out in clear.
 *
 * <p>A DS component with the optional configuration {@value #PID} ({@link Config}). Each
 * configuration is turned into one {@link TlsSettings} (one {@code SSLContext}) and published with
 * one write; new handshakes use the settings in force, open connections keep theirs. A malformed
 * configuration is refused whole and logged with its message; the settings in force stay, and if
 * none were, every handshake is refused with {@code WSAEACCES}.
 *
 * <p>Each {@link #startup WSPStartup} returns a {@link TlsDispatch} for the client context.
 */
@Component(service = TransportProvider.class, configurationPid = TlsProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = TlsProvider.Config.class)
@ProviderId(TlsProvider.ID)
@LayeredProtocol(providerId = TlsProvider.ID, name = "ws2 TLS", categories = LspCategories.LSP_CRYPTO_COMPRESS,
        over = "(type=1)", rank = 100, failure = "closed")
public final class TlsProvider implements LayeredTransportProvider {
    /** The provider GUID: the layered entry's {@code ProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "9b8e2f4a-6c1d-4e7b-a3f0-5d2c8e1b7a44";
    /** The configuration PID. */
    public static final String PID = "ws2.tls";
    /** {@code szDescription} of the {@code WSPDATA}. */
    static final String DESCRIPTION = "ws2 TLS layer";

    private static final Logger LOG = LoggerFactory.getLogger(TlsProvider.class);

    /**
     * The configuration of the layer (PID {@value #PID}): the credentials a Schannel LSP would pass
     * to {@code AcquireCredentialsHandle}.
     */
    @ObjectClassDefinition(name = "ws2 TLS", description = "Key and trust stores and protocol versions of the"
            + " ws2 TLS layer")
    public @interface Config {
        /**
         * The PKCS12 key store with the certificate and key that accepted sockets present.
         *
         * @return its path, or empty: accepted sockets are then refused with {@code WSAEACCES}
         */
        @AttributeDefinition(name = "Key store", required = false, description = "Path of a PKCS12 key store for"
                + " server handshakes; without one, accepted connections are refused")
        String keyStore() default "";

        /**
         * The key store's password, also the password of its key.
         *
         * @return the password
         */
        @AttributeDefinition(name = "Key store password", type = AttributeType.PASSWORD, required = false)
        String keyStorePassword() default "";

        /**
         * The PKCS12 trust store that connecting sockets check the server's certificate against.
         *
         * @return its path, or empty for the JDK's default trust
         */
        @AttributeDefinition(name = "Trust store", required = false, description = "Path of a PKCS12 trust store"
                + " for client handshakes; empty for the JDK's default trust")
        String trustStore() default "";

        /**
         * The trust store's password.
         *
         * @return the password
         */
        @AttributeDefinition(name = "Trust store password", type = AttributeType.PASSWORD, required = false)
        String trustStorePassword() default "";

        /**
         * The protocol versions offered.
         *
         * @return versions, each value may list several separated by commas; none means
         *         {@code TLSv1.3,TLSv1.2}
         */
        @AttributeDefinition(name = "Protocols", required = false, description = "Protocol versions offered, in"
                + " order, separated by commas; empty for TLSv1.3,TLSv1.2")
        String[] protocols() default {};
    }

    private volatile TlsSettings settings;

    /**
     * Creates the layer and reads its first configuration.
     *
     * @param config the configuration
     */
    @Activate
    public TlsProvider(Config config) {
        modified(config);
    }

    /**
     * Puts a new configuration in force for new handshakes, or logs why it was refused and keeps
     * the settings in force.
     *
     * @param config the configuration
     */
    @Modified
    void modified(Config config) {
        try {
            TlsSettings s = TlsSettings.load(config.keyStore(), config.keyStorePassword(), config.trustStore(),
                    config.trustStorePassword(), config.protocols());
            settings = s;
            LOG.info("ws2 TLS: protocols {}, {} in force", s.protocols(),
                    s.canServe() ? "key store " + config.keyStore() : "no key store (accepted connections refused)");
        } catch (WsaException e) {
            LOG.error("ws2 TLS: configuration {} refused ({}), {}: {}", PID, e.error(),
                    settings == null ? "every handshake is refused" : "the settings in force stay", e.getMessage());
            if (settings == null) {
                settings = TlsSettings.refusing(e.getMessage());
            }
        }
    }

    /**
     * {@code WSPStartup} of the layer: accepts SPI version 2.2 and later and returns a new dispatch
     * for the client context, which reads the settings in force at each handshake.
     *
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo chainEntry, Upcall upcall, NextLayer next)
            throws WsaException {
        return new TlsDispatch(TransportProvider.negotiate(versionRequested, DESCRIPTION), upcall, next,
                () -> settings);
    }
}
