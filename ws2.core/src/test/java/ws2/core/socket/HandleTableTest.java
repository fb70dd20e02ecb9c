package ws2.core.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;

/** Handle values carry a generation: a stale value never finds a newer object. */
class HandleTableTest {
    private static final class Thing extends HandleTable.Handle {
        Thing(long value) {
            super(value);
        }
    }

    @Test
    void aReusedSlotGetsANewValueAndTheOldValueFindsNothing() throws WsaException {
        HandleTable t = new HandleTable();
        Thing first = t.allocate(Thing::new, "thing");
        assertSame(first, t.lookup(first.value()));
        assertTrue(t.release(first));
        assertTrue(first.isReleased());
        assertFalse(t.release(first), "a second release is refused");
        Thing second = t.allocate(Thing::new, "thing");
        assertEquals(first.value() & ((1 << HandleTable.SLOT_BITS) - 1), second.value() & ((1 << HandleTable.SLOT_BITS) - 1),
                "the slot is reused");
        assertNotEquals(first.value(), second.value());
        assertNull(t.lookup(first.value()), "the stale value finds nothing");
        assertSame(second, t.lookup(second.value()));
    }

    @Test
    void valuesAreNeverZeroAndUnknownValuesFindNothing() throws WsaException {
        HandleTable t = new HandleTable();
        assertTrue(t.allocate(Thing::new, "thing").value() > 0);
        assertNull(t.lookup(0));
        assertNull(t.lookup(-1));
        assertNull(t.lookup(123456789L));
    }

    @Test
    void aFullTableRefusesWithNoBufs() throws WsaException {
        HandleTable t = new HandleTable(3);
        t.allocate(Thing::new, "thing");
        Thing b = t.allocate(Thing::new, "thing");
        WsaException e = assertThrows(WsaException.class, () -> t.allocate(Thing::new, "socket"));
        assertEquals(WsaError.WSAENOBUFS, e.error());
        t.release(b);
        Thing c = t.allocate(Thing::new, "thing");
        assertSame(c, t.lookup(c.value()), "a released slot serves again");
    }
}
