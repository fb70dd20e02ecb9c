package ws2.catalog;

import java.util.Objects;
import java.util.UUID;

/**
 * One catalog entry: every field of Winsock's {@code WSAPROTOCOL_INFOW}, immutable.
 *
 * <p>A transport provider bundle declares its entries with
 * {@link ws2.catalog.annotations.TransportProtocol}; the catalog assigns {@link #catalogEntryId()}.
 * Use {@link #builder()} to make one and the {@code with*} methods to derive one.
 *
 * @param serviceFlags1 {@code dwServiceFlags1}: {@link ServiceFlags} bits
 * @param serviceFlags2 {@code dwServiceFlags2}, reserved
 * @param serviceFlags3 {@code dwServiceFlags3}, reserved
 * @param serviceFlags4 {@code dwServiceFlags4}, reserved
 * @param providerFlags {@code dwProviderFlags}: {@link ProviderFlags} bits
 * @param providerId {@code ProviderId}: the provider's GUID
 * @param catalogEntryId {@code dwCatalogEntryId}: assigned by the catalog, 0 before installation
 * @param protocolChain {@code ProtocolChain}
 * @param version {@code iVersion}
 * @param addressFamily {@code iAddressFamily}
 * @param maxSockAddr {@code iMaxSockAddr}: longest address in bytes
 * @param minSockAddr {@code iMinSockAddr}: shortest address in bytes
 * @param socketType {@code iSocketType}
 * @param protocol {@code iProtocol}
 * @param protocolMaxOffset {@code iProtocolMaxOffset}: protocols {@code protocol} to
 *        {@code protocol + protocolMaxOffset} match this entry
 * @param networkByteOrder {@code iNetworkByteOrder}: {@link #BIGENDIAN} or {@link #LITTLEENDIAN}
 * @param securityScheme {@code iSecurityScheme}, {@link #SECURITY_PROTOCOL_NONE} without security
 * @param messageSize {@code dwMessageSize}: 0 for streams, {@code 0xFFFFFFFF} for unlimited messages
 * @param providerReserved {@code dwProviderReserved}, the provider's own use
 * @param protocolName {@code szProtocol}: at most {@value #WSAPROTOCOL_LEN} characters
 */
