package ws2.provider.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static ws2.api.LookupFlags.LUP_RETURN_NAME;
import static ws2.api.QuerySet.SVCID_INET_HOSTADDRBYNAME;
import static ws2.provider.hosts.Lookups.all;
import static ws2.provider.hosts.Lookups.config;
import static ws2.provider.hosts.Lookups.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.WsaException;
import ws2.spi.namespace.NspDispatch;

class HostsProviderTest {
    private static final UUID ID = UUID.fromString(HostsProvider.ID);

    @TempDir
    Path dir;

    @Test
    void theDefaultFileIsTheOneInTheHomeFolderWhenItExists() throws IOException {
        assertEquals(HostsSettings.SYSTEM_HOSTS, HostsSettings.of("", 1000, dir.toString()).file());
        Path inHome = Files.writeString(dir.resolve("hosts"), "10.0.0.1 home\n");
        assertEquals(inHome, HostsSettings.of(" ", 1000, dir.toString()).file());
        assertEquals(HostsSettings.SYSTEM_HOSTS, HostsSettings.of("", 1000, null).file());
        assertEquals(Path.of("/srv/hosts"), HostsSettings.of("/srv/hosts", 1000, dir.toString()).file());
    }

    @Test
    void aPollIntervalBelowTenMillisecondsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> HostsSettings.of("", 9, null));
    }

    @Test
    void aNewFileIsServedInPlaceAndAMalformedConfigurationKeepsTheSettingsInForce() throws IOException, WsaException {
        Path first = Files.writeString(dir.resolve("first"), "10.0.0.1 first\n");
        Path second = Files.writeString(dir.resolve("second"), "10.0.0.2 second\n");
        HostsProvider provider = new HostsProvider(config(first.toString(), 1000), null);
        try {
            NspDispatch dispatch = provider.startup(ID);
            assertEquals("first", all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "first"), LUP_RETURN_NAME).get(0)
                    .instanceName());

            provider.modified(config(second.toString(), 500));
            assertEquals(new HostsSettings(second, 500), provider.settings());
            assertEquals("second", all(dispatch, query(SVCID_INET_HOSTADDRBYNAME, "second"), LUP_RETURN_NAME).get(0)
                    .instanceName(), "a dispatch started before the change reads the new file");

            provider.modified(config(first.toString(), 1));
            assertEquals(new HostsSettings(second, 500), provider.settings());
        } finally {
            provider.deactivate();
        }
    }
}
