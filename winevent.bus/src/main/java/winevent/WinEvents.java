package winevent;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The WinEvent constants of {@code winuser.h}: event-ID limits and ranges, the system, console
 * and object events, the hook flags and the object identifiers, with their Windows values.
 */
public final class WinEvents {
    /** Lowest event ID a hook may name. */
    public static final int EVENT_MIN = 0x00000001;
    /** Highest event ID a hook may name. */
    public static final int EVENT_MAX = 0x7FFFFFFF;

    /** First system event. */
    public static final int EVENT_SYSTEM_START = 0x0001;
    /** Last system event ID ({@code EVENT_SYSTEM_END}). */
    public static final int EVENT_SYSTEM_END = 0x00FF;
    /** First OEM-reserved event ({@code EVENT_OEM_DEFINED_START}). */
    public static final int EVENT_OEM_DEFINED_START = 0x0101;
    /** Last OEM-reserved event ({@code EVENT_OEM_DEFINED_END}). */
    public static final int EVENT_OEM_DEFINED_END = 0x01FF;
    /** First console event. */
    public static final int EVENT_CONSOLE_START = 0x4001;
    /** Last console event ({@code EVENT_CONSOLE_END}). */
    public static final int EVENT_CONSOLE_END = 0x40FF;
    /** First UI Automation event ({@code EVENT_UIA_EVENTID_START}). */
    public static final int EVENT_UIA_EVENTID_START = 0x4E00;
    /** Last UI Automation event ({@code EVENT_UIA_EVENTID_END}). */
    public static final int EVENT_UIA_EVENTID_END = 0x4EFF;
    /** First UI Automation property change ({@code EVENT_UIA_PROPID_START}). */
    public static final int EVENT_UIA_PROPID_START = 0x7500;
    /** Last UI Automation property change ({@code EVENT_UIA_PROPID_END}). */
    public static final int EVENT_UIA_PROPID_END = 0x75FF;
    /** First object event. */
    public static final int EVENT_OBJECT_START = 0x8000;
    /** Last object event ({@code EVENT_OBJECT_END}). */
    public static final int EVENT_OBJECT_END = 0x80FF;
    /** First community-reserved event ({@code EVENT_AIA_START}). */
    public static final int EVENT_AIA_START = 0xA000;
    /** Last community-reserved event ({@code EVENT_AIA_END}). */
    public static final int EVENT_AIA_END = 0xAFFF;
    /** First ID of the atom range, allocated at run time ({@code MAXINTATOM}). */
    public static final int EVENT_ATOM_START = 0xC000;
    /** Last ID of the atom range. */
    public static final int EVENT_ATOM_END = 0xFFFF;

