package ws2.runtime;

import java.io.Console;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Tells whether standard input is a terminal, on every JDK from 17 on.
 *
 * <p>Up to JDK 21, {@link System#console()} is {@code null} unless the JVM runs on a terminal. From JDK 22
 * on it may return a console even when input is redirected, and {@code Console.isTerminal()} (added in 22)
 * tells; it is called reflectively as the launcher compiles for 17.
 */
final class Stdin {

    private Stdin() {
    }

    /**
     * @return whether standard input (and output) is an interactive terminal
     */
    static boolean isTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        Method isTerminal;
        try {
            isTerminal = Console.class.getMethod("isTerminal");
        } catch (NoSuchMethodException e) {
            return true; // before JDK 22 a console exists only on a terminal
        }
        try {
            return (Boolean) isTerminal.invoke(console);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Console.isTerminal() failed", e);
        }
    }
}
