package ws2.provider.firewall;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClientGlobTest {
    @Test
    void nameWithoutStarMatchesExactly() {
        ClientGlob g = new ClientGlob("ws2.it.client");
        assertTrue(g.matches("ws2.it.client"));
        assertFalse(g.matches("ws2.it.client2"));
        assertFalse(g.matches("ws2.it.clien"));
    }

    @Test
    void starMatchesAnyRunIncludingNone() {
        ClientGlob g = new ClientGlob("ws2.*");
        assertTrue(g.matches("ws2."));
        assertTrue(g.matches("ws2.it.client"));
        assertFalse(g.matches("ws3.it"));
        assertTrue(new ClientGlob("*").matches(""));
        assertTrue(new ClientGlob("*").matches("anything"));
    }

    @Test
    void starsInTheMiddleBacktrack() {
        ClientGlob g = new ClientGlob("com.*.test*.impl");
        assertTrue(g.matches("com.acme.test.impl"));
        assertTrue(g.matches("com.acme.x.tests.a.impl"));
        assertFalse(g.matches("com.acme.test.impl2"));
        assertTrue(new ClientGlob("*a*b").matches("aaab"));
        assertFalse(new ClientGlob("*a*b").matches("aaba"));
    }

    @Test
    void emptyPatternIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ClientGlob(""));
    }
}