    /** EVENT_SYSTEM_SOUND. */
    public static final int EVENT_SYSTEM_SOUND = 0x0001;
    /** EVENT_SYSTEM_ALERT. */
    public static final int EVENT_SYSTEM_ALERT = 0x0002;
    /** EVENT_SYSTEM_FOREGROUND. */
    public static final int EVENT_SYSTEM_FOREGROUND = 0x0003;
    /** EVENT_SYSTEM_MENUSTART. */
    public static final int EVENT_SYSTEM_MENUSTART = 0x0004;
    /** EVENT_SYSTEM_MENUEND. */
    public static final int EVENT_SYSTEM_MENUEND = 0x0005;
    /** EVENT_SYSTEM_MENUPOPUPSTART. */
    public static final int EVENT_SYSTEM_MENUPOPUPSTART = 0x0006;
    /** EVENT_SYSTEM_MENUPOPUPEND. */
    public static final int EVENT_SYSTEM_MENUPOPUPEND = 0x0007;
    /** EVENT_SYSTEM_CAPTURESTART. */
    public static final int EVENT_SYSTEM_CAPTURESTART = 0x0008;
    /** EVENT_SYSTEM_CAPTUREEND. */
    public static final int EVENT_SYSTEM_CAPTUREEND = 0x0009;
    /** EVENT_SYSTEM_MOVESIZESTART. */
    public static final int EVENT_SYSTEM_MOVESIZESTART = 0x000A;
    /** EVENT_SYSTEM_MOVESIZEEND. */
    public static final int EVENT_SYSTEM_MOVESIZEEND = 0x000B;
    /** EVENT_SYSTEM_CONTEXTHELPSTART. */
    public static final int EVENT_SYSTEM_CONTEXTHELPSTART = 0x000C;
    /** EVENT_SYSTEM_CONTEXTHELPEND. */
    public static final int EVENT_SYSTEM_CONTEXTHELPEND = 0x000D;
    /** EVENT_SYSTEM_DRAGDROPSTART. */
    public static final int EVENT_SYSTEM_DRAGDROPSTART = 0x000E;
    /** EVENT_SYSTEM_DRAGDROPEND. */
    public static final int EVENT_SYSTEM_DRAGDROPEND = 0x000F;
    /** EVENT_SYSTEM_DIALOGSTART. */
    public static final int EVENT_SYSTEM_DIALOGSTART = 0x0010;
    /** EVENT_SYSTEM_DIALOGEND. */
    public static final int EVENT_SYSTEM_DIALOGEND = 0x0011;
    /** EVENT_SYSTEM_SCROLLINGSTART. */
    public static final int EVENT_SYSTEM_SCROLLINGSTART = 0x0012;
    /** EVENT_SYSTEM_SCROLLINGEND. */
    public static final int EVENT_SYSTEM_SCROLLINGEND = 0x0013;
    /** EVENT_SYSTEM_SWITCHSTART. */
    public static final int EVENT_SYSTEM_SWITCHSTART = 0x0014;
    /** EVENT_SYSTEM_SWITCHEND. */
    public static final int EVENT_SYSTEM_SWITCHEND = 0x0015;
    /** EVENT_SYSTEM_MINIMIZESTART. */
    public static final int EVENT_SYSTEM_MINIMIZESTART = 0x0016;
    /** EVENT_SYSTEM_MINIMIZEEND. */
    public static final int EVENT_SYSTEM_MINIMIZEEND = 0x0017;
    /** EVENT_SYSTEM_DESKTOPSWITCH. */
    public static final int EVENT_SYSTEM_DESKTOPSWITCH = 0x0020;
    /** EVENT_SYSTEM_SWITCHER_APPGRABBED. */
    public static final int EVENT_SYSTEM_SWITCHER_APPGRABBED = 0x0024;
    /** EVENT_SYSTEM_SWITCHER_APPOVERTARGET. */
    public static final int EVENT_SYSTEM_SWITCHER_APPOVERTARGET = 0x0025;
    /** EVENT_SYSTEM_SWITCHER_APPDROPPED. */
    public static final int EVENT_SYSTEM_SWITCHER_APPDROPPED = 0x0026;
    /** EVENT_SYSTEM_SWITCHER_CANCELLED. */
    public static final int EVENT_SYSTEM_SWITCHER_CANCELLED = 0x0027;
    /** EVENT_SYSTEM_IME_KEY_NOTIFICATION. */
    public static final int EVENT_SYSTEM_IME_KEY_NOTIFICATION = 0x0029;

    /** EVENT_CONSOLE_CARET. */
    public static final int EVENT_CONSOLE_CARET = 0x4001;
    /** EVENT_CONSOLE_UPDATE_REGION. */
    public static final int EVENT_CONSOLE_UPDATE_REGION = 0x4002;
    /** EVENT_CONSOLE_UPDATE_SIMPLE. */
    public static final int EVENT_CONSOLE_UPDATE_SIMPLE = 0x4003;
    /** EVENT_CONSOLE_UPDATE_SCROLL. */
    public static final int EVENT_CONSOLE_UPDATE_SCROLL = 0x4004;
    /** EVENT_CONSOLE_LAYOUT. */
    public static final int EVENT_CONSOLE_LAYOUT = 0x4005;
    /** EVENT_CONSOLE_START_APPLICATION. */
    public static final int EVENT_CONSOLE_START_APPLICATION = 0x4006;
    /** EVENT_CONSOLE_END_APPLICATION. */
    public static final int EVENT_CONSOLE_END_APPLICATION = 0x4007;

