package ws2.core.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static ws2.api.AddressFamily.AF_INET;
import static ws2.api.IpProtocol.IPPROTO_TCP;
import static ws2.api.IpProtocol.IPPROTO_UDP;
import static ws2.api.SocketType.SOCK_DGRAM;
import static ws2.api.SocketType.SOCK_STREAM;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.catalog.LspCategories;
import ws2.catalog.ProtocolInfo;
import ws2.catalog.ProviderCatalog;
import ws2.catalog.ProviderInfoType;
import ws2.core.testing.LoopbackTransport;
import ws2.core.testing.TestCore;

/** Every transport WSC function through the ProviderCatalog service, native and 32-bit (issue 2). */
class CatalogAdminTest {
    private static final UUID BASE = new UUID(3, 1);
    private static final UUID LSP = new UUID(3, 2);
    private final TestCore t = new TestCore();
    private final ProviderCatalog c = t.core.admin();

    private static List<ProtocolInfo> tcpAndUdp() {
        return List.of(ProtocolInfo.builder().triple(AF_INET, SOCK_STREAM, IPPROTO_TCP).sockAddrLengths(16, 16)
                .protocolName("tcp").build(),
                ProtocolInfo.builder().triple(AF_INET, SOCK_DGRAM, IPPROTO_UDP).sockAddrLengths(16, 16)
                        .protocolName("udp").build());
    }

    private static WsaError code(Call call) {
        return assertThrows(WsaException.class, call::run).error();
    }

    /** A catalog call. */
    @FunctionalInterface
    private interface Call {
        void run() throws WsaException;
    }

    private static List<String> names(List<ProtocolInfo> infos) {
        return infos.stream().map(ProtocolInfo::protocolName).toList();
    }

    @Test
    void installEnumerateAndDeinstallOnEachView() throws WsaException {
        c.installProvider(BASE, "native.jar", tcpAndUdp());
        assertEquals(List.of("tcp", "udp"), names(c.enumProtocols()));
        assertEquals(List.of(), c.enumProtocols32(), "WSCInstallProvider installs into the native catalog only");
        assertEquals(List.of("udp"), names(c.enumProtocols(IPPROTO_UDP)));
        assertEquals(WsaError.WSANO_RECOVERY, code(() -> c.installProvider(BASE, "again", tcpAndUdp())));
        c.deinstallProvider(BASE);
        assertEquals(List.of(), c.enumProtocols());
        assertEquals(WsaError.WSAEINVAL, code(() -> c.deinstallProvider(BASE)));
        assertEquals(WsaError.WSAEINVAL, code(() -> c.deinstallProvider32(BASE)));

        c.installProvider64_32(BASE, "both.jar", tcpAndUdp());
        assertEquals(names(c.enumProtocols()), names(c.enumProtocols32()));
        c.deinstallProvider32(BASE);
        assertEquals(List.of(), c.enumProtocols32());
        assertEquals(2, c.enumProtocols().size(), "the views are independent");
    }

    @Test
    void installProviderAndChains64_32InstallsBothViewsOrNeither() throws WsaException {
        c.installProvider(BASE, "native-only.jar", tcpAndUdp());
        assertEquals(WsaError.WSANO_RECOVERY,
                code(() -> c.installProviderAndChains64_32(LSP, "lsp.jar", null, "Layer", 0, null)),
                "no base protocol in the 32-bit view");
        assertTrue(c.enumProtocols().stream().noneMatch(i -> i.providerId().equals(LSP)), "nothing installed natively");
        c.deinstallProvider(BASE);
        c.installProvider64_32(BASE, "both.jar", tcpAndUdp());
        int layered = c.installProviderAndChains64_32(LSP, "lsp64.jar", "lsp32.jar", "Layer", 0, null);
        assertEquals("Layer over [tcp]", c.enumProtocols().get(0).protocolName());
        assertEquals("Layer over [tcp]", c.enumProtocols32().get(0).protocolName());
        assertEquals("lsp64.jar", c.getProviderPath(LSP));
        assertEquals("lsp32.jar", c.getProviderPath32(LSP));
        assertEquals(layered, c.enumProtocols().get(0).protocolChain().entry(0));
        assertEquals("Layer", c.enumProtocols32().stream().filter(i -> i.protocolChain().isLayered()).findFirst()
                .orElseThrow().protocolName(), "each view has its own layered entry");
    }

