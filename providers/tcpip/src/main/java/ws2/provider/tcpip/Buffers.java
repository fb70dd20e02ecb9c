package ws2.provider.tcpip;

import java.nio.ByteBuffer;

/** Scatter and gather copies between one staging buffer and the caller's {@code WSABUF} array. */
final class Buffers {
    private Buffers() {
    }

    /**
     * Sums the bytes the buffers can take or give.
     *
     * @param buffers the buffers
     * @return the total of their {@code remaining()}
     */
    static long remaining(ByteBuffer[] buffers) {
        long total = 0;
        for (ByteBuffer b : buffers) {
            total += b.remaining();
        }
        return total;
    }

    /**
     * Copies from {@code src} into the buffers in order, advancing every position.
     *
     * @param src the bytes to copy, from its position
     * @param dsts where they go
     * @return bytes copied: the smaller of {@code src.remaining()} and the room in {@code dsts}
     */
    static int scatter(ByteBuffer src, ByteBuffer[] dsts) {
        int copied = 0;
        for (int i = 0; i < dsts.length && src.hasRemaining(); i++) {
            ByteBuffer dst = dsts[i];
            int n = Math.min(src.remaining(), dst.remaining());
            dst.put(dst.position(), src, src.position(), n);
            dst.position(dst.position() + n);
            src.position(src.position() + n);
            copied += n;
        }
        return copied;
    }

    /**
     * Copies the buffers, in order, into one new buffer without moving their positions.
     *
     * @param srcs the buffers
     * @param total their {@link #remaining(ByteBuffer[])}
     * @return a buffer holding their bytes, ready to read
     */
    static ByteBuffer gather(ByteBuffer[] srcs, int total) {
        ByteBuffer all = ByteBuffer.allocate(total);
        for (ByteBuffer src : srcs) {
            all.put(all.position(), src, src.position(), src.remaining());
            all.position(all.position() + src.remaining());
        }
        return all.flip();
    }

    /**
     * Marks the buffers as fully sent.
     *
     * @param srcs the buffers whose bytes went out as one datagram
     */
    static void consume(ByteBuffer[] srcs) {
        for (ByteBuffer src : srcs) {
            src.position(src.limit());
        }
    }
}
