package ws2.core.upcall;

import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import ws2.api.WindowHandle;
import ws2.core.socket.HandleTable;

/**
 * A message window ({@code HWND} stand-in) with its queue: {@code WPUPostMessage} posts to it and
 * its client pumps it.
 */
public final class MessageWindow extends HandleTable.Handle implements WindowHandle {
    /**
     * One posted message.
     *
     * @param message the message number
     * @param wParam first parameter
     * @param lParam second parameter
     */
    public record Message(int message, long wParam, long lParam) {
    }

    private final Object owner;
    private final LinkedBlockingQueue<Message> queue = new LinkedBlockingQueue<>();

    /**
     * Creates a window; called by the handle table.
     *
     * @param value the handle value
     * @param owner the owning client context
     */
    public MessageWindow(long value, Object owner) {
        super(value);
        this.owner = Objects.requireNonNull(owner, "owner");
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
    public boolean post(Message m) {
        return !isReleased() && queue.offer(m);
    }

    /**
     * Takes the next message ({@code GetMessage} with a time limit).
     *
     * @param timeout how long to wait
     * @param unit the unit
     * @return the message, or null if none came in time
     * @throws InterruptedException if the thread was interrupted
     */
    public Message take(long timeout, TimeUnit unit) throws InterruptedException {
        return queue.poll(timeout, unit);
    }

    @Override
    public String toString() {
        return "window " + value();
    }
}
