package ws2.provider.tls;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** One end of an in-memory, blocking byte stream pair: what a connected lower socket is to a {@link TlsConnection}. */
final class MemoryWire implements Wire {
    /** One direction: bytes written, not yet read. */
    private static final class Direction {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int read;
        private boolean closed;

        synchronized void write(ByteBuffer src) {
            while (src.hasRemaining()) {
                bytes.write(src.get());
            }
            notifyAll();
        }

        synchronized int read(ByteBuffer dst) throws InterruptedException {
            while (read == bytes.size() && !closed) {
                wait();
            }
            byte[] all = bytes.toByteArray();
            int n = Math.min(dst.remaining(), all.length - read);
            dst.put(all, read, n);
            read += n;
            return n;
        }

        synchronized void close() {
            closed = true;
            notifyAll();
        }
    }

    private final Direction in;
    private final Direction out;
    /** Every byte this end wrote, to check what went on the wire. */
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    private MemoryWire(Direction in, Direction out) {
        this.in = in;
        this.out = out;
    }

    static MemoryWire[] pair() {
        Direction ab = new Direction();
        Direction ba = new Direction();
        return new MemoryWire[] {new MemoryWire(ba, ab), new MemoryWire(ab, ba)};
    }

    @Override
    public int read(ByteBuffer dst) {
        try {
            return in.read(dst);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void write(ByteBuffer src) {
        ByteBuffer copy = src.duplicate();
        byte[] b = new byte[copy.remaining()];
        copy.get(b);
        written.writeBytes(b);
        out.write(src);
    }

    /** Ends this end's output stream without close_notify, as a peer that drops the connection. */
    void closeOutput() {
        out.close();
    }
}
