package ws2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** fd_set, error codes and exceptions. */
class ValuesTest {
    private static SocketHandle handle(long v) {
        return new SocketHandle() {
            @Override
            public long value() {
                return v;
            }

            @Override
            public int catalogEntryId() {
                return 1001;
            }

            @Override
            public IfsHandle ifsHandle() {
                return null;
            }
        };
    }

    @Test
    void fdSetIsAnOrderedArrayWithACapacity() {
        SocketHandle a = handle(1);
        SocketHandle b = handle(2);
        SocketHandle c = handle(3);
        FdSet set = new FdSet(2);
        assertTrue(set.set(a));
        assertTrue(set.set(a), "setting a member again changes nothing");
        assertTrue(set.set(b));
        assertFalse(set.set(c), "a full set refuses, as FD_SET silently does");
        assertEquals(2, set.count());
        set.clear(a);
        assertEquals(b, set.get(0));
        assertFalse(set.isSet(a));
        set.zero();
        assertEquals(0, set.count());
    }

    @Test
    void errorCodesHaveTheirWindowsValues() {
        assertEquals(10038, WsaError.WSAENOTSOCK.code());
        assertEquals(10035, WsaError.WSAEWOULDBLOCK.code());
        assertEquals(11003, WsaError.WSANO_RECOVERY.code());
        assertEquals(WsaError.WSAEPROVIDERFAILEDINIT, WsaError.of(10106));
        assertThrows(IllegalArgumentException.class, () -> WsaError.of(12345));
    }

    @Test
    void wouldBlockIsStacklessAndNotShared() {
        WsaException a = WsaException.wouldBlock();
        WsaException b = WsaException.wouldBlock();
        assertNotSame(a, b);
        assertEquals(0, a.getStackTrace().length);
        assertEquals(WsaError.WSAEWOULDBLOCK, a.error());
        assertTrue(a.getMessage().startsWith("WSAEWOULDBLOCK (10035): "));
        WsaException full = new WsaException(WsaError.WSAEINVAL, "bad");
        assertTrue(full.getStackTrace().length > 0, "ordinary failures keep their stack");
    }
}
