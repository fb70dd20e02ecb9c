package ws2.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code WSAOVERLAPPED} state: its outcome, and the mark of the thread starting it. */
class OverlappedTest {
    @Test
    void theOutcomeIsRecordedOnceCompleteAndForgottenAtTheNextBegin() {
        Overlapped ov = new Overlapped();
        assertTrue(ov.isComplete(), "a new structure is free to use");
        ov.begin();
        assertFalse(ov.isComplete());
        ov.complete(0, 12, MessageFlags.MSG_PARTIAL);
        assertEquals(12, ov.transferred());
        assertEquals(MessageFlags.MSG_PARTIAL, ov.flags());
        ov.begin();
        assertFalse(ov.isComplete());
    }

    @Test
    void aStartingMarkIsClearedOnlyByTheThreadThatSetIt() throws Exception {
        Overlapped ov = new Overlapped();
        Thread a = new Thread(() -> { });
        Thread b = Thread.currentThread();
        ov.startingIn(a);
        assertTrue(ov.isStartingIn(a));
        ov.startingIn(b); // a's operation pended and completed; b reused the structure before a's call returned
        ov.startedIn(a);
        assertTrue(ov.isStartingIn(b), "a's late return leaves b's mark");
        assertFalse(ov.isStartingIn(a));
        ov.startedIn(b);
        assertFalse(ov.isStartingIn(b));
    }
}
