package winevent.bus.impl;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.function.Executable;

import winevent.WinEventError;
import winevent.WinEventException;

/** The Win32 code a call fails with. */
final class Codes {
    private Codes() {
    }

    static WinEventError code(Executable call) {
        return assertThrows(WinEventException.class, call).error();
    }
}
