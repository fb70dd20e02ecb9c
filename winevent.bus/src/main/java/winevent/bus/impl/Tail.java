package winevent.bus.impl;

import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import winevent.WinEventBus;
import winevent.WinEventHook;
import winevent.WinEventProc;
import winevent.WinEvents;

/**
 * {@code winevent:tail}: prints events live, one line each, through an out-of-context hook, until
 * a count or a time is reached or the waiting thread is interrupted. Lines go to the given stream
 * (the shell session's console): they are printed by the hook's delivery thread, not by the
 * thread that runs the command.
 */
final class Tail implements WinEventProc {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final WinEventBus bus;
    private final PrintStream out;
    private final long limit;
    private final CountDownLatch reached = new CountDownLatch(1);
    /** Lines printed; touched by the delivery thread only, read after the unhook joined it. */
    private long printed;

    /**
     * Prepares a tail.
     *
     * @param bus the bus to hook, as the tailing context
     * @param out where lines go
     * @param limit events to print before stopping, 0 for no limit
     */
    Tail(WinEventBus bus, PrintStream out, long limit) {
        this.bus = bus;
        this.out = out;
        this.limit = limit;
    }

    /**
     * Hooks {@code [min, max]}, prints until the limit, the time or an interrupt, then unhooks.
     *
     * @param min the lowest event ID
     * @param max the highest event ID
     * @param seconds how long to run at most, 0 for no limit
     * @return the number of events printed
     * @throws InterruptedException if the thread was interrupted (the hook is removed first)
     */
    long run(int min, int max, long seconds) throws InterruptedException {
        WinEventHook hook = bus.setWinEventHook(min, max, null, this, 0, 0, WinEvents.WINEVENT_OUTOFCONTEXT);
        try {
            if (seconds > 0) {
                reached.await(seconds, TimeUnit.SECONDS);
            } else {
                reached.await();
            }
        } finally {
            bus.unhookWinEvent(hook);
        }
        return printed;
    }

    @Override
    public void onEvent(WinEventHook hook, int event, long hwnd, int idObject, int idChild, long eventThread,
            long eventTime) {
        if (limit > 0 && printed >= limit) {
            return;
        }
        out.println(line(event, hwnd, idObject, idChild, eventThread, eventTime));
        out.flush();
        if (++printed == limit) {
            reached.countDown();
        }
    }

    private String line(int event, long hwnd, int idObject, int idChild, long eventThread, long eventTime) {
        return String.format("%s  %s %-36s hwnd=%d idObject=%d idChild=%d thread=%d",
                TIME.format(Instant.ofEpochMilli(eventTime)), EventNames.hex(event), EventNames.label(event, bus), hwnd,
                idObject, idChild, eventThread);
    }
}
