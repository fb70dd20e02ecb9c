package ws2.provider.memory;

import static ws2.api.AddressFamily.AF_UNIX;
import static ws2.api.SocketType.SOCK_STREAM;
import static ws2.catalog.ProviderFlags.PFL_MATCHES_PROTOCOL_ZERO;

import java.util.Objects;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

import ws2.api.WsaData;
import ws2.api.WsaException;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ServiceFlags;
import ws2.catalog.annotations.ProviderId;
import ws2.catalog.annotations.TransportProtocol;
import ws2.spi.transport.TransportProvider;
import ws2.spi.transport.WspDispatch;
import ws2.spi.upcall.Upcall;

/**
 * A second base transport provider of ws2: {@code AF_UNIX} stream sockets over in-process byte
 * pipes, between sockets of the same JVM, with non-IFS handles ({@code WPUCreateSocketHandle}). It
 * shows that every client feature (select, event and async selection, overlapped I/O with events,
 * routines and completion ports, {@code AcceptEx}, {@code ConnectEx}, shared sockets, disconnect
 * data, blocking hooks) works over a provider without real channels.
 *
 * <p>A DS component; its catalog entry is the {@link TransportProtocol} declaration, written into the
 * manifest at build time. The service flags say what pipes deliver: reliable, ordered, graceful
 * close and disconnect data; no {@code XP1_IFS_HANDLES}, no expedited data, no connect data. The
 * component holds the names and shared-socket tokens its contexts share ({@link PipeNetwork}); each
 * {@link #startup WSPStartup} returns a new dispatch that lives until its {@code WSPCleanup}, also
 * after this component is deactivated.
 */
@Component(service = TransportProvider.class)
@ProviderId(MemoryProvider.ID)
@TransportProtocol(providerId = MemoryProvider.ID, name = "ws2 Memory [pipe stream]", family = AF_UNIX,
        type = SOCK_STREAM, protocol = 0, serviceFlags = MemoryProvider.SERVICE_FLAGS,
        providerFlags = PFL_MATCHES_PROTOCOL_ZERO, minSockAddr = UnixAddress.MIN_LENGTH,
        maxSockAddr = UnixAddress.MAX_LENGTH)
public final class MemoryProvider implements TransportProvider {
    /** The provider GUID: the catalog entry's {@code ProviderId} and the {@code ws2.provider.id} service property. */
    public static final String ID = "eb174abd-4f24-420d-8918-ee851f38de84";

    /** {@code dwServiceFlags1} of the entry. */
    static final int SERVICE_FLAGS = ServiceFlags.XP1_GUARANTEED_DELIVERY | ServiceFlags.XP1_GUARANTEED_ORDER
            | ServiceFlags.XP1_GRACEFUL_CLOSE | ServiceFlags.XP1_DISCONNECT_DATA;
    /** {@code szDescription} of the {@code WSPDATA}. */
    static final String DESCRIPTION = "ws2 memory provider";

    private final PipeNetwork network = new PipeNetwork();

    /** Creates the component; it starts nothing. */
    @Activate
    public MemoryProvider() {
        // the network is created empty; sockets fill it
    }

    /**
     * {@code WSPStartup}: accepts SPI version 2.2 and later and returns a new dispatch for the
     * client context, negotiated at 2.2, sharing this component's names with the other contexts.
     *
     * @throws WsaException {@code WSAVERNOTSUPPORTED} for a version below 2.2
     */
    @Override
    public WspDispatch startup(int versionRequested, ProtocolInfo protocolInfo, Upcall upcall) throws WsaException {
        WsaData data = TransportProvider.negotiate(versionRequested, DESCRIPTION);
        Objects.requireNonNull(upcall, "upcall");
        return new MemoryDispatch(upcall, data, network);
    }
}
