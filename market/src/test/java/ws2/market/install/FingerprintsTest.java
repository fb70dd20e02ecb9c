package ws2.market.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    static final String HEX = "59E1CC74B763F9C9FE5539139F169D56586E1A2BB96C1C6EEDB7F9882437D667";

    @Test
    void colonsAndCaseAreOptional() {
        assertEquals(Optional.of(HEX), Fingerprints.parse(HEX.toLowerCase()));
        assertEquals(Optional.of(HEX), Fingerprints.parse(Fingerprints.withColons(HEX)));
        assertEquals(Optional.of(HEX), Fingerprints.parse(" " + Fingerprints.withColons(HEX).toLowerCase() + " "));
        assertEquals("59:E1:CC", Fingerprints.withColons(HEX).substring(0, 8));
    }

    @Test
    void whatIsNotThirtyTwoBytesOfHexIsNoFingerprint() {
        assertEquals(Optional.empty(), Fingerprints.parse("AB12CD34"));
        assertEquals(Optional.empty(), Fingerprints.parse(HEX.substring(1) + "G"));
        assertEquals(Optional.empty(), Fingerprints.parse(HEX + "00"));
        assertEquals(Optional.empty(), Fingerprints.parse(""));
    }

    @Test
    void aFingerprintMatchesThePinnedKeysWrittenAnyWay() {
        assertTrue(Fingerprints.pinned(HEX, List.of("AB12CD34", Fingerprints.withColons(HEX).toLowerCase())));
        assertFalse(Fingerprints.pinned(HEX, List.of("AB12CD34")));
        assertFalse(Fingerprints.pinned(HEX, List.of()));
    }
}
