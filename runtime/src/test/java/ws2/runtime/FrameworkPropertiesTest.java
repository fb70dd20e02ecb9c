package ws2.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class FrameworkPropertiesTest {

    private final RuntimeHome home = RuntimeHome.at(Path.of("/opt/ws2"));

    @Test
    void defaultsPointIntoTheHomeFolder() {
        Map<String, Object> properties = FrameworkProperties.of(home, true, new Properties());

        assertEquals(Path.of("/opt/ws2/deploy").toString(), properties.get("felix.fileinstall.dir"));
        assertEquals(Path.of("/opt/ws2/data").toString(), properties.get("ws2.data.dir"));
        assertEquals(Path.of("/opt/ws2/data/felix-cache").toString(), properties.get("org.osgi.framework.storage"));
        assertEquals("onFirstInit", properties.get("org.osgi.framework.storage.clean"));
        assertEquals("false", properties.get("felix.bootdelegation.implicit"));
    }

    @Test
    void onlyNonInteractiveRunsKeepGogoOffTheTerminal() {
        assertFalse(FrameworkProperties.of(home, true, new Properties()).containsKey("gosh.args"));
        assertEquals(Path.of("/opt/ws2/data/gosh").toString(),
                FrameworkProperties.of(home, false, new Properties()).get("gosh.home"));
    }

    @Test
    void systemPropertiesWithTheFrameworkPrefixesOverrideTheDefaults() {
        Properties system = new Properties();
        system.setProperty("felix.fileinstall.poll", "200");
        system.setProperty("ws2.data.dir", "/var/lib/ws2");
        system.setProperty("user.name", "someone");

        Map<String, Object> properties = FrameworkProperties.of(home, true, system);

        assertEquals("200", properties.get("felix.fileinstall.poll"));
        assertEquals("/var/lib/ws2", properties.get("ws2.data.dir"));
        assertFalse(properties.containsKey("user.name"));
    }
}
