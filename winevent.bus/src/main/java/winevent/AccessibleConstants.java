package winevent;

/**
 * Roles and states of accessible objects ({@code ROLE_SYSTEM_*}, {@code STATE_SYSTEM_*} of
 * {@code oleacc.h}), with their Windows values.
 */
public final class AccessibleConstants {
    /** A window. */
    public static final int ROLE_SYSTEM_WINDOW = 0x09;
    /** A window's client area. */
    public static final int ROLE_SYSTEM_CLIENT = 0x0A;
    /** An application. */
    public static final int ROLE_SYSTEM_APPLICATION = 0x0E;
    /** A pane. */
    public static final int ROLE_SYSTEM_PANE = 0x10;
    /** A grouping of objects. */
    public static final int ROLE_SYSTEM_GROUPING = 0x14;
    /** A table. */
    public static final int ROLE_SYSTEM_TABLE = 0x18;
    /** A row. */
    public static final int ROLE_SYSTEM_ROW = 0x1C;
    /** A cell. */
    public static final int ROLE_SYSTEM_CELL = 0x1D;
    /** A link. */
    public static final int ROLE_SYSTEM_LINK = 0x1E;
    /** A list. */
    public static final int ROLE_SYSTEM_LIST = 0x21;
    /** An item of a list. */
    public static final int ROLE_SYSTEM_LISTITEM = 0x22;
    /** Read-only text. */
    public static final int ROLE_SYSTEM_STATICTEXT = 0x29;

    /** No state bit set ({@code STATE_SYSTEM_NORMAL}). */
    public static final int STATE_SYSTEM_NORMAL = 0x00000000;
    /** Unavailable (disabled). */
    public static final int STATE_SYSTEM_UNAVAILABLE = 0x00000001;
    /** Selected. */
    public static final int STATE_SYSTEM_SELECTED = 0x00000002;
    /** Focused. */
    public static final int STATE_SYSTEM_FOCUSED = 0x00000004;
    /** Read-only. */
    public static final int STATE_SYSTEM_READONLY = 0x00000040;
    /** The default among several. */
    public static final int STATE_SYSTEM_DEFAULT = 0x00000100;
    /** Busy. */
    public static final int STATE_SYSTEM_BUSY = 0x00000800;
    /** Invisible. */
    public static final int STATE_SYSTEM_INVISIBLE = 0x00008000;
    /** Linked to something else (ws2: a connected socket). */
    public static final int STATE_SYSTEM_LINKED = 0x00400000;
    /** Traversed (ws2: a socket whose connection has closed). */
    public static final int STATE_SYSTEM_TRAVERSED = 0x00800000;

    private AccessibleConstants() {
    }
}
