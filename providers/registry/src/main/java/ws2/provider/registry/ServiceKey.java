package ws2.provider.registry;

import java.util.Locale;
import java.util.UUID;

/**
 * What identifies a service instance in the registry: its service class and its instance name,
 * compared without regard to case as Winsock compares instance names.
 *
 * @param serviceClassId the service class
 * @param foldedName the instance name in lower case
 */
record ServiceKey(UUID serviceClassId, String foldedName) {
    /**
     * Makes the key of an instance.
     *
     * @param serviceClassId the service class
     * @param name the instance name as given
     * @return the key
     */
    static ServiceKey of(UUID serviceClassId, String name) {
        return new ServiceKey(serviceClassId, fold(name));
    }

    /**
     * Folds an instance name for comparison.
     *
     * @param name a name
     * @return its case-insensitive form
     */
    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
