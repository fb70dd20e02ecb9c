package ws2.provider.memory;

import java.nio.ByteBuffer;

/**
 * One direction of a connection: a bounded byte pipe, the in-memory counterpart of a TCP send and
 * receive buffer. Its capacity is the sender's {@code SO_SNDBUF} (or the receiver's
 * {@code SO_RCVBUF}, whichever was set last), so a non-blocking send meets {@code WSAEWOULDBLOCK}
 * when the reader falls behind.
 *
 * <p>Besides the bytes it carries the state of its direction: the writer's end of stream (a
 * {@code FIN}, with the disconnect data of {@code WSPSendDisconnect}), the reader's
 * {@code SD_RECEIVE} and a reset of the connection. The ring grows on demand up to the capacity and
 * gives back a large array once drained, so an idle connection holds little memory.
 *
 * <p>Thread-safe: a leaf lock (this object's monitor) guards it, taken under an endpoint's lock or
 * none; the writer's operations run under the writing endpoint's lock and the reader's under the
 * reading one's.
 */
final class Pipe {
    /** {@link #read} result: the writer ended the stream and every byte was read. */
    static final int END = -1;
    /** {@link #read} and {@link #write} result: the connection was reset, or the reader shut receiving down. */
    static final int RESET = -2;

    private static final byte[] NONE = {};
    private static final int FIRST_ARRAY = 1024;
    private static final int KEPT_ARRAY = 8 * 1024;

    private byte[] ring = NONE;
    private int head;
    private int count;
    private int capacity;
    private boolean finished;
    private boolean reset;
    private boolean readerShutdown;
    private byte[] disconnectData;
    private volatile Endpoint reader;

    /**
     * Makes an empty pipe.
     *
     * @param capacity the most bytes it holds
     */
    Pipe(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Returns the endpoint that reads this pipe: the one to serve after bytes were written.
     *
     * @return the reader, or null while the connection waits in a backlog
     */
    Endpoint reader() {
        return reader;
    }

    /**
     * Sets the reading endpoint, once, when it is ready to be served.
     *
     * @param endpoint the reader
     */
    void reader(Endpoint endpoint) {
        reader = endpoint;
    }

    /**
     * Copies from the buffers, in order, what fits; advances their positions.
     *
     * @param srcs the data
     * @return bytes taken (0 when full), or {@link #RESET}
     */
    synchronized int write(ByteBuffer[] srcs) {
        if (reset || readerShutdown) {
            return RESET;
        }
        long wanted = 0;
        for (ByteBuffer src : srcs) {
            wanted += src.remaining();
        }
        int n = (int) Math.min(wanted, Math.max(0, capacity - count));
        if (n == 0) {
            return 0;
        }
        grow(count + n);
        int tail = (head + count) % ring.length;
        int left = n;
        for (int i = 0; left > 0; i++) {
            ByteBuffer src = srcs[i];
            int take = Math.min(left, src.remaining());
            int first = Math.min(take, ring.length - tail);
            src.get(ring, tail, first);
            src.get(ring, 0, take - first);
            tail = (tail + take) % ring.length;
            left -= take;
        }
        count += n;
        return n;
    }

    /**
     * Copies into the buffers, in order, what is there; advances their positions.
     *
     * @param dsts where the bytes go, with room for at least one
     * @param peek leave the bytes in the pipe ({@code MSG_PEEK})
     * @return bytes copied (0 when empty), {@link #END} or {@link #RESET}
     */
    synchronized int read(ByteBuffer[] dsts, boolean peek) {
        if (reset) {
            return RESET;
        }
        if (count == 0) {
            return finished ? END : 0;
        }
        int at = head;
        int n = 0;
        for (int i = 0; i < dsts.length && n < count; i++) {
            ByteBuffer dst = dsts[i];
            int take = Math.min(count - n, dst.remaining());
            int first = Math.min(take, ring.length - at);
            dst.put(ring, at, first);
            dst.put(ring, 0, take - first);
            at = (at + take) % ring.length;
            n += take;
        }
        if (!peek) {
            count -= n;
            head = count == 0 ? 0 : at;
            if (count == 0 && ring.length > KEPT_ARRAY) {
                ring = NONE;
            }
        }
        return n;
    }

    /** Makes room for {@code needed} bytes, keeping their order; the caller holds the monitor. */
    private void grow(int needed) {
        if (ring.length >= needed) {
            return;
        }
        byte[] bigger = new byte[Math.max(needed, Math.min(capacity, Math.max(FIRST_ARRAY, ring.length * 2)))];
        int first = Math.min(count, ring.length - head);
        System.arraycopy(ring, head, bigger, 0, first);
        System.arraycopy(ring, 0, bigger, first, count - first);
        ring = bigger;
        head = 0;
    }

    /**
     * Returns what a receive can take now ({@code FIONREAD}).
     *
     * @return bytes waiting, 0 after a reset
     */
    synchronized int available() {
        return reset ? 0 : count;
    }

    /**
     * Tells whether a receive would return at once: data, the end of the stream or a reset.
     *
     * @return true if a reader would not wait
     */
    synchronized boolean canRead() {
        return reset || finished || count > 0;
    }

    /**
     * Tells whether a send would return at once: room, or a failure.
     *
     * @return true if a writer would not wait
     */
    synchronized boolean canWrite() {
        return reset || readerShutdown || count < capacity;
    }

    /**
     * Tells whether the connection was reset.
     *
     * @return true after a reset
     */
    synchronized boolean isReset() {
        return reset;
    }

    /**
     * Tells whether the writer ended the stream and the reader took every byte.
     *
     * @return true at a graceful end of stream
     */
    synchronized boolean isEnded() {
        return !reset && finished && count == 0;
    }

    /**
     * Tells whether every byte written was taken (or can never be).
     *
     * @return true when nothing waits for the reader
     */
    synchronized boolean isDrained() {
        return reset || readerShutdown || count == 0;
    }

    /**
     * Ends the stream after the bytes already written (a {@code FIN}).
     *
     * @param data disconnect data for the reader's {@code WSPRecvDisconnect}, or null
     * @return false if the stream had already ended
     */
    synchronized boolean finish(byte[] data) {
        if (finished) {
            return false;
        }
        finished = true;
        disconnectData = data;
        return true;
    }

    /**
     * Returns the disconnect data the writer ended the stream with.
     *
     * @return the bytes (not to be modified), or null
     */
    synchronized byte[] disconnectData() {
        return disconnectData;
    }

    /**
     * The reader stops receiving ({@code SD_RECEIVE}): waiting bytes are dropped and later writes
     * fail. As with TCP, the caller resets the connection if bytes were dropped.
     *
     * @return true if unread bytes were dropped
     */
    synchronized boolean shutdownReader() {
        readerShutdown = true;
        boolean dropped = count > 0;
        drop();
        return dropped;
    }

    /** Resets this direction: its bytes are dropped, reads and writes fail. */
    synchronized void reset() {
        reset = true;
        drop();
    }

    private void drop() {
        ring = NONE;
        head = 0;
        count = 0;
    }

    /**
     * Returns the capacity.
     *
     * @return the most bytes the pipe holds
     */
    synchronized int capacity() {
        return capacity;
    }

    /**
     * Changes the capacity ({@code SO_SNDBUF} of the writer, {@code SO_RCVBUF} of the reader); bytes
     * beyond a lowered capacity stay until read.
     *
     * @param bytes the new capacity
     */
    synchronized void capacity(int bytes) {
        capacity = bytes;
    }
}
