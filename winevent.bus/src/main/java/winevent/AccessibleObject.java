package winevent;

import java.util.List;
import java.util.Objects;

/**
 * What a client learns about the object of an event: the properties an {@code IAccessible}
 * reports, as a snapshot taken when asked.
 *
 * @param name the object's name ({@code get_accName})
 * @param role an {@code ROLE_SYSTEM_*} value of {@link AccessibleConstants} ({@code get_accRole})
 * @param state {@code STATE_SYSTEM_*} bits of {@link AccessibleConstants} ({@code get_accState})
 * @param value the object's value, or an empty string ({@code get_accValue})
 * @param description a longer description, or an empty string ({@code get_accDescription})
 * @param parent the parent object, or null for a window's top object ({@code get_accParent})
 * @param children the child objects ({@code accChild}); copied
 */
public record AccessibleObject(String name, int role, int state, String value, String description,
        EventTriple parent, List<EventTriple> children) {
    /** Checks and copies the parts. */
    public AccessibleObject {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(description, "description");
        children = List.copyOf(children);
    }
}
