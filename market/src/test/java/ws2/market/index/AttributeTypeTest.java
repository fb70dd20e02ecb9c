package ws2.market.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;

/** Attribute types of the R5 repository format (issue 7). */
class AttributeTypeTest {
    @Test
    void scalarsAreTyped() {
        assertEquals("a b", AttributeType.parse(null, "a b"));
        assertEquals(" x ", AttributeType.parse("String", " x "));
        assertEquals(64L, AttributeType.parse("Long", " 64"));
        assertEquals(0.25, AttributeType.parse("Double", "0.25"));
        assertEquals(new Version(0, 1, 0, "SNAPSHOT"), AttributeType.parse("Version", "0.1.0.SNAPSHOT"));
    }

    @Test
    void listsSplitOnUnescapedCommas() {
        assertEquals(List.of("native", "compat32"), AttributeType.parse("List<String>", "native,compat32"));
        assertEquals(List.of("a,b", "c\\d"), AttributeType.parse("List<String>", "a\\,b,c\\\\d"));
        assertEquals(List.of(1L, 2L), AttributeType.parse("List<Long>", "1, 2"));
        assertEquals(List.of(new Version(1, 8, 0), new Version(17, 0, 0)), AttributeType.parse("List<Version>", "1.8,17"));
        assertEquals(List.of(), AttributeType.parse("List<String>", ""));
    }

    @Test
    void badValuesAndTypesAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AttributeType.parse("Long", "sixty"));
        assertTrue(e.getMessage().contains("\"sixty\" is not a Long"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> AttributeType.parse("Integer", "1"));
        assertTrue(e.getMessage().contains("unknown attribute type \"Integer\""), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AttributeType.parse("List<Version>", "1.x"));
    }
}
