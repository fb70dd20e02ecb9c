package ws2.provider.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

class TapTest {
    @Test
    void theDataSentIsReadFromTheMarksWhateverTheProviderDidToThePositions() {
        ByteBuffer a = ByteBuffer.wrap(new byte[] {9, 1, 2});
        a.position(1);
        ByteBuffer b = ByteBuffer.wrap(new byte[] {3, 4, 5});
        Tap tap = Tap.of(null, new ByteBuffer[] {a, b});
        a.position(a.limit());
        b.position(1);
        assertEquals(5, tap.room());
        assertArrayEquals(new byte[] {1, 2, 3}, tap.data(3));
    }

    @Test
    void theDataReceivedIsWhatTheProviderPutAfterTheMark() {
        ByteBuffer buffer = ByteBuffer.allocate(8);
        buffer.put((byte) 7);
        Tap tap = Tap.of(null, buffer);
        buffer.put(new byte[] {1, 2, 3});
        assertEquals(7, tap.room());
        assertArrayEquals(new byte[] {1, 2, 3}, tap.data(3));
    }
}
