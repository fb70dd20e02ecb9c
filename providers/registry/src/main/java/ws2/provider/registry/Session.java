package ws2.provider.registry;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The client session argument of {@code NSPv2Startup}: one per client context (bundle) that
 * started the provider. Instances registered through a session belong to it and are removed by its
 * {@code NSPv2Cleanup} or {@code NSPv2ClientSessionRundown}. Compared by identity.
 */
final class Session {
    private static final AtomicLong SERIAL = new AtomicLong();

    private final long serial = SERIAL.incrementAndGet();

    @Override
    public String toString() {
        return "registry session " + serial;
    }
}
