package ws2.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The framework configuration of the runtime: the launcher's defaults, overridden by the user's system
 * properties.
 */
final class FrameworkProperties {

    /** System properties with these prefixes are passed to the framework and override the defaults. */
    static final List<String> OVERRIDABLE_PREFIXES = List.of("ws2.", "felix.", "org.osgi.", "gosh.");

    /** gogo.jline runs its login profile but reads no commands, and leaves the framework running. */
    private static final String NO_SHELL = "--nointeractive --noshutdown";

    private FrameworkProperties() {
    }

    /**
     * Builds the framework properties.
     *
     * @param home        the home folder
     * @param interactive whether gogo.jline may run its shell on the terminal
     * @param system      the system properties; those with an {@linkplain #OVERRIDABLE_PREFIXES overridable
     *                    prefix} replace the defaults
     * @return a new mutable map
     */
    static Map<String, Object> of(RuntimeHome home, boolean interactive, Properties system) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", home.cache().toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        // Without this, Felix lets bundles load classes from the launcher's class path.
        properties.put("felix.bootdelegation.implicit", "false");
        properties.put("ws2.data.dir", home.data().toString());
        // the home itself, where providers look for their files (the hosts provider's <home>/hosts)
        properties.put(RuntimeHome.HOME_PROPERTY, home.home().toString());
        properties.put("felix.fileinstall.dir", home.deploy().toString());
        properties.put("felix.fileinstall.poll", "100");
        properties.put("felix.fileinstall.noInitialDelay", "true");
        properties.put("felix.fileinstall.bundles.new.start", "true");
        // warnings and errors only, through java.util.logging, i.e. on standard error
        properties.put("felix.fileinstall.log.level", "2");
        properties.put("felix.fileinstall.log.default", "jul");
        if (!interactive) {
            properties.put("gosh.args", NO_SHELL);
            properties.put("gosh.home", home.batchShell().toString());
        }
        for (String name : system.stringPropertyNames()) {
            if (OVERRIDABLE_PREFIXES.stream().anyMatch(name::startsWith)) {
                properties.put(name, system.getProperty(name));
            }
        }
        return properties;
    }
}
