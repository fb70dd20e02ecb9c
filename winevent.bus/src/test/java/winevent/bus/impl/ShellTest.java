package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static winevent.WinEvents.WINEVENT_INCONTEXT;
import static winevent.WinEvents.WINEVENT_SKIPOWNPROCESS;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.felix.gogo.runtime.CommandProcessorImpl;
import org.apache.felix.gogo.runtime.threadio.ThreadIOImpl;
import org.apache.felix.service.command.CommandSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

import winevent.WinEventBus;
import winevent.WinEvents;

/** The winevent:* commands through a real Gogo command processor (requirement 9). */
class ShellTest {
    @AutoClose
    private final Fixture f = new Fixture();
    private final WinEventBus own = f.bus(5, "winevent.bus");
    private final WinEventBus system = f.bus(12, Fixture.SYSTEM);
    private final ThreadIOImpl io = new ThreadIOImpl();
    private final CommandProcessorImpl processor;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CommandSession session;

    ShellTest() {
        io.start();
        processor = new CommandProcessorImpl(io);
        processor.addCommand("winevent", new WinEventCommands(new Listings(f.desktop), own));
        session = processor.createSession(new ByteArrayInputStream(new byte[0]), console, console);
    }

    @AfterEach
    void close() {
        session.close();
        processor.stop();
        io.stop();
    }

    private String run(String command) throws Exception {
        Object result = session.execute(command);
        return result == null ? "" : result.toString();
    }

    @Test
    void hooksListsOwnerModuleRangeFlagsFiltersModeStateAndCounts() throws Exception {
        system.setWinEventHook(0x8000, 0x80FF, FakeBundles.bundle(12, Fixture.SYSTEM), new Recorder(), 40, 0,
                WINEVENT_INCONTEXT | WINEVENT_SKIPOWNPROCESS);
        String listing = run("winevent:hooks");
        List<String> lines = listing.lines().toList();
        assertEquals(2, lines.size(), listing);
        assertTrue(lines.get(0).contains("DELIVERED") && lines.get(0).contains("FAILURES"), listing);
        String row = lines.get(1);
        for (String part : new String[] {"ws2.core [12]", "0x8000-0x80FF", "INCONTEXT|SKIPOWNPROCESS", " 40 ",
            "in-context", "ACTIVE"}) {
            assertTrue(row.contains(part), part + " in " + row);
        }
    }

    @Test
    void atomsListsStringsAndReferencesPerBundle() throws Exception {
        int atom = system.addAtom("{Shared}");
        system.addAtom("{shared}");
        own.addAtom("{SHARED}");
        String listing = run("winevent:atoms");
        assertTrue(listing.contains(EventNames.hex(atom) + "      3  {Shared}"), listing);
        assertTrue(listing.contains("ws2.core [12]=2, winevent.bus [5]=1"), listing);
    }

    @Test
    void tailPrintsEventsOnTheSessionConsoleUntilTheCount() throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread shell = new Thread(() -> {
            try {
                run("winevent:tail -n 3 0x8000 0x80FF");
            } catch (Exception e) {
                failure.set(e);
            }
        });
        shell.start();
        Await.until("tail hooked", () -> !f.engine().hooks().isEmpty());
        int atom = system.addAtom("{ignored: out of range}");
        system.notifyWinEvent(atom, 1, 0, 0);
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_CREATE, 3, -4, 7);
        system.notifyWinEvent(0x8016, 3, -4, 8);
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_DESTROY, 3, -4, 7);
        system.notifyWinEvent(WinEvents.EVENT_OBJECT_SHOW, 3, -4, 7);
        shell.join(30_000);
        assertEquals(null, failure.get());
        assertTrue(f.engine().hooks().isEmpty(), "tail unhooked");
        List<String> lines = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3}  0x8000 EVENT_OBJECT_CREATE +hwnd=3 idObject=-4"
                + " idChild=7 thread=\\d+"), lines.get(0));
        assertTrue(lines.get(1).contains("0x8016 OBJECT 0x8016"), lines.get(1));
        assertTrue(lines.get(2).contains("EVENT_OBJECT_DESTROY"), lines.get(2));
    }

    @Test
    void tailStopsAfterItsTimeAndShowsAtomStrings() throws Exception {
        int atom = system.addAtom("{My-Atom}");
        Thread notifier = new Thread(() -> {
            Await.until("tail hooked", () -> !f.engine().hooks().isEmpty());
            system.notifyWinEvent(atom, 1, 0, 0);
        });
        notifier.start();
        run("winevent:tail -s 1 " + atom);
        notifier.join();
        assertTrue(f.engine().hooks().isEmpty());
        String out = console.toString(StandardCharsets.UTF_8);
        assertTrue(out.contains(EventNames.hex(atom) + " {My-Atom}"), out);
    }

    @Test
    void windowsListsHandlesOwnersAndNames() throws Exception {
        f.objects(12, Fixture.SYSTEM).createWindow("ws2 catalog", (o, c) -> null);
        assertTrue(run("winevent:windows").contains("ws2.core [12]            ws2 catalog"));
    }
}
