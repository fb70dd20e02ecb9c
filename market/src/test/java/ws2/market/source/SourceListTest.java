package ws2.market.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.market.Fixtures;
import ws2.market.Source;

/** The source list, saved and reloaded (issue 7). */
class SourceListTest {
    @TempDir
    Path dir;

    private SourceList open() throws WsaException {
        SourceFile file = new SourceFile(dir);
        return new SourceList(file, new IndexReader(), file.load());
    }

    @Test
    void sourcesSurviveARestartAndTheirIndexesAreReadOnFirstUse() throws WsaException {
        String small = Fixtures.url("small-index.xml");
        String offered = Fixtures.url("offered.xml");
        SourceList list = open();
        assertEquals(new Source(small, List.of("AB12", "CD34"), 2), list.add(small, List.of("AB12", "CD34")));
        list.add(offered, List.of());
        list.add(small, List.of("EF56"));

        SourceList again = open();
        assertEquals(List.of(new Source(small, List.of("EF56"), 2), new Source(offered, List.of(), 4)), again.sources());
        assertEquals(6, again.indexes().stream().mapToInt(i -> i.resources().size()).sum());
    }

    @Test
    void aFailedAddOrRemoveChangesNothing() throws WsaException {
        SourceList list = open();
        list.add(Fixtures.url("offered.xml"), List.of());
        String missing = dir.resolve("nope.xml").toUri().toString();
        assertEquals(WsaError.WSANO_RECOVERY, assertThrows(WsaException.class, () -> list.add(missing, List.of())).error());
        assertEquals(WsaError.WSAEINVAL, assertThrows(WsaException.class, () -> list.remove(missing)).error());
        assertEquals(WsaError.WSAEINVAL,
                assertThrows(WsaException.class, () -> list.add(Fixtures.url("offered.xml"), List.of("a,b"))).error());
        assertEquals(1, open().sources().size());
        list.remove(Fixtures.url("offered.xml"));
        assertEquals(List.of(), open().sources());
    }
}
