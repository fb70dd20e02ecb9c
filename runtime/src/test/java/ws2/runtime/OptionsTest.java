package ws2.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void noArgumentsMeanNoScriptsAndNoHelp() throws UsageException {
        Options options = Options.parse();

        assertFalse(options.help());
        assertTrue(options.scripts().isEmpty());
    }

    @Test
    void scriptsKeepTheirOrder() throws UsageException {
        assertEquals(List.of("lb", "echo hi"), Options.parse("-c", "lb", "--command", "echo hi").scripts());
    }

    @Test
    void helpIsRecognisedInBothSpellings() throws UsageException {
        assertTrue(Options.parse("--help").help());
        assertTrue(Options.parse("-h").help());
    }

    @Test
    void commandWithoutScriptIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> Options.parse("-c"));

        assertTrue(e.getMessage().contains("-c"), e.getMessage());
    }

    @Test
    void unknownArgumentIsAUsageError() {
        UsageException e = assertThrows(UsageException.class, () -> Options.parse("--verbose"));

        assertTrue(e.getMessage().contains("--verbose"), e.getMessage());
    }
}
