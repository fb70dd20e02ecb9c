package ws2.api;

import java.util.List;
import java.util.UUID;

/**
 * {@code WSAQUERYSETW}: the restrictions of a name lookup, a result, or what
 * {@code WSASetService} registers. Null or empty fields are "not given".
 *
 * <p>As a query: the instance name (exact, or as the namespace interprets it), the service class,
 * an optional version, the namespace or {@link NameSpaces#NS_ALL}, an optional provider, a
 * context to start from, the families and protocols the addresses must have, and a
 * namespace-specific query string. As a result: the provider that answered ({@link #nsProviderId}),
 * the namespace it was found in, the addresses, output flags and an optional blob.
 *
 * @param instanceName {@code lpszServiceInstanceName}
 * @param serviceClassId {@code lpServiceClassId}
 * @param version {@code lpVersion}
 * @param comment {@code lpszComment}
 * @param nameSpace {@code dwNameSpace}
 * @param nsProviderId {@code lpNSProviderId}
 * @param context {@code lpszContext}
 * @param protocols {@code lpafpProtocols}
 * @param queryString {@code lpszQueryString}
 * @param addresses {@code lpcsaBuffer}
 * @param outputFlags {@code dwOutputFlags}
 * @param blob {@code lpBlob}
 */
public record QuerySet(String instanceName, UUID serviceClassId, ServiceVersion version, String comment, int nameSpace,
        UUID nsProviderId, String context, List<AfProtocols> protocols, String queryString, List<CsAddrInfo> addresses,
        int outputFlags, byte[] blob) {
    /** {@code SVCID_HOSTNAME}: the service class of host names. */
    public static final UUID SVCID_HOSTNAME = UUID.fromString("0002a800-0000-0000-c000-000000000046");
    /** {@code SVCID_INET_HOSTADDRBYNAME}: host addresses by name. */
    public static final UUID SVCID_INET_HOSTADDRBYNAME = UUID.fromString("0002a803-0000-0000-c000-000000000046");
    /** {@code SVCID_INET_HOSTADDRBYINETSTRING}: host by address string (reverse lookup). */
    public static final UUID SVCID_INET_HOSTADDRBYINETSTRING = UUID.fromString("0002a801-0000-0000-c000-000000000046");

    /**
     * {@code WSAVERSION}: a version and how to compare it.
     *
     * @param version the version
     * @param comparator {@link #COMP_EQUAL} or {@link #COMP_NOTLESS}
     */
    public record ServiceVersion(int version, int comparator) {
        /** Exactly this version. */
        public static final int COMP_EQUAL = 0;
        /** This version or later. */
        public static final int COMP_NOTLESS = 1;

        /**
         * Tells whether a version satisfies this one.
         *
         * @param other a result's version
         * @return true if it matches
         */
        public boolean accepts(int other) {
            return comparator == COMP_NOTLESS ? other >= version : other == version;
        }
    }

    /** Copies the collections. */
    public QuerySet {
        protocols = protocols == null ? List.of() : List.copyOf(protocols);
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        blob = blob == null ? null : blob.clone();
    }

    @Override
    public byte[] blob() {
        return blob == null ? null : blob.clone();
    }

    /**
     * A query for the addresses of a host name in a namespace, the usual host lookup.
     *
     * @param host the name
     * @param nameSpace the namespace, or {@link NameSpaces#NS_ALL}
     * @return the query set
     */
    public static QuerySet hostQuery(String host, int nameSpace) {
        return builder().instanceName(host).serviceClassId(SVCID_INET_HOSTADDRBYNAME).nameSpace(nameSpace).build();
    }

    /**
     * Starts a query set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a query set from this one.
     *
     * @return a builder holding this query set's fields
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.instanceName = instanceName;
        b.serviceClassId = serviceClassId;
        b.version = version;
        b.comment = comment;
        b.nameSpace = nameSpace;
        b.nsProviderId = nsProviderId;
        b.context = context;
        b.protocols = protocols;
        b.queryString = queryString;
        b.addresses = addresses;
        b.outputFlags = outputFlags;
        b.blob = blob;
        return b;
    }

    /** Builds a {@link QuerySet}. */
    public static final class Builder {
        private String instanceName;
        private UUID serviceClassId;
        private ServiceVersion version;
        private String comment;
        private int nameSpace;
        private UUID nsProviderId;
        private String context;
        private List<AfProtocols> protocols = List.of();
        private String queryString;
        private List<CsAddrInfo> addresses = List.of();
        private int outputFlags;
        private byte[] blob;

        private Builder() {
        }

        /**
         * Sets the instance name.
         *
         * @param v the name
         * @return this builder
         */
        public Builder instanceName(String v) {
            instanceName = v;
            return this;
        }

        /**
         * Sets the service class.
         *
         * @param v the class GUID
         * @return this builder
         */
        public Builder serviceClassId(UUID v) {
            serviceClassId = v;
            return this;
        }

        /**
         * Sets the version.
         *
         * @param v the version
         * @return this builder
         */
        public Builder version(ServiceVersion v) {
            version = v;
            return this;
        }

        /**
         * Sets the comment.
         *
         * @param v the comment
         * @return this builder
         */
        public Builder comment(String v) {
            comment = v;
            return this;
        }

        /**
         * Sets the namespace.
         *
         * @param v an {@code NS_*} value
         * @return this builder
         */
        public Builder nameSpace(int v) {
            nameSpace = v;
            return this;
        }

        /**
         * Sets the namespace provider.
         *
         * @param v its GUID
         * @return this builder
         */
        public Builder nsProviderId(UUID v) {
            nsProviderId = v;
            return this;
        }

        /**
         * Sets the context.
         *
         * @param v the context
         * @return this builder
         */
        public Builder context(String v) {
            context = v;
            return this;
        }

        /**
         * Sets the families and protocols.
         *
         * @param v the restrictions
         * @return this builder
         */
        public Builder protocols(List<AfProtocols> v) {
            protocols = v;
            return this;
        }

        /**
         * Sets the query string.
         *
         * @param v the string
         * @return this builder
         */
        public Builder queryString(String v) {
            queryString = v;
            return this;
        }

        /**
         * Sets the addresses.
         *
         * @param v the addresses
         * @return this builder
         */
        public Builder addresses(List<CsAddrInfo> v) {
            addresses = v;
            return this;
        }

        /**
         * Sets the output flags.
         *
         * @param v {@code RESULT_IS_*} bits
         * @return this builder
         */
        public Builder outputFlags(int v) {
            outputFlags = v;
            return this;
        }

        /**
         * Sets the blob.
         *
         * @param v the bytes
         * @return this builder
         */
        public Builder blob(byte[] v) {
            blob = v;
            return this;
        }

        /**
         * Builds the query set.
         *
         * @return the query set
         */
        public QuerySet build() {
            return new QuerySet(instanceName, serviceClassId, version, comment, nameSpace, nsProviderId, context,
                    protocols, queryString, addresses, outputFlags, blob);
        }
    }
}