    @Test
    void updateReorderPathsAndProviderInfo() throws WsaException {
        c.installProvider64_32(BASE, "v1.jar", tcpAndUdp());
        c.updateProvider(BASE, "v2.jar", tcpAndUdp().subList(0, 1));
        assertEquals(List.of("tcp"), names(c.enumProtocols()));
        assertEquals("v2.jar", c.getProviderPath(BASE));
        assertEquals("v1.jar", c.getProviderPath32(BASE), "the 32-bit catalog keeps its own path");
        c.updateProvider32(BASE, "v2-32.jar", tcpAndUdp());
        assertEquals("v2-32.jar", c.getProviderPath32(BASE));
        int tcp = c.enumProtocols32().get(0).catalogEntryId();
        int udp = c.enumProtocols32().get(1).catalogEntryId();
        c.writeProviderOrder32(udp, tcp);
        assertEquals(List.of("udp", "tcp"), names(c.enumProtocols32()));
        assertEquals(WsaError.WSAEINVAL, code(() -> c.writeProviderOrder(tcp, udp)), "the native catalog has one entry");
        assertEquals(WsaError.WSAEINVAL, code(() -> c.getProviderPath(new UUID(9, 9))));

        c.setProviderInfo(BASE, ProviderInfoType.LSP_CATEGORIES, LspCategories.LSP_INSPECTOR);
        c.setProviderInfo32(BASE, ProviderInfoType.LSP_CATEGORIES, LspCategories.LSP_FIREWALL);
        assertEquals(LspCategories.LSP_INSPECTOR, c.getProviderInfo(BASE, ProviderInfoType.LSP_CATEGORIES));
        assertEquals(LspCategories.LSP_FIREWALL, c.getProviderInfo32(BASE, ProviderInfoType.LSP_CATEGORIES));
        assertEquals(WsaError.ERROR_CALL_NOT_IMPLEMENTED, code(() -> c.getProviderInfo(BASE, ProviderInfoType.AUDIT)));
        assertEquals(WsaError.WSAEINVALIDPROVIDER,
                code(() -> c.getProviderInfo(new UUID(9, 9), ProviderInfoType.LSP_CATEGORIES)));
    }

    @Test
    void applicationCategories() throws WsaException {
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, code(() -> c.getApplicationCategory("svc.host", "-k net")));
        assertEquals(0, c.setApplicationCategory("svc.host", "-k net", LspCategories.LSP_SYSTEM));
        assertEquals(LspCategories.LSP_SYSTEM, c.getApplicationCategory("svc.host", "-k net"));
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, code(() -> c.getApplicationCategory("svc.host", "")),
                "the extra part is part of the identity");
        assertEquals(WsaError.WSAEINVAL, code(() -> c.setApplicationCategory("", "", 1)));
    }

    @Test
    void resetRestoresWhatTheBundlesDeclareAndKeepsIds() throws WsaException {
        t.install(BASE, new LoopbackTransport(), tcpAndUdp());
        c.setApplicationCategory("app", "", LspCategories.LSP_SYSTEM);
        c.reset();
        assertEquals(List.of(), c.enumProtocols(), "no bundle declares entries here, so the default catalog is empty");
        assertEquals(WsaError.WSASERVICE_NOT_FOUND, code(() -> c.getApplicationCategory("app", "")));
        c.installProvider(BASE, "again.jar", tcpAndUdp());
        assertEquals(1001, c.enumProtocols().get(0).catalogEntryId(), "IDs survive a reset");
    }
}