    /** EVENT_OBJECT_CREATE. */
    public static final int EVENT_OBJECT_CREATE = 0x8000;
    /** EVENT_OBJECT_DESTROY. */
    public static final int EVENT_OBJECT_DESTROY = 0x8001;
    /** EVENT_OBJECT_SHOW. */
    public static final int EVENT_OBJECT_SHOW = 0x8002;
    /** EVENT_OBJECT_HIDE. */
    public static final int EVENT_OBJECT_HIDE = 0x8003;
    /** EVENT_OBJECT_REORDER. */
    public static final int EVENT_OBJECT_REORDER = 0x8004;
    /** EVENT_OBJECT_FOCUS. */
    public static final int EVENT_OBJECT_FOCUS = 0x8005;
    /** EVENT_OBJECT_SELECTION. */
    public static final int EVENT_OBJECT_SELECTION = 0x8006;
    /** EVENT_OBJECT_SELECTIONADD. */
    public static final int EVENT_OBJECT_SELECTIONADD = 0x8007;
    /** EVENT_OBJECT_SELECTIONREMOVE. */
    public static final int EVENT_OBJECT_SELECTIONREMOVE = 0x8008;
    /** EVENT_OBJECT_SELECTIONWITHIN. */
    public static final int EVENT_OBJECT_SELECTIONWITHIN = 0x8009;
    /** EVENT_OBJECT_STATECHANGE. */
    public static final int EVENT_OBJECT_STATECHANGE = 0x800A;
    /** EVENT_OBJECT_LOCATIONCHANGE. */
    public static final int EVENT_OBJECT_LOCATIONCHANGE = 0x800B;
    /** EVENT_OBJECT_NAMECHANGE. */
    public static final int EVENT_OBJECT_NAMECHANGE = 0x800C;
    /** EVENT_OBJECT_DESCRIPTIONCHANGE. */
    public static final int EVENT_OBJECT_DESCRIPTIONCHANGE = 0x800D;
    /** EVENT_OBJECT_VALUECHANGE. */
    public static final int EVENT_OBJECT_VALUECHANGE = 0x800E;
    /** EVENT_OBJECT_PARENTCHANGE. */
    public static final int EVENT_OBJECT_PARENTCHANGE = 0x800F;
    /** EVENT_OBJECT_HELPCHANGE. */
    public static final int EVENT_OBJECT_HELPCHANGE = 0x8010;
    /** EVENT_OBJECT_DEFACTIONCHANGE. */
    public static final int EVENT_OBJECT_DEFACTIONCHANGE = 0x8011;
    /** EVENT_OBJECT_ACCELERATORCHANGE. */
    public static final int EVENT_OBJECT_ACCELERATORCHANGE = 0x8012;
    /** EVENT_OBJECT_INVOKED. */
    public static final int EVENT_OBJECT_INVOKED = 0x8013;
    /** EVENT_OBJECT_TEXTSELECTIONCHANGED. */
    public static final int EVENT_OBJECT_TEXTSELECTIONCHANGED = 0x8014;
    /** EVENT_OBJECT_CONTENTSCROLLED. */
    public static final int EVENT_OBJECT_CONTENTSCROLLED = 0x8015;
    /** EVENT_OBJECT_CLOAKED. */
    public static final int EVENT_OBJECT_CLOAKED = 0x8017;
    /** EVENT_OBJECT_UNCLOAKED. */
    public static final int EVENT_OBJECT_UNCLOAKED = 0x8018;
    /** EVENT_OBJECT_LIVEREGIONCHANGED. */
    public static final int EVENT_OBJECT_LIVEREGIONCHANGED = 0x8019;
    /** EVENT_OBJECT_HOSTEDOBJECTSINVALIDATED. */
    public static final int EVENT_OBJECT_HOSTEDOBJECTSINVALIDATED = 0x8020;
    /** EVENT_OBJECT_DRAGSTART. */
    public static final int EVENT_OBJECT_DRAGSTART = 0x8021;
    /** EVENT_OBJECT_DRAGCANCEL. */
    public static final int EVENT_OBJECT_DRAGCANCEL = 0x8022;
    /** EVENT_OBJECT_DRAGCOMPLETE. */
    public static final int EVENT_OBJECT_DRAGCOMPLETE = 0x8023;
    /** EVENT_OBJECT_DRAGENTER. */
    public static final int EVENT_OBJECT_DRAGENTER = 0x8024;
    /** EVENT_OBJECT_DRAGLEAVE. */
    public static final int EVENT_OBJECT_DRAGLEAVE = 0x8025;
    /** EVENT_OBJECT_DRAGDROPPED. */
    public static final int EVENT_OBJECT_DRAGDROPPED = 0x8026;
    /** EVENT_OBJECT_IME_SHOW. */
    public static final int EVENT_OBJECT_IME_SHOW = 0x8027;
    /** EVENT_OBJECT_IME_HIDE. */
    public static final int EVENT_OBJECT_IME_HIDE = 0x8028;
    /** EVENT_OBJECT_IME_CHANGE. */
    public static final int EVENT_OBJECT_IME_CHANGE = 0x8029;
    /** EVENT_OBJECT_TEXTEDIT_CONVERSIONTARGETCHANGED. */
    public static final int EVENT_OBJECT_TEXTEDIT_CONVERSIONTARGETCHANGED = 0x8030;

