package ws2.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ws2.catalog.CatalogView.NATIVE;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;

/** A change is persisted before it is published; a failed write publishes nothing. */
class CatalogStoreTest {

    @Test
    void aChangeIsSavedThenPublishedAndListenersSeeIt() throws WsaException {
        List<CatalogData> saved = new ArrayList<>();
        List<CatalogData> told = new ArrayList<>();
        CatalogStore store = new CatalogStore(CatalogData.EMPTY, saved::add);
        store.addListener(told::add);
        store.change(e -> {
            e.installProvider(NATIVE, Entries.TCPIP, "p", Entries.tcpip());
            return null;
        });
        assertEquals(1, saved.size());
        assertSame(store.data(), saved.get(0));
        assertEquals(List.of(store.data()), told);
        store.change(e -> null);
        assertEquals(1, saved.size(), "a change that changes nothing is not written");
    }

    @Test
    void aFailedWriteLeavesTheCatalogAsItWas() {
        CatalogStore store = new CatalogStore(CatalogData.EMPTY, d -> {
            throw new IOException("disk full");
        });
        WsaException e = assertThrows(WsaException.class, () -> store.change(ed -> {
            ed.installProvider(NATIVE, Entries.TCPIP, "p", Entries.tcpip());
            return null;
        }));
        assertEquals(WsaError.WSANO_RECOVERY, e.error());
        assertSame(CatalogData.EMPTY, store.data());
    }

    @Test
    void aRefusedChangeIsNeitherWrittenNorPublished() {
        List<CatalogData> saved = new ArrayList<>();
        CatalogStore store = new CatalogStore(CatalogData.EMPTY, saved::add);
        assertThrows(WsaException.class, () -> store.change(ed -> {
            ed.deinstallProvider(NATIVE, Entries.TCPIP);
            return null;
        }));
        assertEquals(List.of(), saved);
    }
}
