package ws2.provider.capture;

import java.nio.ByteBuffer;

/**
 * What one data call ({@code WSPSend}, {@code WSPSendTo}, {@code WSPRecv}, {@code WSPRecvFrom})
 * is recorded with: the writer in force when the call began and a mark of the caller's buffers
 * (a duplicate of each, at its position) taken before the call went down. After the call the data
 * it moved is the first bytes the lower provider reported, read from the marks whether or not the
 * provider advanced the caller's positions.
 *
 * <p>Made per call and used by the calling thread only; only made while capture is on.
 *
 * @param out the writer in force
 * @param marks the caller's buffers as they were before the call
 */
record Tap(PcapngWriter out, ByteBuffer[] marks) {
    /**
     * Marks one buffer.
     *
     * @param out the writer in force
     * @param buffer the caller's buffer
     * @return the tap
     */
    static Tap of(PcapngWriter out, ByteBuffer buffer) {
        return new Tap(out, new ByteBuffer[] {buffer.duplicate()});
    }

    /**
     * Marks the buffers of a scatter/gather call ({@code WSABUF} array).
     *
     * @param out the writer in force
     * @param buffers the caller's buffers
     * @return the tap
     */
    static Tap of(PcapngWriter out, ByteBuffer[] buffers) {
        ByteBuffer[] marks = new ByteBuffer[buffers.length];
        for (int i = 0; i < buffers.length; i++) {
            marks[i] = buffers[i].duplicate();
        }
        return new Tap(out, marks);
    }

    /**
     * Returns how many bytes the buffers could hold or held before the call.
     *
     * @return the sum of their remaining bytes
     */
    long room() {
        long room = 0;
        for (ByteBuffer b : marks) {
            room += b.remaining();
        }
        return room;
    }

    /**
     * Copies the data the call moved.
     *
     * @param n the byte count the lower provider returned
     * @return the first {@code n} bytes of the buffers, in order
     */
    byte[] data(int n) {
        byte[] data = new byte[n];
        int at = 0;
        for (ByteBuffer b : marks) {
            int take = Math.min(b.remaining(), n - at);
            b.get(data, at, take);
            at += take;
        }
        return data;
    }
}
