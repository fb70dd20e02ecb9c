package ws2.api;

/**
 * Control flags of {@code WSALookupServiceBegin}/{@code Next} ({@code LUP_*}), the output flags of
 * a result ({@code RESULT_IS_*}), the {@code WSASetService} operations and the namespace ioctl code,
 * values as in {@code winsock2.h}.
 */
public final class LookupFlags {
    /** Query deep: every subcontainer. */
    public static final int LUP_DEEP = 0x0001;
    /** Return containers only. */
    public static final int LUP_CONTAINERS = 0x0002;
    /** Do not return containers. */
    public static final int LUP_NOCONTAINERS = 0x0004;
    /** Prefer results in proximity order. */
    public static final int LUP_NEAREST = 0x0008;
    /** Fill the instance name. */
    public static final int LUP_RETURN_NAME = 0x0010;
    /** Fill the service class. */
    public static final int LUP_RETURN_TYPE = 0x0020;
    /** Fill the version. */
    public static final int LUP_RETURN_VERSION = 0x0040;
    /** Fill the comment. */
    public static final int LUP_RETURN_COMMENT = 0x0080;
    /** Fill the addresses. */
    public static final int LUP_RETURN_ADDR = 0x0100;
    /** Fill the blob. */
    public static final int LUP_RETURN_BLOB = 0x0200;
    /** Return aliases, flagged {@link #RESULT_IS_ALIAS}. */
    public static final int LUP_RETURN_ALIASES = 0x0400;
    /** Return the unparsed remainder of the instance name. */
    public static final int LUP_RETURN_QUERY_STRING = 0x0800;
    /** Every {@code LUP_RETURN_*} bit. */
    public static final int LUP_RETURN_ALL = 0x0FF0;
    /** Bypass the provider's cache. */
    public static final int LUP_FLUSHCACHE = 0x1000;
    /** (Next) discard the previous, too large, result. */
    public static final int LUP_FLUSHPREVIOUS = 0x2000;
    /** Allow non-authoritative answers. */
    public static final int LUP_NON_AUTHORITATIVE = 0x4000;
    /** (Next) resolve a service to a local address to bind. */
    public static final int LUP_RES_SERVICE = 0x8000;

    /** Result: an alias. */
    public static final int RESULT_IS_ALIAS = 0x0001;
    /** Result (change notification): added. */
    public static final int RESULT_IS_ADDED = 0x0010;
    /** Result (change notification): changed. */
    public static final int RESULT_IS_CHANGED = 0x0020;
    /** Result (change notification): deleted. */
    public static final int RESULT_IS_DELETED = 0x0040;

    /** {@code WSASetService}: register. */
    public static final int RNRSERVICE_REGISTER = 0;
    /** {@code WSASetService}: deregister. */
    public static final int RNRSERVICE_DEREGISTER = 1;
    /** {@code WSASetService}: delete. */
    public static final int RNRSERVICE_DELETE = 2;
    /** {@code WSASetService} flag: act on the given addresses only. */
    public static final int SERVICE_MULTIPLE = 0x00000001;

    /** {@code WSANSPIoctl}: notify when the results of a query change. */
    public static final int SIO_NSP_NOTIFY_CHANGE = 0x88000019;

    private LookupFlags() {
    }
}
