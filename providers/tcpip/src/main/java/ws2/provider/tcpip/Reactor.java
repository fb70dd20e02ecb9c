package ws2.provider.tcpip;

import java.io.IOException;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The selector thread of one dispatch: it watches the channels of the sockets that have asynchronous
 * work ({@code WSPEventSelect}, {@code WSPAsyncSelect}, overlapped operations) and hands each
 * readiness to the socket's {@link AsyncSocket}, which does the non-blocking I/O and indicates the
 * completions. It plays the part the kernel plays for an IFS provider on Windows.
 *
 * <p>Interest changes from other threads are queued and the selector woken; the reactor applies
 * them between selects, so only this thread touches the selection keys. It is started by the first
 * socket that needs it and stopped by {@code WSPCleanup}.
 */
final class Reactor implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(Reactor.class);

    private final Selector selector;
    private final Thread thread;
    private final Queue<AsyncSocket> changed = new ConcurrentLinkedQueue<>();
    private final List<AsyncSocket.Op> done = new ArrayList<>(); // reactor thread only: one key's completions
    private volatile boolean running = true;

    /**
     * Opens the selector and starts the thread.
     *
     * @param name the thread's name
     * @throws IOException if no selector can be opened
     */
    Reactor(String name) throws IOException {
        selector = Selector.open();
        thread = new Thread(this, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Has the reactor apply a socket's interest: at once on the reactor thread, else before its next
     * select.
     *
     * @param socket the socket whose interest changed
     */
    void update(AsyncSocket socket) {
        if (Thread.currentThread() == thread) {
            socket.applyInterest(selector);
            return;
        }
        changed.add(socket);
        selector.wakeup();
    }

    @Override
    public void run() {
        try {
            while (running) {
                for (AsyncSocket s; (s = changed.poll()) != null; ) {
                    s.applyInterest(selector);
                }
                selector.select(this::dispatch);
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                LOG.error("The tcpip reactor {} failed; asynchronous sockets of its context stop completing",
                        thread.getName(), e);
            }
        } finally {
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("Closing the selector of {}: {}", thread.getName(), e.toString());
            }
        }
    }

    /**
     * Serves one ready key. A socket closed meanwhile is skipped; a failure of one socket is logged
     * and its key cancelled, and the reactor goes on serving the others.
     */
    private void dispatch(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        try {
            ((AsyncSocket) key.attachment()).ready(key, done);
        } catch (CancelledKeyException e) {
            // the socket was closed while it was being served: its operations were aborted by the close
        } catch (RuntimeException e) {
            LOG.error("The tcpip reactor {} dropped a socket whose readiness it could not serve", thread.getName(), e);
            key.cancel();
        } finally {
            done.clear();
        }
    }

    /** Stops the thread; the sockets were closed before, which cancelled their keys. */
    void close() {
        running = false;
        selector.wakeup();
    }
}
