package ws2.core.upcall;

import java.util.Objects;

import ws2.api.WindowHandle;
import ws2.api.WindowMessage;
import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.core.socket.HandleTable;

/**
 * A message window ({@code HWND} stand-in) with its queue: {@code WPUPostMessage} posts to it and
 * its client pumps it. Destroying it wakes the threads pumping it with {@code WSAEINVAL}.
 */
public final class MessageWindow extends HandleTable.Handle implements WindowHandle {
    private final Object owner;
    private final HandleQueue<WindowMessage> queue;

    /**
     * Creates a window; called by the handle table.
     *
     * @param value the handle value
     * @param owner the owning client context
     */
    public MessageWindow(long value, Object owner) {
        super(value);
        this.owner = Objects.requireNonNull(owner, "owner");
        this.queue = new HandleQueue<>(WsaError.WSAEINVAL, "window " + value + " is destroyed");
    }

    /**
     * Returns the owning context.
     *
     * @return the owner
     */
    public Object owner() {
        return owner;
    }

    /**
     * Posts a message ({@code PostMessage}).
     *
     * @param m the message
     * @return false if the window was destroyed
     */
    public boolean post(WindowMessage m) {
        return !isReleased() && queue.offer(m);
    }

    /**
     * Takes the next message ({@code GetMessage} with a time limit).
     *
     * @param timeoutNanos how long to wait; negative waits for ever, zero polls
     * @return the message, or null if none came in time
     * @throws WsaException {@code WSAEINVAL} once the window is destroyed, {@code WSAEINTR} if the
     *         thread is interrupted
     */
    public WindowMessage take(long timeoutNanos) throws WsaException {
        return queue.take(timeoutNanos);
    }

    /** Drops the queued messages and wakes every pumping thread; called once the window is released. */
    public void destroy() {
        queue.close();
    }

    @Override
    public String toString() {
        return "window " + value();
    }
}
