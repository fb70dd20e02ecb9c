package winevent.bus.impl;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import winevent.WinEventBus;
import winevent.WinEvents;

/**
 * The {@code winevent:*} Gogo commands. Listings are returned as text for the shell to print;
 * {@code tail} prints on the session's console as events arrive. Satisfied only where Gogo runs
 * (the {@code gogo} reference), so SCR never loads this class without the Gogo API.
 */
@Component(service = WinEventCommands.class, reference = @Reference(name = "gogo", service = CommandProcessor.class),
        property = {
    "osgi.command.scope=winevent",
    "osgi.command.function=tail",
    "osgi.command.function=hooks",
    "osgi.command.function=atoms",
    "osgi.command.function=windows"
})
public final class WinEventCommands {
    private final Listings listings;
    private final WinEventBus bus;

    /**
     * Creates the commands.
     *
     * @param runtime the bus, for the listings
     * @param bus the bus as the winevent.bus bundle's own context, for {@code tail}'s hooks
     */
    @Activate
    public WinEventCommands(@Reference WinEventRuntime runtime, @Reference WinEventBus bus) {
        this(new Listings(runtime.desktop()), bus);
    }

    WinEventCommands(Listings listings, WinEventBus bus) {
        this.listings = listings;
        this.bus = bus;
    }

    /**
     * {@code winevent:hooks}.
     *
     * @return the table of hooks
     */
    @Descriptor("lists every hook: owner, module, range, flags, filters, mode, state, delivered, pending, dropped,"
            + " failures")
    public String hooks() {
        return listings.hooks();
    }

    /**
     * {@code winevent:atoms}.
     *
     * @return the table of atoms
     */
    @Descriptor("lists every atom: ID, string, total references and references per bundle")
    public String atoms() {
        return listings.atoms();
    }

    /**
     * {@code winevent:windows}.
     *
     * @return the table of windows
     */
    @Descriptor("lists every window: handle, owner bundle and name")
    public String windows() {
        return listings.windows();
    }

    /**
     * {@code winevent:tail [-n count] [-s seconds] [min [max]]}.
     *
     * @param session the shell session, whose console gets the lines
     * @param count events to print before stopping, 0 for no limit
     * @param seconds seconds to run at most, 0 for no limit
     * @param range nothing for every event, one ID, or the lowest and highest ID
     */
    @Descriptor("prints events as they are notified (time, ID, name, hwnd, idObject, idChild, thread) until"
            + " interrupted, or until a count or a time")
    public void tail(CommandSession session,
            @Descriptor("stop after this many events") @Parameter(names = {"-n", "--count"}, absentValue = "0")
            long count,
            @Descriptor("stop after this many seconds") @Parameter(names = {"-s", "--seconds"}, absentValue = "0")
            long seconds,
            @Descriptor("[min [max]]: event IDs, decimal or 0x-hexadecimal; all by default, min alone is one ID")
            String... range) {
        if (range.length > 2) {
            throw new IllegalArgumentException("tail takes at most two event IDs, min and max, not " + range.length);
        }
        int min = range.length > 0 ? Integer.decode(range[0]) : WinEvents.EVENT_MIN;
        int max = range.length > 1 ? Integer.decode(range[1]) : range.length == 1 ? min : WinEvents.EVENT_MAX;
        try {
            new Tail(bus, session.getConsole(), count).run(min, max, seconds);
        } catch (InterruptedException e) {
            // Ctrl-C: the hook is already removed; leave the flag for the shell.
            Thread.currentThread().interrupt();
        }
    }
}
