package ws2.catalog;

/**
 * The {@code PFL_*} provider flags of {@code WSAPROTOCOL_INFOW.dwProviderFlags}, values as in
 * {@code winsock2.h}.
 */
public final class ProviderFlags {
    /** One of several entries for one protocol with different behaviours. */
    public static final int PFL_MULTIPLE_PROTO_ENTRIES = 0x00000001;
    /** The recommended entry among several for one protocol. */
    public static final int PFL_RECOMMENDED_PROTO_ENTRY = 0x00000002;
    /** Hidden from {@code WSAEnumProtocols}; {@code WSCEnumProtocols} still lists it. */
    public static final int PFL_HIDDEN = 0x00000004;
    /** Protocol 0 in {@code socket()} matches this entry. */
    public static final int PFL_MATCHES_PROTOCOL_ZERO = 0x00000008;
    /** A Network Direct provider. */
    public static final int PFL_NETWORKDIRECT_PROVIDER = 0x00000010;
    /**
     * ws2 extension, set on the layered (chain length 0) entry of a layer declared fail-closed:
     * while the layer is absent, sockets on chains through it fail instead of bypassing it.
     * Windows defines no bit this high.
     */
    public static final int PFL_FAIL_CLOSED = 0x00010000;

    private ProviderFlags() {
    }
}