    /** Out-of-context: queued, asynchronous, in order, on the hook's side ({@code WINEVENT_OUTOFCONTEXT}). */
    public static final int WINEVENT_OUTOFCONTEXT = 0x0000;
    /** Skip events notified by the thread that set the hook ({@code WINEVENT_SKIPOWNTHREAD}). */
    public static final int WINEVENT_SKIPOWNTHREAD = 0x0001;
    /** Skip events notified by the hook's own client context ({@code WINEVENT_SKIPOWNPROCESS}). */
    public static final int WINEVENT_SKIPOWNPROCESS = 0x0002;
    /** In-context: synchronous, in the notifying thread ({@code WINEVENT_INCONTEXT}). */
    public static final int WINEVENT_INCONTEXT = 0x0004;

    /** {@code OBJID_WINDOW}. */
    public static final int OBJID_WINDOW = 0;
    /** {@code OBJID_SYSMENU}. */
    public static final int OBJID_SYSMENU = -1;
    /** {@code OBJID_TITLEBAR}. */
    public static final int OBJID_TITLEBAR = -2;
    /** {@code OBJID_MENU}. */
    public static final int OBJID_MENU = -3;
    /** {@code OBJID_CLIENT}. */
    public static final int OBJID_CLIENT = -4;
    /** {@code OBJID_VSCROLL}. */
    public static final int OBJID_VSCROLL = -5;
    /** {@code OBJID_HSCROLL}. */
    public static final int OBJID_HSCROLL = -6;
    /** {@code OBJID_SIZEGRIP}. */
    public static final int OBJID_SIZEGRIP = -7;
    /** {@code OBJID_CARET}. */
    public static final int OBJID_CARET = -8;
    /** {@code OBJID_CURSOR}. */
    public static final int OBJID_CURSOR = -9;
    /** {@code OBJID_ALERT}. */
    public static final int OBJID_ALERT = -10;
    /** {@code OBJID_SOUND}. */
    public static final int OBJID_SOUND = -11;
    /** {@code OBJID_QUERYCLASSNAMEIDX}. */
    public static final int OBJID_QUERYCLASSNAMEIDX = -12;
    /** {@code OBJID_NATIVEOM}. */
    public static final int OBJID_NATIVEOM = -16;
    /** The object itself rather than a child. */
    public static final int CHILDID_SELF = 0;

    private static final Map<Integer, String> NAMES = names();

    private WinEvents() {
    }

    private static Map<Integer, String> names() {
        Map<Integer, String> m = new HashMap<>();
        for (Field f : WinEvents.class.getFields()) {
            String n = f.getName();
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class
                    && (n.startsWith("EVENT_SYSTEM_") || n.startsWith("EVENT_CONSOLE_") || n.startsWith("EVENT_OBJECT_"))
                    && !n.endsWith("_START") && !n.endsWith("_END")) {
                try {
                    m.put(f.getInt(null), n);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("public constant " + n + " is not readable", e);
                }
            }
        }
        return Map.copyOf(m);
    }

    /**
     * Returns the {@code winuser.h} name of a system, console or object event.
     *
     * @param event an event ID
     * @return for example {@code "EVENT_OBJECT_CREATE"}, or null when the ID has no constant
     */
    public static String name(int event) {
        return NAMES.get(event);
    }
}
