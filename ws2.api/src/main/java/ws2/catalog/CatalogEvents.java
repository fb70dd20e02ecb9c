package ws2.catalog;

/**
 * How ws2.core announces its changes on the WinEvent bus ({@code winevent} package), after each
 * change has happened. Each catalog view and the set of sockets is a window with accessible
 * objects; clients find a window's handle by name ({@code AccessibleObjects.findWindow}) and pull
 * details with {@code AccessibleObjectFromEvent}.
 *
 * <table>
 * <caption>Events of ws2.core</caption>
 * <tr><th>change</th><th>event</th><th>hwnd, idObject, idChild</th></tr>
 * <tr><td>catalog entry installed</td><td>{@code EVENT_OBJECT_CREATE}</td><td>catalog window, {@code OBJID_CLIENT}, catalog entry ID</td></tr>
 * <tr><td>catalog entry removed</td><td>{@code EVENT_OBJECT_DESTROY}</td><td>same</td></tr>
 * <tr><td>catalog reordered</td><td>{@code EVENT_OBJECT_REORDER}</td><td>catalog window, {@code OBJID_CLIENT}, {@code CHILDID_SELF}</td></tr>
 * <tr><td>entry became available or unavailable</td><td>{@code EVENT_OBJECT_STATECHANGE}</td><td>catalog window, {@code OBJID_CLIENT}, catalog entry ID</td></tr>
 * <tr><td>entry renamed</td><td>{@code EVENT_OBJECT_NAMECHANGE}</td><td>same</td></tr>
 * <tr><td>socket created</td><td>{@code EVENT_OBJECT_CREATE}</td><td>sockets window, {@code OBJID_CLIENT}, socket handle value</td></tr>
 * <tr><td>socket closed ({@code closesocket})</td><td>{@code EVENT_OBJECT_DESTROY}</td><td>same</td></tr>
 * <tr><td>socket connected, or its connection closed</td><td>{@code EVENT_OBJECT_STATECHANGE}</td><td>same</td></tr>
 * <tr><td>provider configuration changed ({@code WSAProviderConfigChange})</td><td>the atom of {@link #PROVIDER_CONFIG_CHANGE}</td><td>native catalog window, {@code OBJID_CLIENT}, {@code CHILDID_SELF}</td></tr>
 * </table>
 */
public final class CatalogEvents {
    /** Name of the window of the native catalog. */
    public static final String NATIVE_CATALOG_WINDOW = "ws2 catalog";
    /** Name of the window of the 32-bit catalog. */
    public static final String COMPAT32_CATALOG_WINDOW = "ws2 catalog (32-bit)";
    /** Name of the window of the open sockets. */
    public static final String SOCKETS_WINDOW = "ws2 sockets";
    /**
     * The atom string whose event ID announces a provider configuration change; look the ID up with
     * {@code WinEventBus.findAtom}.
     */
    public static final String PROVIDER_CONFIG_CHANGE = "{ABDFD121-952E-4493-B5AC-6D02E1C17FA3}";

    private CatalogEvents() {
    }
}
