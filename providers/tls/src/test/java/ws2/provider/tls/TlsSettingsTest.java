package ws2.provider.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLEngine;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ws2.api.SockAddr;
import ws2.api.WsaError;
import ws2.api.WsaException;

/** Configuration values turned into {@link TlsSettings}, and what each refusal says. */
class TlsSettingsTest {
    private static final SockAddr PEER = SockAddr.of(InetAddress.getLoopbackAddress(), 8443);

    @TempDir
    static Path dir;
    static TestStores stores;

    @BeforeAll
    static void stores() throws Exception {
        stores = TestStores.make(dir);
    }

    @Test
    void protocolValuesAreSplitOnCommasAndDefaultWhenEmpty() {
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsSettings.protocolList(new String[] {" TLSv1.3 , TLSv1.2 "}));
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), TlsSettings.protocolList(new String[] {"TLSv1.2", "TLSv1.3,"}));
        assertEquals(TlsSettings.DEFAULT_PROTOCOLS, TlsSettings.protocolList(new String[] {" ", ""}));
        assertEquals(TlsSettings.DEFAULT_PROTOCOLS, TlsSettings.protocolList(new String[0]));
    }

    @Test
    void aKeyStoreMakesServerEnginesAndProtocolsAreApplied() throws Exception {
        TlsSettings s = TlsSettings.load(stores.keyStore.toString(), TestStores.PASSWORD, "", "",
                new String[] {"TLSv1.2"});
        assertTrue(s.canServe());
        SSLEngine server = s.serverEngine();
        assertFalse(server.getUseClientMode());
        assertEquals(List.of("TLSv1.2"), List.of(server.getEnabledProtocols()));
        SSLEngine client = s.clientEngine(PEER);
        assertTrue(client.getUseClientMode());
        assertEquals(8443, client.getPeerPort());
    }

    @Test
    void withoutAKeyStoreAcceptedConnectionsAreRefused() throws Exception {
        TlsSettings s = TlsSettings.load("", "", stores.trustStore.toString(), TestStores.PASSWORD, new String[0]);
        assertFalse(s.canServe());
        assertTrue(s.clientEngine(PEER).getUseClientMode());
        WsaException e = assertThrows(WsaException.class, s::serverEngine);
        assertEquals(WsaError.WSAEACCES, e.error());
        assertTrue(e.getMessage().contains("no key store"), e.getMessage());
    }

    @Test
    void unreadableStoresAndUnknownProtocolsAreRefusedByName() {
        WsaException missing = assertThrows(WsaException.class,
                () -> TlsSettings.load(dir.resolve("nope.p12").toString(), "x", "", "", new String[0]));
        assertEquals(WsaError.WSAEINVAL, missing.error());
        assertTrue(missing.getMessage().contains("keyStore") && missing.getMessage().contains("nope.p12"),
                missing.getMessage());
        WsaException password = assertThrows(WsaException.class,
                () -> TlsSettings.load("", "", stores.trustStore.toString(), "wrong", new String[0]));
        assertEquals(WsaError.WSAEINVAL, password.error());
        assertTrue(password.getMessage().contains("trustStore"), password.getMessage());
        WsaException protocol = assertThrows(WsaException.class,
                () -> TlsSettings.load("", "", "", "", new String[] {"TLSv1.3,SSLv9"}));
        assertEquals(WsaError.WSAEINVAL, protocol.error());
        assertTrue(protocol.getMessage().contains("'SSLv9'"), protocol.getMessage());
    }

    @Test
    void refusingSettingsMakeNoEngine() {
        TlsSettings s = TlsSettings.refusing("bad store");
        WsaException client = assertThrows(WsaException.class, () -> s.clientEngine(PEER));
        assertEquals(WsaError.WSAEACCES, client.error());
        assertTrue(client.getMessage().endsWith("bad store"), client.getMessage());
        assertEquals(WsaError.WSAEACCES, assertThrows(WsaException.class, s::serverEngine).error());
    }
}
