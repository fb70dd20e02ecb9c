package ws2.spi.upcall;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * An asynchronous procedure call ({@code LPWSAUSERAPC}), queued with {@link Upcall#queueApc} and
 * run on the target thread during its next alertable wait.
 */
@ConsumerType
@FunctionalInterface
public interface Apc {
    /**
     * Runs the call.
     *
     * @param context the value given to {@link Upcall#queueApc} ({@code dwContext})
     */
    void run(Object context);
}
