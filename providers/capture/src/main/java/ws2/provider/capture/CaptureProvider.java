package ws2.provider.capture;

import java.io.IOException;
import java.time.Clock;

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
 * The ws2 Capture layered service provider: a fail-open inspector LSP ({@code LSP_INSPECTOR}) over
 * every IPv4 and IPv6 base entry that writes the data of its sockets to a pcapng file, with
 * synthesized IP and TCP/UDP headers, for Wireshark and tshark: the packet capture a Windows
 * network monitor driver would make, taken at the socket. Its rank (800) puts it below the metrics
 * layer (900) and above the TLS layer (100), so it records application data before encryption.
 *
 * <p>A DS component with the optional configuration {@value #PID} ({@link Config}): nothing is
 * captured until {@code file} is set, and the layer only forwards. A changed configuration is
 * applied in place ({@link #modified}): sockets stay open and later calls write to the new file. A
 * malformed configuration is refused, logged, and the capture in force stays; a file that cannot
 * be opened is logged and leaves capture off.
 *
 * <p>Each {@link #startup WSPStartup} returns a {@link CaptureDispatch} for the client context; all
 * of them write through this component's one {@link Recorder}, which stops when the component is
 * deactivated (dispatches still in use then only forward).
 */
@Component(service = TransportProvider.class, configurationPid = CaptureProvider.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CaptureProvider.Config.class)
@ProviderId(CaptureProvider.ID)
@LayeredProtocol(providerId = CaptureProvider.ID, name = "ws2 Capture", categories = LspCategories.LSP_INSPECTOR,
        over = "(|(family=2)(family=23))", rank = 800, failure = "open")
public final class CaptureProvider implements LayeredTransportProvider {
    /** The provider GUID: the layered entry's {@code ProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "e4d1c7b2-9a3f-4b6e-8c5d-2f1a0b9e8d77";
    /** The configuration PID. */
    public static final String PID = "ws2.capture";
    /** The snapshot length when none is configured: whole packets. */
    public static final int DEFAULT_SNAPLEN = 65535;
    /** {@code szDescription} of the {@code WSPDATA}. */
    static final String DESCRIPTION = "ws2 capture layer";

    private static final Logger LOG = LoggerFactory.getLogger(CaptureProvider.class);

    /** The configuration of the capture (PID {@value #PID}). */
    @ObjectClassDefinition(name = "ws2 Capture", description = "Writes the data of the sockets of the ws2 Capture"
            + " layer to a pcapng file with synthesized IP and TCP/UDP headers")
    public @interface Config {
        /**
         * The capture file.
         *
         * @return a path; empty for no capture
         */
        @AttributeDefinition(name = "File", required = false, description = "The pcapng file to append to; empty"
                + " captures nothing")
        String file() default "";

        /**
         * The snapshot length.
         *
         * @return the most bytes of each packet kept, at least 1
         */
        @AttributeDefinition(name = "Snapshot length", min = "1", description = "The most bytes of each packet kept,"
                + " headers included")
        int snaplen() default DEFAULT_SNAPLEN;
    }

    private final Recorder recorder = new Recorder(Clock.systemUTC());

    /**
     * Creates the layer and reads its first configuration.
     *
     * @param config the configuration
     */
    @Activate
    public CaptureProvider(Config config) {
        modified(config);
    }

    /**
     * Puts a new configuration in force, or logs why it was refused.
     *
     * @param config the configuration
     */
    @Modified
    void modified(Config config) {
        CaptureSettings settings;
        try {
            settings = CaptureSettings.of(config.file(), config.snaplen());
        } catch (IllegalArgumentException e) {
            LOG.error("ws2 Capture: configuration {} refused, the capture in force stays: {}", PID, e.getMessage());
            return;
        }
        try {
            recorder.configure(settings);
            LOG.info("ws2 Capture: {}", settings);
        } catch (IOException e) {
            LOG.error("ws2 Capture: cannot write {}, capture off: {}", settings.file(), e.toString());
        }
    }

    /** Stops the capture and closes its file. */
    @Deactivate
    void deactivate() {
        recorder.stop();
    }

    /**
     * {@code WSPStartup} of the layer: accepts SPI version 2.2 and later and returns a new recording
     * dispatch for the client context.
     *
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo chainEntry, Upcall upcall, NextLayer next)
            throws WsaException {
        return new CaptureDispatch(TransportProvider.negotiate(versionRequested, DESCRIPTION), upcall, next, recorder);
    }
}
