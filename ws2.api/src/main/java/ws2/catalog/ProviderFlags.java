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

    private ProviderFlags() {
    }
}