public record ProtocolInfo(int serviceFlags1, int serviceFlags2, int serviceFlags3, int serviceFlags4,
        int providerFlags, UUID providerId, int catalogEntryId, ProtocolChain protocolChain, int version,
        int addressFamily, int maxSockAddr, int minSockAddr, int socketType, int protocol, int protocolMaxOffset,
        int networkByteOrder, int securityScheme, int messageSize, int providerReserved, String protocolName) {

    /** The nil GUID ({@code GUID_NULL}): the provider ID of an entry not yet installed. */
    public static final UUID GUID_NULL = new UUID(0L, 0L);
    /** Longest {@code szProtocol} ({@code WSAPROTOCOL_LEN}). */
    public static final int WSAPROTOCOL_LEN = 255;
    /** Take af, type or protocol from the protocol info ({@code FROM_PROTOCOL_INFO}). */
    public static final int FROM_PROTOCOL_INFO = -1;
    /** {@code iNetworkByteOrder}: big-endian. */
    public static final int BIGENDIAN = 0;
    /** {@code iNetworkByteOrder}: little-endian. */
    public static final int LITTLEENDIAN = 1;
    /** {@code iSecurityScheme} of protocols without security. */
    public static final int SECURITY_PROTOCOL_NONE = 0;
    /** {@code dwMessageSize} of message-oriented protocols without a limit. */
    public static final int MESSAGE_SIZE_UNLIMITED = 0xFFFFFFFF;

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the bad value: a null provider ID, chain or name, a
     *         name over 255 characters, a family outside 0..65535, negative or inverted address
     *         lengths, a negative protocol offset, an unknown byte order or a negative entry ID
     */
    public ProtocolInfo {
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(protocolChain, "protocolChain");
        Objects.requireNonNull(protocolName, "protocolName");
        if (protocolName.length() > WSAPROTOCOL_LEN) {
            throw new IllegalArgumentException("szProtocol is longer than " + WSAPROTOCOL_LEN + " characters: " + protocolName);
        }
        if (addressFamily < 0 || addressFamily > 0xFFFF) {
            throw new IllegalArgumentException("iAddressFamily must be 0..65535: " + addressFamily);
        }
        if (minSockAddr < 0 || maxSockAddr < minSockAddr) {
            throw new IllegalArgumentException("iMinSockAddr " + minSockAddr + " and iMaxSockAddr " + maxSockAddr
                    + " must satisfy 0 <= min <= max");
        }
        if (protocolMaxOffset < 0) {
            throw new IllegalArgumentException("iProtocolMaxOffset must not be negative: " + protocolMaxOffset);
        }
        if (networkByteOrder != BIGENDIAN && networkByteOrder != LITTLEENDIAN) {
            throw new IllegalArgumentException("iNetworkByteOrder must be BIGENDIAN or LITTLEENDIAN: " + networkByteOrder);
        }
        if (catalogEntryId < 0) {
            throw new IllegalArgumentException("dwCatalogEntryId must not be negative: " + catalogEntryId);
        }
    }

    /**
     * Starts a new entry.
     *
     * @return a builder with Winsock's defaults: {@link #GUID_NULL}, base chain, version 2,
     *         big-endian, no security
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder from this entry.
     *
     * @return a builder holding every field of this entry
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns this entry with another catalog entry ID.
     *
     * @param id the ID
     * @return the copy
     */
    public ProtocolInfo withCatalogEntryId(int id) {
        return toBuilder().catalogEntryId(id).build();
    }

    /**
     * Returns this entry with another protocol chain.
     *
     * @param chain the chain
     * @return the copy
     */
    public ProtocolInfo withProtocolChain(ProtocolChain chain) {
        return toBuilder().protocolChain(chain).build();
    }

    /**
     * Tests service flags.
     *
     * @param flags {@link ServiceFlags} bits
     * @return true if all are set in {@code dwServiceFlags1}
     */
    public boolean hasServiceFlags(int flags) {
        return (serviceFlags1 & flags) == flags;
    }

    /**
     * Tests provider flags.
     *
     * @param flags {@link ProviderFlags} bits
     * @return true if all are set in {@code dwProviderFlags}
     */
    public boolean hasProviderFlags(int flags) {
        return (providerFlags & flags) == flags;
    }

    /**
     * Tells whether a requested protocol falls in this entry's range
     * ({@code iProtocol <= p <= iProtocol + iProtocolMaxOffset}).
     *
     * @param p the protocol argument of {@code socket()}
     * @return true if it is in range
     */
    public boolean coversProtocol(int p) {
        return p >= protocol && (long) p <= (long) protocol + protocolMaxOffset;
    }

    /** Builds {@link ProtocolInfo}s; not thread-safe. */
    public static final class Builder {
        private int serviceFlags1;
        private int serviceFlags2;
        private int serviceFlags3;
        private int serviceFlags4;
        private int providerFlags;
        private UUID providerId = GUID_NULL;
        private int catalogEntryId;
        private ProtocolChain protocolChain = ProtocolChain.BASE;
        private int version = 2;
        private int addressFamily;
        private int maxSockAddr;
        private int minSockAddr;
        private int socketType;
        private int protocol;
        private int protocolMaxOffset;
        private int networkByteOrder = BIGENDIAN;
        private int securityScheme = SECURITY_PROTOCOL_NONE;
        private int messageSize;
        private int providerReserved;
        private String protocolName = "";

        private Builder() {
        }

        private Builder(ProtocolInfo p) {
            serviceFlags1 = p.serviceFlags1;
            serviceFlags2 = p.serviceFlags2;
            serviceFlags3 = p.serviceFlags3;
            serviceFlags4 = p.serviceFlags4;
            providerFlags = p.providerFlags;
            providerId = p.providerId;
            catalogEntryId = p.catalogEntryId;
            protocolChain = p.protocolChain;
            version = p.version;
            addressFamily = p.addressFamily;
            maxSockAddr = p.maxSockAddr;
            minSockAddr = p.minSockAddr;
            socketType = p.socketType;
            protocol = p.protocol;
            protocolMaxOffset = p.protocolMaxOffset;
            networkByteOrder = p.networkByteOrder;
            securityScheme = p.securityScheme;
            messageSize = p.messageSize;
            providerReserved = p.providerReserved;
            protocolName = p.protocolName;
        }

        /**
         * Sets {@code dwServiceFlags1}.
         * @param v {@link ServiceFlags} bits
         * @return this builder
         */
        public Builder serviceFlags1(int v) {
            serviceFlags1 = v;
            return this;
        }

        /**
         * Sets the reserved {@code dwServiceFlags2..4}.
         * @param f2 {@code dwServiceFlags2}
         * @param f3 {@code dwServiceFlags3}
         * @param f4 {@code dwServiceFlags4}
         * @return this builder
         */
        public Builder reservedServiceFlags(int f2, int f3, int f4) {
            serviceFlags2 = f2;
            serviceFlags3 = f3;
            serviceFlags4 = f4;
            return this;
        }

        /**
         * Sets {@code dwProviderFlags}.
         * @param v {@link ProviderFlags} bits
         * @return this builder
         */
        public Builder providerFlags(int v) {
            providerFlags = v;
            return this;
        }

        /**
         * Sets {@code ProviderId}.
         * @param v the provider's GUID
         * @return this builder
         */
        public Builder providerId(UUID v) {
            providerId = v;
            return this;
        }

        /**
         * Sets {@code dwCatalogEntryId}.
         * @param v the ID
         * @return this builder
         */
        public Builder catalogEntryId(int v) {
            catalogEntryId = v;
            return this;
        }

        /**
         * Sets {@code ProtocolChain}.
         * @param v the chain
         * @return this builder
         */
        public Builder protocolChain(ProtocolChain v) {
            protocolChain = v;
            return this;
        }

        /**
         * Sets {@code iVersion}.
         * @param v the version
         * @return this builder
         */
        public Builder version(int v) {
            version = v;
            return this;
        }

        /**
         * Sets the triple {@code iAddressFamily}, {@code iSocketType}, {@code iProtocol}.
         * @param af the family
         * @param type the socket type
         * @param proto the protocol
         * @return this builder
         */
        public Builder triple(int af, int type, int proto) {
            addressFamily = af;
            socketType = type;
            protocol = proto;
            return this;
        }

        /**
         * Sets {@code iMinSockAddr} and {@code iMaxSockAddr}.
         * @param min shortest address
         * @param max longest address
         * @return this builder
         */
        public Builder sockAddrLengths(int min, int max) {
            minSockAddr = min;
            maxSockAddr = max;
            return this;
        }

        /**
         * Sets {@code iProtocolMaxOffset}.
         * @param v the offset
         * @return this builder
         */
        public Builder protocolMaxOffset(int v) {
            protocolMaxOffset = v;
            return this;
        }

        /**
         * Sets {@code iNetworkByteOrder}.
         * @param v {@link #BIGENDIAN} or {@link #LITTLEENDIAN}
         * @return this builder
         */
        public Builder networkByteOrder(int v) {
            networkByteOrder = v;
            return this;
        }

        /**
         * Sets {@code iSecurityScheme}.
         * @param v the scheme
         * @return this builder
         */
        public Builder securityScheme(int v) {
            securityScheme = v;
            return this;
        }

        /**
         * Sets {@code dwMessageSize}.
         * @param v the size
         * @return this builder
         */
        public Builder messageSize(int v) {
            messageSize = v;
            return this;
        }

        /**
         * Sets {@code dwProviderReserved}.
         * @param v the value
         * @return this builder
         */
        public Builder providerReserved(int v) {
            providerReserved = v;
            return this;
        }

        /**
         * Sets {@code szProtocol}.
         * @param v the name
         * @return this builder
         */
        public Builder protocolName(String v) {
            protocolName = v;
            return this;
        }

        /**
         * Builds the entry.
         * @return the entry
         * @throws IllegalArgumentException if a field is invalid
         */
        public ProtocolInfo build() {
            return new ProtocolInfo(serviceFlags1, serviceFlags2, serviceFlags3, serviceFlags4, providerFlags,
                    providerId, catalogEntryId, protocolChain, version, addressFamily, maxSockAddr, minSockAddr,
                    socketType, protocol, protocolMaxOffset, networkByteOrder, securityScheme, messageSize,
                    providerReserved, protocolName);
        }
    }
}
