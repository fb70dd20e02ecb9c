package ws2.provider.firewall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PortRangeTest {
    @Test
    void singlePortMatchesOnlyItself() {
        PortRange p = PortRange.parse("25");
        assertTrue(p.contains(25));
        assertFalse(p.contains(24));
        assertFalse(p.contains(26));
        assertEquals("25", p.toString());
    }

    @Test
    void rangeIncludesBothEnds() {
        PortRange p = PortRange.parse("7000-7010");
        assertTrue(p.contains(7000));
        assertTrue(p.contains(7005));
        assertTrue(p.contains(7010));
        assertFalse(p.contains(6999));
        assertFalse(p.contains(7011));
        assertEquals("7000-7010", p.toString());
    }

    @Test
    void noPortOfANonIpAddressIsInAnyRange() {
        assertFalse(PortRange.parse("0-65535").contains(-1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", "-1", "65536", "99999999999", "10-", "-10", "10-5", "1-2-3", "+5", " 5"})
    void malformedPortsAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> PortRange.parse(text));
    }
}
