package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.bus.impl.Codes.code;

import java.util.List;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.AccessibleConstants;
import winevent.AccessibleObject;
import winevent.AccessibleObjects;
import winevent.EventTriple;
import winevent.WinEventError;
import winevent.WinEventException;
import winevent.WinEvents;

/** Windows and AccessibleObjectFromEvent (requirement 7). */
class AccessibleObjectsTest {
    @AutoClose
    private final Fixture f = new Fixture();
    private final AccessibleObjects server = f.objects(12, Fixture.SYSTEM);
    private final AccessibleObjects client = f.objects(40, "client");

    private static AccessibleObject item(String name) {
        return new AccessibleObject(name, AccessibleConstants.ROLE_SYSTEM_LISTITEM, AccessibleConstants.STATE_SYSTEM_NORMAL,
                "", "", new EventTriple(1, WinEvents.OBJID_CLIENT, 0), List.of());
    }

    @Test
    void windowsHavePositiveHandlesAndAreFoundByName() {
        long catalog = server.createWindow("catalog", (o, c) -> null);
        long sockets = server.createWindow("sockets", (o, c) -> null);
        assertTrue(catalog > 0 && sockets > 0);
        assertNotEquals(catalog, sockets);
        assertEquals(catalog, client.findWindow("catalog"));
        assertEquals(0, client.findWindow("nothing"));
        long second = client.createWindow("catalog", (o, c) -> null);
        assertEquals(catalog, client.findWindow("catalog"));
        server.destroyWindow(catalog);
        assertEquals(second, client.findWindow("catalog"));
    }

    @Test
    void onlyTheOwnerDestroysALiveWindow() {
        long w = server.createWindow("w", (o, c) -> null);
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> client.destroyWindow(w)));
        server.destroyWindow(w);
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> server.destroyWindow(w)));
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> server.destroyWindow(12345)));
    }

    @Test
    void theSourceDescribesTheObjectOfAnEvent() {
        AccessibleObject seven = item("socket 7");
        long w = server.createWindow("sockets", (o, c) -> o == WinEvents.OBJID_CLIENT && c == 7 ? seven : null);
        assertSame(seven, client.accessibleObjectFromEvent(w, WinEvents.OBJID_CLIENT, 7));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER,
                code(() -> client.accessibleObjectFromEvent(w, WinEvents.OBJID_CLIENT, 8)));
    }

    @Test
    void anUnknownOrDestroyedWindowIsAnInvalidHandle() {
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> client.accessibleObjectFromEvent(999, 0, 0)));
        long w = server.createWindow("gone", (o, c) -> item("x"));
        server.destroyWindow(w);
        assertEquals(WinEventError.ERROR_INVALID_HANDLE, code(() -> client.accessibleObjectFromEvent(w, 0, 0)));
    }

    @Test
    void aFailingSourceIsAnInvalidParameterNamingTheCause() {
        IllegalStateException boom = new IllegalStateException("socket table locked");
        long w = server.createWindow("sockets", (o, c) -> {
            throw boom;
        });
        WinEventException e = assertThrows(WinEventException.class, () -> client.accessibleObjectFromEvent(w, -4, 3));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, e.error());
        assertSame(boom, e.getCause());
        assertTrue(e.getMessage().contains("socket table locked") && e.getMessage().contains("sockets"), e.getMessage());
    }

    @Test
    void aWindowNeedsANameAndASource() {
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> server.createWindow(null, (o, c) -> null)));
        assertEquals(WinEventError.ERROR_INVALID_PARAMETER, code(() -> server.createWindow("x", null)));
    }

    @Test
    void theWindowsListing() {
        server.createWindow("catalog", (o, c) -> null);
        String listing = new Listings(f.desktop).windows();
        assertTrue(listing.contains("catalog") && listing.contains(Fixture.SYSTEM + " [12]"), listing);
        assertInstanceOf(String.class, listing);
    }
}
