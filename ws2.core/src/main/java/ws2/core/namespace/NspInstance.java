package ws2.core.namespace;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ws2.api.WsaError;
import ws2.api.WsaException;
import ws2.spi.namespace.NamespaceProvider;
import ws2.spi.namespace.NamespaceProviderV2;
import ws2.spi.namespace.NspDispatch;

/**
 * One namespace provider started for one client context: the {@code NSP_ROUTINE} of an NSP v1
 * provider's {@code NSPStartup}, or the session argument of an NSPv2 provider's
 * {@code NSPv2Startup}; ended once, by {@code NSPCleanup}/{@code NSPv2Cleanup} or, for a client
 * that went away, {@code NSPv2ClientSessionRundown}.
 */
final class NspInstance {
    private static final Logger LOG = LoggerFactory.getLogger(NspInstance.class);

    final NspService service;
    final NspDispatch v1;
    final Object session;
    private volatile boolean retired;

    private NspInstance(NspService service, NspDispatch v1, Object session) {
        this.service = service;
        this.v1 = v1;
        this.session = session;
    }

    /** {@code NSPStartup} or {@code NSPv2Startup}, within the call timeout. */
    static NspInstance start(NspService s, NspCalls calls) throws WsaException {
        UUID id = s.id();
        if (s.isV2()) {
            Object session = calls.call(s, "NSPv2Startup", () -> ((NamespaceProviderV2) s.provider()).startup(id));
            return new NspInstance(s, null, session);
        }
        NspDispatch d = calls.call(s, "NSPStartup", () -> ((NamespaceProvider) s.provider()).startup(id));
        if (d == null) {
            throw new WsaException(WsaError.WSAEINVALIDPROCTABLE, "NSPStartup of " + s.describe()
                    + " returned no NSP_ROUTINE");
        }
        return new NspInstance(s, d, null);
    }

    NamespaceProviderV2 v2() {
        return (NamespaceProviderV2) service.provider();
    }

    boolean retired() {
        return retired;
    }

    /**
     * Ends the instance: cleanup (or rundown of a client that went away), once, within the call
     * timeout; its lookups fail with {@code WSA_E_CANCELLED} from now on.
     */
    void retire(NspCalls calls, boolean rundown) {
        if (retired) {
            return;
        }
        retired = true;
        try {
            calls.call(service, service.isV2() ? (rundown ? "NSPv2ClientSessionRundown" : "NSPv2Cleanup") : "NSPCleanup",
                    () -> {
                        if (!service.isV2()) {
                            v1.cleanup();
                        } else if (rundown) {
                            v2().clientSessionRundown(service.id(), session);
                        } else {
                            v2().cleanup(service.id(), session);
                        }
                        return null;
                    });
        } catch (WsaException e) {
            LOG.warn("{}: {}", e.error(), e.getMessage());
        }
    }
}
