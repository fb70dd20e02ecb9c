package ws2.spi.transport;

import java.util.Arrays;

import ws2.api.EventHandle;
import ws2.api.NetworkEvents;
import ws2.api.SocketHandle;
import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaException;
import ws2.spi.upcall.Upcall;

/**
 * The network-event selection of one socket ({@code WSPEventSelect} or {@code WSPAsyncSelect}) and
 * its record ({@code WSPEnumNetworkEvents}), with Winsock's rules, for providers to share: an
 * event selected and enabled is recorded once, then waits for its re-enabling call
 * ({@link #reenable}); {@code FD_WRITE} is due at connect and accept and after a send that would
 * block ({@link #armWrite}), and recorded once there is room. The provider decides when conditions
 * hold; this class keeps the bits and signals the event ({@code WPUSetEvent}) or posts the message
 * ({@code WPUPostMessage}, {@code WSAMAKESELECTREPLY}) through the upcalls of the descriptor that
 * made the selection.
 *
 * <p>Not thread-safe: the provider guards it with the socket's lock. A new selection replaces the
 * old one and clears the record; selecting no events cancels it.
 */
public final class NetworkEventSelection {
    /**
     * What an accepted socket inherits of its listener's selection.
     *
     * @param event the event object, or null
     * @param window the window, or null
     * @param message the message number
     * @param events the {@code FD_*} bits
     */
    public record Snapshot(EventHandle event, WindowHandle window, int message, int events) {
    }

    private static final NetworkEvents NONE = new NetworkEvents(0, new int[NetworkEvents.FD_MAX_EVENTS]);

    private SocketHandle via;
    private Upcall upcall;
    private EventHandle event;
    private WindowHandle window;
    private int message;
    private int selected;
    private int enabled;
    private int recorded;
    private final int[] errors = new int[NetworkEvents.FD_MAX_EVENTS];
    private boolean writeArmed;

    /**
     * Replaces the selection and clears the record.
     *
     * @param newVia the descriptor that selects: messages carry it as {@code wParam}
     * @param newUpcall the upcalls of that descriptor's provider instance
     * @param newEvent the event to signal ({@code WSPEventSelect}), or null
     * @param newWindow the window to post to ({@code WSPAsyncSelect}), or null
     * @param newMessage the message number
     * @param events {@code FD_*} bits, 0 to cancel
     * @param writable whether the socket can send now (connected, or connectionless), making
     *        {@code FD_WRITE} due
     */
    public void select(SocketHandle newVia, Upcall newUpcall, EventHandle newEvent, WindowHandle newWindow,
            int newMessage, int events, boolean writable) {
        via = events == 0 ? null : newVia;
        upcall = events == 0 ? null : newUpcall;
        event = events == 0 ? null : newEvent;
        window = events == 0 ? null : newWindow;
        message = newMessage;
        selected = events;
        enabled = events;
        recorded = 0;
        Arrays.fill(errors, 0);
        writeArmed = writable;
    }

    /**
     * Returns what an accepted socket inherits.
     *
     * @return the selection without its record
     */
    public Snapshot snapshot() {
        return new Snapshot(event, window, message, selected);
    }

    /**
     * Gives an accepted socket its listener's selection, as Winsock does; {@code FD_WRITE} is due.
     *
     * @param from the listener's selection
     * @param newVia the accepted socket's descriptor
     * @param newUpcall its upcalls
     */
    public void inherit(Snapshot from, SocketHandle newVia, Upcall newUpcall) {
        select(newVia, newUpcall, from.event(), from.window(), from.message(), from.events(), true);
    }

    /** Cancels the selection, as closing the socket does. */
    public void clear() {
        select(null, null, null, null, 0, 0, false);
    }

    /**
     * Cancels the selection if it was made through a descriptor being closed.
     *
     * @param closing the closing descriptor
     */
    public void clearIfSelectedVia(SocketHandle closing) {
        if (via == closing) {
            clear();
        }
    }

    /**
     * Tells whether events are selected, which keeps the socket non-blocking.
     *
     * @return true while selected
     */
    public boolean isActive() {
        return selected != 0;
    }

    /**
     * Tells whether an event is selected and enabled.
     *
     * @param bits {@code FD_*} bits
     * @return true if recording one of them now would report it
     */
    public boolean wants(int bits) {
        return (selected & enabled & bits) != 0;
    }

    /**
     * Tells whether an event is selected at all, enabled or not.
     *
     * @param bits {@code FD_*} bits
     * @return true if one of them is selected
     */
    public boolean selects(int bits) {
        return (selected & bits) != 0;
    }

    /**
     * Tells whether {@code FD_WRITE} is due once there is room.
     *
     * @return true after a connect, an accept or a would-block send, until recorded
     */
    public boolean writeDue() {
        return writeArmed && wants(NetworkEvents.FD_WRITE);
    }

    /**
     * The re-enabling rule: a re-enabling call for these events was made, even a failed one.
     *
     * @param bits {@code FD_*} bits
     */
    public void reenable(int bits) {
        enabled |= selected & bits;
    }

    /** A send would block: {@code FD_WRITE} is due when room appears. */
    public void armWrite() {
        writeArmed = true;
    }

    /**
     * Records an event if selected and enabled: keeps the code and signals the event object, or
     * posts the message.
     *
     * @param bit an {@code FD_*} bit
     * @param error 0 or the event's {@code WSAE*} code
     * @return false if the upcall refused (the client closed its event or destroyed its window)
     */
    public boolean record(int bit, int error) {
        if (!wants(bit)) {
            return true;
        }
        enabled &= ~bit;
        if (bit == NetworkEvents.FD_WRITE) {
            writeArmed = false;
        }
        try {
            if (window != null) {
                return upcall.postMessage(window, message, via.value(), WindowMessage.selectReply(bit, error));
            }
            errors[Integer.numberOfTrailingZeros(bit)] = error;
            recorded |= bit;
            upcall.setEvent(event);
            return true;
        } catch (WsaException e) {
            return false;
        }
    }

    /**
     * {@code WSPEnumNetworkEvents}: takes the record, resetting the event first; if the reset
     * fails, nothing is taken.
     *
     * @param caller the caller's upcalls
     * @param reset the event to reset, or null
     * @return the recorded events and their codes
     * @throws WsaException {@code WSA_INVALID_HANDLE} if {@code reset} is not an open event
     */
    public NetworkEvents take(Upcall caller, EventHandle reset) throws WsaException {
        if (recorded == 0) {
            return nothingRecorded(caller, reset);
        }
        if (reset != null) {
            caller.resetEvent(reset);
        }
        NetworkEvents taken = new NetworkEvents(recorded, errors);
        recorded = 0;
        Arrays.fill(errors, 0);
        return taken;
    }

    /**
     * {@code WSPEnumNetworkEvents} of a socket with nothing recorded, or that never selected events:
     * resets the event, if given, and reports no event.
     *
     * @param caller the caller's upcalls
     * @param reset the event to reset, or null
     * @return no events, every code 0
     * @throws WsaException {@code WSA_INVALID_HANDLE} if {@code reset} is not an open event
     */
    public static NetworkEvents nothingRecorded(Upcall caller, EventHandle reset) throws WsaException {
        if (reset != null) {
            caller.resetEvent(reset);
        }
        return NONE;
    }
}
