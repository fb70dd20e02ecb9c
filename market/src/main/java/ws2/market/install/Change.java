package ws2.market.install;

import java.util.Objects;

import ws2.api.WsaError;
import ws2.api.WsaException;

/**
 * One bundle changed by a journaled operation.
 *
 * @param symbolicName the bundle
 * @param from the version before, or the empty string if it was not installed
 * @param to the version after, or the empty string if it was uninstalled
 */
public record Change(String symbolicName, String from, String to) {
    /** How the journal writes "not installed". */
    public static final String NONE = "none";

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the name is empty or has a space, or nothing changes
     */
    public Change {
        Objects.requireNonNull(symbolicName, "symbolicName");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (symbolicName.isEmpty() || symbolicName.contains(" ") || from.contains(" ") || to.contains(" ")) {
            throw new IllegalArgumentException("bad change: " + symbolicName + " " + from + " -> " + to);
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("no change: " + symbolicName + " " + from);
        }
    }

    /**
     * Reads the journal form.
     *
     * @param text {@code <name> <from> -> <to>}
     * @return the change
     * @throws WsaException {@code WSANO_RECOVERY} if it is malformed
     */
    public static Change parse(String text) throws WsaException {
        String[] p = text.strip().split(" ");
        if (p.length != 4 || !p[2].equals("->")) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the journal has a malformed change: " + text);
        }
        try {
            return new Change(p[0], p[1].equals(NONE) ? "" : p[1], p[3].equals(NONE) ? "" : p[3]);
        } catch (IllegalArgumentException e) {
            throw new WsaException(WsaError.WSANO_RECOVERY, "the journal has a malformed change: " + text, e);
        }
    }

    @Override
    public String toString() {
        return symbolicName + " " + (from.isEmpty() ? NONE : from) + " -> " + (to.isEmpty() ? NONE : to);
    }
}
